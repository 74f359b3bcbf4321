import { describe, expect, it } from 'vitest';
import { BufferedConsole, UART_FCR, UART_IER, UART_IIR, UART_LCR, UART_LSR, UART_MCR, UART_MSR, UART_REG, Uart16550a } from '../src/index.js';
import { IrqProbe } from './irq-probe.js';

function setup() {
  const console = new BufferedConsole();
  const irq = new IrqProbe();
  const uart = new Uart16550a({ console, irq });
  const rd = (reg: number): number => {
    const out = { lo: 0, hi: 0 };
    expect(uart.read(reg, 1, out)).toBe(true);
    return out.lo;
  };
  const wr = (reg: number, value: number): void => {
    expect(uart.write(reg, 1, value, 0)).toBe(true);
  };
  return { console, irq, uart, rd, wr };
}

const bytes = (s: string) => new TextEncoder().encode(s);
const FIFO_ON = UART_FCR.ENABLE | UART_FCR.CLEAR_RX | UART_FCR.CLEAR_TX;

describe('Uart16550a', () => {
  it('comes out of reset with no interrupt, an empty transmitter and a connected modem', () => {
    const { rd, irq } = setup();
    expect(rd(UART_REG.IIR)).toBe(0x01);
    expect(rd(UART_REG.LSR)).toBe(0x60);
    expect(rd(UART_REG.MSR)).toBe(0xb0);
    expect(rd(UART_REG.IER)).toBe(0);
    expect(rd(UART_REG.LCR)).toBe(0);
    expect(irq.level).toBe(false);
  });

  it('sends bytes written to THR to the console', () => {
    const { wr, console, rd } = setup();
    for (const b of bytes('hello\n')) {
      expect(rd(UART_REG.LSR) & (UART_LSR.THRE | UART_LSR.TEMT)).toBe(UART_LSR.THRE | UART_LSR.TEMT);
      wr(UART_REG.THR, b);
    }
    expect(console.text()).toBe('hello\n');
  });

  it('keeps the divisor latch behind DLAB, as U-Boot programs it', () => {
    const { wr, rd, console } = setup();
    wr(UART_REG.IER, 0);
    wr(UART_REG.MCR, UART_MCR.DTR | UART_MCR.RTS);
    wr(UART_REG.FCR, FIFO_ON);
    wr(UART_REG.LCR, UART_LCR.DLAB | 0x03);
    wr(UART_REG.DLL, 0x36);
    wr(UART_REG.DLM, 0x01);
    expect(rd(UART_REG.DLL)).toBe(0x36);
    expect(rd(UART_REG.DLM)).toBe(0x01);
    wr(UART_REG.LCR, 0x03);
    expect(rd(UART_REG.IER)).toBe(0);
    expect(console.text()).toBe('');
    wr(UART_REG.THR, 0x41);
    expect(console.text()).toBe('A');
  });

  it('holds one received byte in RBR with FIFOs off and feeds the next as it is read', () => {
    const { uart, rd } = setup();
    uart.receive(bytes('abc'));
    expect(uart.queuedInput).toBe(2);
    let text = '';
    while (rd(UART_REG.LSR) & UART_LSR.DR) text += String.fromCharCode(rd(UART_REG.RBR));
    expect(text).toBe('abc');
    expect(rd(UART_REG.LSR) & UART_LSR.OE).toBe(0);
  });

  it('loses no host input beyond the 16-byte FIFO', () => {
    const { uart, rd, wr } = setup();
    wr(UART_REG.FCR, FIFO_ON);
    const input = 'The quick brown fox jumps over the lazy dog';
    uart.receive(bytes(input));
    expect(uart.queuedInput).toBe(input.length - 16);
    let text = '';
    while (rd(UART_REG.LSR) & UART_LSR.DR) text += String.fromCharCode(rd(UART_REG.RBR));
    expect(text).toBe(input);
    expect(uart.queuedInput).toBe(0);
  });

  it('reports FIFO bits in IIR and data-available at the trigger level, timeout below it', () => {
    const { uart, rd, wr, irq } = setup();
    wr(UART_REG.IER, UART_IER.ERBFI);
    for (const [bits, level] of [
      [0x00, 1],
      [0x40, 4],
      [0x80, 8],
      [0xc0, 14],
    ] as const) {
      wr(UART_REG.FCR, FIFO_ON | bits);
      if (level > 1) {
        uart.receive(new Uint8Array(level - 1));
        expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.CTI);
        expect(irq.level).toBe(true);
        uart.receive(new Uint8Array(1));
      } else {
        uart.receive(new Uint8Array(1));
      }
      expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.RDI);
      // Draining below the trigger level turns it into a timeout, draining it all clears it.
      rd(UART_REG.RBR);
      if (level > 1) expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.CTI);
      while (rd(UART_REG.LSR) & UART_LSR.DR) rd(UART_REG.RBR);
      expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.NO_INT);
      expect(irq.level).toBe(false);
    }
  });

  it('clears the receive FIFO on FCR bit 1 and when the FIFOs are switched off', () => {
    const { uart, rd, wr } = setup();
    wr(UART_REG.FCR, FIFO_ON);
    uart.receive(bytes('0123456789abcdefXYZ'));
    wr(UART_REG.FCR, UART_FCR.ENABLE | UART_FCR.CLEAR_RX);
    // The FIFO is refilled from the host queue: the 16 bytes in it are gone, the rest arrive.
    expect(String.fromCharCode(rd(UART_REG.RBR))).toBe('X');
    wr(UART_REG.FCR, 0);
    // Switching the FIFOs off empties them: Y and Z are gone too.
    expect(rd(UART_REG.LSR) & UART_LSR.DR).toBe(0);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.NO_INT);
    uart.receive(bytes('!'));
    expect(String.fromCharCode(rd(UART_REG.RBR))).toBe('!');
  });

  it('raises THRE when ETBEI is enabled, clears it on an IIR read or a THR write, re-raises it after transmission', () => {
    const { rd, wr, irq } = setup();
    wr(UART_REG.IER, UART_IER.ETBEI);
    expect(irq.level).toBe(true);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.THRI);
    expect(irq.level).toBe(false);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.NO_INT);
    wr(UART_REG.THR, 0x21);
    expect(irq.level).toBe(true);
    // Linux's THRE test: IER off and on again re-raises it.
    rd(UART_REG.IIR);
    wr(UART_REG.IER, 0);
    wr(UART_REG.IER, UART_IER.ETBEI);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.THRI);
    wr(UART_REG.IER, 0);
    expect(irq.level).toBe(false);
  });

  it('orders IIR by priority: line status > received data > THRE > modem status', () => {
    const { rd, wr, irq } = setup();
    wr(UART_REG.FCR, FIFO_ON);
    wr(UART_REG.MCR, UART_MCR.LOOP);
    // Overrun the receiver through loopback: 17 bytes into a 16-byte FIFO.
    for (let i = 0; i < 17; i++) wr(UART_REG.THR, 0x30 + i);
    wr(UART_REG.MCR, UART_MCR.LOOP | UART_MCR.RTS); // CTS changes: a modem status event
    wr(UART_REG.IER, UART_IER.ERBFI | UART_IER.ETBEI | UART_IER.ELSI | UART_IER.EDSSI);
    expect(irq.level).toBe(true);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.RLSI);
    expect(rd(UART_REG.LSR)).toBe(UART_LSR.DR | UART_LSR.OE | UART_LSR.THRE | UART_LSR.TEMT);
    expect(rd(UART_REG.LSR) & UART_LSR.OE).toBe(0);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.RDI);
    let received = 0;
    while (rd(UART_REG.LSR) & UART_LSR.DR) {
      expect(rd(UART_REG.RBR)).toBe(0x30 + received);
      received++;
    }
    expect(received).toBe(16);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.THRI);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.MSI);
    // Entering loopback changed CTS, DSR and DCD; RTS then raised CTS again.
    expect(rd(UART_REG.MSR)).toBe(UART_MSR.CTS | 0x0b);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.FIFO | UART_IIR.NO_INT);
    expect(irq.level).toBe(false);
  });

  it('wires modem outputs to inputs in loopback (Linux 8250 probe: LOOP|OUT2|RTS reads 0x90)', () => {
    const { rd, wr, console } = setup();
    wr(UART_REG.MCR, UART_MCR.LOOP | 0x0a);
    expect(rd(UART_REG.MSR) & 0xf0).toBe(0x90);
    wr(UART_REG.MCR, UART_MCR.LOOP | UART_MCR.DTR | UART_MCR.OUT1);
    expect(rd(UART_REG.MSR)).toBe(0x60 | 0x0b); // DSR, RI; CTS, DSR, DCD changed
    wr(UART_REG.MCR, UART_MCR.LOOP);
    expect(rd(UART_REG.MSR)).toBe(0x02 | 0x04); // DSR changed, RI trailing edge
    wr(UART_REG.THR, 0x55);
    expect(rd(UART_REG.LSR) & UART_LSR.DR).toBe(UART_LSR.DR);
    expect(rd(UART_REG.RBR)).toBe(0x55);
    expect(console.text()).toBe('');
  });

  it('keeps host input queued while in loopback and delivers it afterwards', () => {
    const { uart, rd, wr } = setup();
    wr(UART_REG.MCR, UART_MCR.LOOP);
    uart.receive(bytes('k'));
    expect(rd(UART_REG.LSR) & UART_LSR.DR).toBe(0);
    wr(UART_REG.MCR, 0);
    expect(rd(UART_REG.RBR)).toBe(0x6b);
  });

  it('overwrites RBR on a loopback overrun with FIFOs off', () => {
    const { rd, wr } = setup();
    wr(UART_REG.MCR, UART_MCR.LOOP);
    wr(UART_REG.THR, 1);
    wr(UART_REG.THR, 2);
    expect(rd(UART_REG.LSR) & UART_LSR.OE).toBe(UART_LSR.OE);
    expect(rd(UART_REG.RBR)).toBe(2);
  });

  it('passes Linux autoconfig: IER holds exactly its low four bits, scratch holds a byte', () => {
    const { rd, wr } = setup();
    wr(UART_REG.IER, 0);
    expect(rd(UART_REG.IER) & 0x0f).toBe(0);
    wr(UART_REG.IER, 0xff);
    expect(rd(UART_REG.IER)).toBe(0x0f);
    wr(UART_REG.IER, 0);
    wr(UART_REG.SCR, 0xa5);
    expect(rd(UART_REG.SCR)).toBe(0xa5);
    wr(UART_REG.FCR, UART_FCR.ENABLE);
    expect(rd(UART_REG.IIR) & 0xc0).toBe(0xc0);
  });

  it('raises the receive interrupt line only while ERBFI is enabled', () => {
    const { uart, wr, irq, rd } = setup();
    uart.receive(bytes('x'));
    expect(irq.level).toBe(false);
    wr(UART_REG.IER, UART_IER.ERBFI);
    expect(irq.level).toBe(true);
    expect(rd(UART_REG.IIR)).toBe(UART_IIR.RDI);
    rd(UART_REG.RBR);
    expect(irq.level).toBe(false);
  });

  it('answers wider accesses with the register at the offset, and reads 0 past the registers', () => {
    const { uart, wr } = setup();
    wr(UART_REG.SCR, 0x5a);
    const out = { lo: -1, hi: -1 };
    expect(uart.read(UART_REG.SCR, 4, out)).toBe(true);
    expect(out).toEqual({ lo: 0x5a, hi: 0 });
    expect(uart.read(0x10, 8, out)).toBe(true);
    expect(out).toEqual({ lo: 0, hi: 0 });
    expect(uart.write(0x20, 4, 1, 0)).toBe(true);
  });

  it('spaces registers by 2^regShift', () => {
    const console = new BufferedConsole();
    const uart = new Uart16550a({ console, irq: new IrqProbe(), regShift: 2 });
    uart.write(UART_REG.THR * 4, 4, 0x41, 0);
    uart.write(UART_REG.SCR * 4, 4, 0x77, 0);
    const out = { lo: 0, hi: 0 };
    uart.read(UART_REG.SCR * 4, 4, out);
    expect(out.lo).toBe(0x77);
    uart.read(UART_REG.LSR * 4 + 1, 1, out);
    expect(out.lo).toBe(0);
    expect(console.text()).toBe('A');
  });
});
