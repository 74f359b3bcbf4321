import { describe, expect, it } from 'vitest';
import { BufferedConsole, ManualClock, MemoryBlockBackend } from '@rvhv/devices';
import {
  createVirtMachine,
  findChild,
  findNode,
  findProperty,
  fdtValue,
  parseFdt,
  VIRT_LAYOUT,
  type VirtMachine,
  type VirtMachineConfig,
} from '../../src/index.js';
import { powerOff, program } from './helpers/program.js';

const MiB = 1024 * 1024;

function machine(source: string, config: Partial<VirtMachineConfig> = {}): VirtMachine {
  const created = createVirtMachine({ ramSize: 16 * MiB, images: { bios: program(source) }, ...config });
  if (!created.ok) throw new Error(created.error);
  return created.machine;
}

/** Reads a doubleword the program stored at a label of its .data (found by its offset from RAM). */
function ramWord(m: VirtMachine, address: number): bigint {
  return m.board.memory.ram.view.getBigUint64(address - m.board.memory.ram.base, true);
}

/** Scratch memory the test programs write their observations to (past their code). */
const DATA = 0x8000_1000;

describe('the virt machine', () => {
  it('stops when the guest powers off, with its code', () => {
    const m = machine(powerOff(3));
    const progress = m.runFor(1_000_000);
    expect(progress.kind).toBe('stopped');
    expect(m.result).toMatchObject({ reason: 'poweroff', code: 3, message: 'the guest powered off with code 3' });
    expect(m.result!.instructions).toBeGreaterThan(6);
  });

  it('enters the firmware from the boot ROM with a0 = hartid, a1 = the DTB in RAM, a2 = fw_dynamic_info', () => {
    const m = machine(`
  li t0, ${DATA}
  sd a0, 0(t0)
  sd a1, 8(t0)
  sd a2, 16(t0)
${powerOff()}`);
    m.runFor(1_000_000);
    expect(m.result?.reason).toBe('poweroff');
    expect(ramWord(m, DATA)).toBe(0n);
    expect(ramWord(m, DATA + 16)).toBe(0x1028n);
    const dtbAddress = Number(ramWord(m, DATA + 8));
    expect(dtbAddress).toBe(0x80e0_0000);
    const ram = m.board.memory.ram;
    const parsed = parseFdt(ram.bytes.subarray(dtbAddress - ram.base));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(fdtValue.readString(findProperty(parsed.tree.root, 'model')!.value)).toBe('riscv-virtio,qemu');
    expect(ram.bytes.subarray(dtbAddress - ram.base, dtbAddress - ram.base + m.dtb.length)).toEqual(m.dtb);
  });

  it('runs every hart: each starts at the firmware with its own hart id', () => {
    const m = machine(
      `
  csrr t0, mhartid
  slli t1, t0, 3
  li t2, ${DATA}
  add t2, t2, t1
  addi t3, t0, 100
  sd t3, 0(t2)
  bnez t0, 2f
  li t4, ${DATA + 24}
1:
  ld t5, 0(t4)
  beqz t5, 1b
${powerOff()}
2:
  wfi
  j 2b
`,
      { harts: 4 },
    );
    m.runFor(10_000_000);
    expect(m.result?.reason).toBe('poweroff');
    expect([0, 1, 2, 3].map((h) => ramWord(m, DATA + 8 * h))).toEqual([100n, 101n, 102n, 103n]);
  });

  it('wakes a hart waiting in WFI with an IPI from another hart (CLINT msip), and back', () => {
    const m = machine(
      `
  li t0, 0x8                # MSIE (MIE stays 0: wfi wakes, no trap)
  csrs mie, t0
  li s0, 0x2000000          # CLINT msip[0]; msip[1] at +4
  csrr t0, mhartid
  bnez t0, 2f
  li t1, 1
  sw t1, 4(s0)              # hart 0: poke hart 1
1:
  wfi
  lw t1, 0(s0)
  beqz t1, 1b
  li t2, ${DATA}
  ld t3, 0(t2)
  li t4, 0x1ead
  bne t3, t4, 1b
${powerOff()}
2:
  wfi                       # hart 1: wait for the poke
  lw t1, 4(s0)
  beqz t1, 2b
  sw zero, 4(s0)
  li t2, ${DATA}
  li t3, 0x1ead
  sd t3, 0(t2)
  li t1, 1
  sw t1, 0(s0)              # poke hart 0 back
3:
  wfi
  j 3b
`,
      { harts: 2, sliceInstructions: 1000 },
    );
    m.runFor(1_000_000);
    expect(m.result?.reason).toBe('poweroff');
    // The waits cost nothing: about one slice, hart 0 spinning after its poweroff write until the loop looks.
    expect(m.instructions).toBeLessThan(1100);
  });

  it('reboots on a guest reset: a new board, the images loaded again, the count of instructions going on', () => {
    const m = machine(`
  li t0, 0x100000
  li t1, 0x7777
  sw t1, 0(t0)
1:
  j 1b
`);
    const first = m.board;
    m.runFor(100);
    expect(m.result).toBe(undefined);
    expect(m.board).not.toBe(first);
    // The new board's hart has not run yet: it starts at the boot ROM, and the image is in its RAM.
    expect(m.board.harts[0]!.pc).toBe(0x1000);
    expect(m.board.memory.ram.view.getUint32(0, true)).toBe(first.memory.ram.view.getUint32(0, true));
    expect(m.instructions).toBe(100);
    m.runFor(100);
    expect(m.board.harts[0]!.pc).toBe(0x1000);
    expect(m.instructions).toBe(200);
  });

  it('ends the run on a guest reset with onReset stop (-no-reboot)', () => {
    const m = machine(`
  li t0, 0x100000
  li t1, 0x7777
  sw t1, 0(t0)
1:
  j 1b
`, { onReset: 'stop' });
    m.runFor(20_000);
    expect(m.result).toMatchObject({ reason: 'reset', code: undefined });
  });

  it('ends a bare program that reports through HTIF', () => {
    const m = machine(`
  li t0, 3
  la t1, tohost
  sd t0, 0(t1)
1:
  j 1b
  .section .tohost, "aw", @progbits
  .globl tohost
tohost: .dword 0
`);
    m.runFor(1_000_000);
    expect(m.result).toMatchObject({ reason: 'exit', code: 1 });
  });

  const waitForTimer = (ticks: number, after: string) => `
  li t0, 0x200bff8
  ld t1, 0(t0)
  li t2, ${ticks}
  add t1, t1, t2
  li t0, 0x2004000
  sd t1, 0(t0)
  li t0, 0x80
  csrs mie, t0
1:
  wfi
  csrr t0, mip
  andi t0, t0, 0x80
  beqz t0, 1b
${after}`;

  it('skips idle time with time from the instruction count: a one-second wait costs a few instructions', () => {
    const m = machine(waitForTimer(10_000_000, powerOff()));
    m.runFor(1_000_000);
    expect(m.result?.reason).toBe('poweroff');
    expect(m.instructions).toBeLessThan(20_000);
    expect(m.clock.now()).toBeGreaterThanOrEqual(10_000_000);
  });

  it('reports idling until a deadline with a host clock, and goes on once the clock gets there', () => {
    const clock = new ManualClock();
    const m = machine(waitForTimer(5000, powerOff()), { time: { kind: 'host', clock } });
    const progress = m.runFor(1_000_000);
    expect(progress.kind).toBe('idle');
    const until = progress.kind === 'idle' ? progress.until : 0;
    expect(until).toBe(m.board.clint.nextDeadline());
    expect(until).toBeGreaterThanOrEqual(5000);
    expect(m.runFor(1_000_000).kind).toBe('idle');
    clock.set(until);
    expect(m.runFor(1_000_000).kind).toBe('stopped');
    expect(m.result?.reason).toBe('poweroff');
  });

  it('idles until a hart’s Sstc deadline with a host clock, whatever the CLINT comparators (all ones: never) compute', () => {
    const clock = new ManualClock(undefined, 1000);
    const m = machine(
      `
  li t0, 1
  slli t0, t0, 63
  csrs menvcfg, t0         # STCE: stimecmp drives STIP
  rdtime t1
  li t2, 5000
  add t1, t1, t2
  csrw stimecmp, t1
  li t0, 0x20
  csrs mie, t0
1:
  wfi
  csrr t0, mip
  andi t0, t0, 0x20
  beqz t0, 1b
${powerOff(4)}`,
      { time: { kind: 'host', clock } },
    );
    const progress = m.runFor(1_000_000);
    expect(progress.kind).toBe('idle');
    const until = progress.kind === 'idle' ? progress.until : 0;
    expect(until).toBeGreaterThanOrEqual(6000);
    expect(until).toBeLessThan(7000);
    clock.set(until);
    m.runFor(1_000_000);
    expect(m.result).toMatchObject({ reason: 'poweroff', code: 4 });
  });

  it('reports idling forever when every hart waits and no timer is set', () => {
    const m = machine(`
1:
  wfi
  j 1b
`);
    expect(m.runFor(1_000_000)).toEqual({ kind: 'idle', until: Infinity });
  });

  it('gives the same run for the same program with time from the instruction count', () => {
    const source = `
  li t0, ${DATA}
  li t1, 64
1:
  rdtime t2
  sd t2, 0(t0)
  li t3, 0x200bff8
  ld t3, 0(t3)
  sd t3, 8(t0)
  addi t0, t0, 16
  li t4, 97
2:
  addi t4, t4, -1
  bnez t4, 2b
  addi t1, t1, -1
  bnez t1, 1b
${powerOff()}`;
    const snapshot = (shift: number) => {
      const m = machine(source, { time: { kind: 'icount', shift } });
      m.runFor(10_000_000);
      const ram = m.board.memory.ram;
      return Array.from(ram.bytes.subarray(DATA - ram.base, DATA - ram.base + 64 * 16));
    };
    const a = snapshot(0);
    expect(a).toEqual(snapshot(0));
    const times = Array.from({ length: 64 }, (_, i) => new DataView(Uint8Array.from(a).buffer).getBigUint64(i * 16, true));
    expect(times[63]! - times[0]!).toBeGreaterThan(0n);
    // 2^4 ns per instruction: time runs 16 times as fast per instruction.
    const b = snapshot(4);
    const timesB = Array.from({ length: 64 }, (_, i) => new DataView(Uint8Array.from(b).buffer).getBigUint64(i * 16, true));
    expect(timesB[63]! - timesB[0]!).toBeGreaterThan(10n * (times[63]! - times[0]!));
  });

  it('wakes from an idle wait for console input and echoes it (the asynchronous run)', async () => {
    const console = new BufferedConsole();
    const m = machine(
      `
  li s0, 0x10000000
  li t0, 1
  sb t0, 1(s0)             # UART IER: receive data available
  li t0, 0x0c000000 + 4 * 10
  li t1, 1
  sw t1, 0(t0)             # PLIC priority of source 10
  li t0, 0x0c002000
  li t1, 1 << 10
  sw t1, 0(t0)             # enabled for hart 0 M-mode
  li t0, 0x800
  csrs mie, t0             # MEIE (MIE stays 0: wfi wakes, no trap)
1:
  wfi
2:
  lbu t0, 5(s0)
  andi t0, t0, 1
  beqz t0, 1b
  lbu t1, 0(s0)
  sb t1, 0(s0)
  li t2, 0x71              # 'q'
  bne t1, t2, 2b
${powerOff(7)}`,
      { console, time: { kind: 'host' } },
    );
    const done = m.run();
    setTimeout(() => m.receiveInput(new TextEncoder().encode('hi q')), 5);
    const result = await done;
    expect(result).toMatchObject({ reason: 'poweroff', code: 7 });
    expect(console.text()).toBe('hi q');
  });

  it('stops when the host asks', async () => {
    const m = machine(`
1:
  j 1b
`);
    const done = m.run();
    setTimeout(() => m.stop('enough'), 5);
    expect(await done).toMatchObject({ reason: 'host', message: 'enough' });
  });

  it('stops after an instruction budget', async () => {
    const m = machine(`
1:
  j 1b
`);
    expect(await m.run({ maxInstructions: 50_000 })).toMatchObject({ reason: 'limit' });
    expect(m.instructions).toBe(50_000);
  });
});

