import { describe, expect, it } from 'vitest';
import { createRam } from '@rvhv/mmu';
import { CoherentMemory, Hart, Interrupt, assemble } from '@rvhv/isa';
import { BufferedConsole, Bus, CLINT, Clint, ManualClock, Plic, SIFIVE_TEST, SifiveTest, Uart16550a, plicSize, type PowerEvent } from '../src/index.js';

/**
 * The devices on a bus with a real hart running machine code: timer and
 * external interrupts reach the hart, the program reaches the registers
 * with 8-, 16-, 32- and 64-bit loads and stores, as firmware and kernels do.
 */
const PROGRAM = `
  .equ UART, 0x10000000
  .equ PLIC, 0x0c000000
  .equ CLINT, 0x02000000
  .equ TEST, 0x00100000
_start:
  la t0, trap
  csrw mtvec, t0
  li s0, UART
  li t1, 'O'
  sb t1, 0(s0)
  li s1, PLIC
  li t1, 1
  sw t1, 4*10(s1)              # priority of source 10 (the UART)
  li t2, PLIC + 0x2000         # context 0 enables: bit 10, read-modify-write as Linux's plic_toggle
  lw t3, 0(t2)
  li t1, 1 << 10
  or t3, t3, t1
  sw t3, 0(t2)
  li t1, 1                     # UART IER = ERBFI
  sb t1, 1(s0)
  li s2, CLINT
  li t3, CLINT + 0xbff8
  ld t4, 0(t3)                 # mtime
  addi t4, t4, 1000
  li t5, CLINT + 0x4000
  sd t4, 0(t5)                 # mtimecmp = mtime + 1000
  li t1, (1 << 11) | (1 << 7)  # MEIE | MTIE
  csrw mie, t1
  csrsi mstatus, 8
wait:
  wfi
  j wait

trap:
  csrr t0, mcause
  bgez t0, fail
  slli t0, t0, 1
  srli t0, t0, 1
  li t1, 7
  beq t0, t1, timer
  li t1, 11
  beq t0, t1, external
fail:
  li t1, TEST
  li t2, (1 << 16) | 0x3333
  sw t2, 0(t1)
  j fail
timer:
  li t1, -1
  li t5, CLINT + 0x4000
  sd t1, 0(t5)                 # mtimecmp = all ones: no more timer interrupts
  li t1, 'T'
  sb t1, 0(s0)
  mret
external:
  li t2, PLIC + 0x200004
  lw t3, 0(t2)                 # claim
  lbu t4, 0(s0)                # the received byte
  sb t4, 0(s0)                 # echo
  sw t3, 0(t2)                 # complete
  li t1, TEST
  li t2, 0x5555
  sh t2, 0(t1)                 # power off, as OpenSBI does
  mret
`;

describe('devices driven by a hart', () => {
  it('delivers timer and UART interrupts through CLINT and PLIC to code using loads and stores', () => {
    const assembled = assemble(PROGRAM);
    if (!assembled.ok) throw new Error(assembled.errors.map((e) => e.text).join('\n'));
    const text = assembled.sections.find((s) => s.name === '.text')!;
    const ram = createRam(0x8000_0000, 0x1_0000);
    ram.bytes.set(text.data, Number(text.address) - ram.base);
    const bus = new Bus(ram);
    const memory = new CoherentMemory(bus);
    const clock = new ManualClock();
    // The lines exist before the hart does: they reach it through this list.
    const harts: Hart[] = [];
    const line = (bit: number) => ({ set: (level: boolean) => harts[0]?.setIrqLine(bit, level) });
    const clint = new Clint({ clock, harts: [{ msip: line(Interrupt.MSI), mtip: line(Interrupt.MTI) }] });
    const plic = new Plic({ contexts: [line(Interrupt.MEI), line(Interrupt.SEI)] });
    const console = new BufferedConsole();
    const uart = new Uart16550a({ console, irq: plic.input(10) });
    const events: PowerEvent[] = [];
    bus.map({ name: 'test', base: 0x10_0000, size: SIFIVE_TEST.size }, new SifiveTest((e) => events.push(e)));
    bus.map({ name: 'clint', base: 0x200_0000, size: CLINT.size }, clint);
    bus.map({ name: 'plic', base: 0xc00_0000, size: plicSize(2) }, plic);
    bus.map({ name: 'uart0', base: 0x1000_0000, size: 0x100 }, uart);
    const hart = new Hart({ memory, resetPc: Number(assembled.entry), readTime: () => clint.mtime() });
    harts.push(hart);

    for (let round = 0; round < 200 && events.length === 0; round++) {
      hart.run(500);
      clock.advance(50);
      clint.update();
      if (round === 100) uart.receive(new TextEncoder().encode('x'));
    }
    expect(console.text()).toBe('OTx');
    expect(events).toEqual([{ kind: 'poweroff', code: 0 }]);
    expect(plic.isPending(10)).toBe(false);
  });
});