describe('the virt board', () => {
  it('maps a device at every address the device tree names, with the size it names', () => {
    const m = machine(powerOff());
    const parsed = parseFdt(m.dtb);
    if (!parsed.ok) throw new Error(parsed.error);
    const soc = findNode(parsed.tree.root, '/soc')!;
    expect(soc.children.length).toBeGreaterThan(10);
    for (const node of soc.children) {
      const [hiBase, loBase, hiSize, loSize] = fdtValue.readCells(findProperty(node, 'reg')!.value)!;
      const base = hiBase! * 2 ** 32 + loBase!;
      const region = m.board.bus.regionAt(base);
      expect(region, node.name).toBeDefined();
      expect(region!.entry).toMatchObject({ base, size: hiSize! * 2 ** 32 + loSize! });
    }
    const memory = findChild(parsed.tree.root, 'memory@80000000')!;
    expect(fdtValue.readCells(findProperty(memory, 'reg')!.value)).toEqual([0, 0x8000_0000, 0, 16 * MiB]);
  });

  it('puts the first virtio device in the highest slot, as QEMU does, and leaves the others empty (DeviceID 0)', () => {
    const disk = new MemoryBlockBackend(new Uint8Array(4096));
    const m = machine(powerOff(), { virtio: [{ kind: 'blk', backend: disk }, { kind: 'rng', entropy: { fill: (b) => b.fill(4) } }] });
    const out = { lo: 0, hi: 0 };
    const deviceId = (slot: number): number => {
      m.board.bus.read(VIRT_LAYOUT.virtio.base + slot * VIRT_LAYOUT.virtio.size + 8, 4, out);
      return out.lo;
    };
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(deviceId)).toEqual([0, 0, 0, 0, 0, 0, 4, 2]);
    expect(m.board.virtio.map((v) => v.slot)).toEqual([6, 7]);
  });

  it('wires device interrupts through the PLIC to the harts: M context to MEIP, S context to SEIP', () => {
    const m = machine(powerOff(), { harts: 2 });
    const { bus, harts } = m.board;
    const w = (address: number, value: number) => bus.write(address, 4, value, 0);
    w(0x0c00_0000 + 4 * 10, 1);
    w(0x0c00_2000 + 0x80 * 3, 1 << 10); // context 3: hart 1, S-mode
    bus.write(0x1000_0001, 1, 2, 0); // UART IER.ETBEI: THR empty raises the line
    expect(harts[1]!.irqLines & (1 << 9)).toBe(1 << 9);
    expect(harts[1]!.irqLines & (1 << 11)).toBe(0);
    expect(harts[0]!.irqLines & ((1 << 9) | (1 << 11))).toBe(0);
    w(0x0c00_2000 + 0x80 * 0, 1 << 10); // context 0: hart 0, M-mode
    expect(harts[0]!.irqLines & (1 << 11)).toBe(1 << 11);
  });

  it('refuses configurations the board cannot have', () => {
    const bios = program('  nop');
    expect(createVirtMachine({ harts: 9, images: { bios } })).toEqual({ ok: false, error: 'the virt board has 1 to 8 harts, not 9' });
    expect(createVirtMachine({ ramSize: 1000, images: { bios } })).toMatchObject({ ok: false, error: /RAM size 1000 bytes/ });
    expect(createVirtMachine({ images: { bios }, dtb: new Uint8Array(40) })).toMatchObject({ ok: false, error: /^device tree: / });
    expect(createVirtMachine({ ramSize: 2 * MiB, images: { bios: new Uint8Array(2 * MiB - 100) } })).toMatchObject({ ok: false, error: /too small: no room for the device tree/ });
  });
});
