import type { AccessWidth, Word64 } from '@rvhv/mmu';
import { ByteQueue } from './byte-queue.js';
import type { ConsoleInput } from './console-input.js';
import type { ConsolePort } from './console-port.js';
import type { IrqLine, MmioDevice } from './device.js';

/**
 * The NS16550A UART (National Semiconductor PC16550D data sheet), as Linux's
 * 8250 driver, its earlycon and U-Boot's ns16550 driver use it, behaving
 * like QEMU's `serial.c` where the data sheet leaves room.
 *
 * Register numbers (multiplied by 2^regShift for the byte offset; `virt`
 * uses regShift 0):
 *
 *     0  RBR (read) / THR (write); DLL while LCR.DLAB = 1
 *     1  IER;                       DLM while LCR.DLAB = 1
 *     2  IIR (read) / FCR (write)
 *     3  LCR   4 MCR   5 LSR   6 MSR   7 SCR
 *
 * Transmission is instantaneous: a byte written to THR goes to the console
 * at once (or, in loopback mode, to the receiver), so THR and the transmit
 * FIFO are always empty again when software next looks (LSR.THRE = TEMT =
 * 1) and the THRE interrupt is re-raised after each write. The baud-rate
 * divisor is kept but does not pace anything.
 *
 * Reception: host input waits in a host-side queue and enters the receive
 * FIFO (16 bytes; 1 byte, the RBR, with FIFOs off) as software drains it,
 * so host input is never lost; only the guest's own loopback traffic can
 * overrun (LSR.OE). The character timeout of the real chip (data below the
 * trigger level for four character times) is modelled as "the line is
 * idle": data below the trigger level reports the timeout interrupt
 * (IIR 0xCC) at once, data at or above it the data-available one (0xC4).
 *
 * Interrupt identification follows the data sheet's priorities: receiver
 * line status (OE/BI) > received data available or character timeout >
 * THR empty > modem status. THRE is cleared by reading IIR while it is the
 * identified source or by writing THR; setting IER.ETBEI while THR is empty
 * raises it again (what Linux's THRE test and Windows rely on; QEMU too).
 * As on QEMU (and unlike PC wiring), MCR.OUT2 does not gate the interrupt.
 *
 * Every access width is accepted and acts on the register at its offset
 * with the low byte of the data, as on QEMU; offsets past the eight
 * registers read 0 and ignore writes.
 */
export const UART_REG = { RBR: 0, THR: 0, DLL: 0, IER: 1, DLM: 1, IIR: 2, FCR: 2, LCR: 3, MCR: 4, LSR: 5, MSR: 6, SCR: 7 } as const;

/** Interrupt enable register bits. */
export const UART_IER = { ERBFI: 0x01, ETBEI: 0x02, ELSI: 0x04, EDSSI: 0x08 } as const;
/** Interrupt identification values (IIR bits 3:0) and the FIFO-enabled bits 7:6. */
export const UART_IIR = { NO_INT: 0x01, MSI: 0x00, THRI: 0x02, RDI: 0x04, RLSI: 0x06, CTI: 0x0c, FIFO: 0xc0 } as const;
/** FIFO control register bits. */
export const UART_FCR = { ENABLE: 0x01, CLEAR_RX: 0x02, CLEAR_TX: 0x04, DMA: 0x08, TRIGGER: 0xc0 } as const;
export const UART_LCR = { DLAB: 0x80, BREAK: 0x40 } as const;
export const UART_MCR = { DTR: 0x01, RTS: 0x02, OUT1: 0x04, OUT2: 0x08, LOOP: 0x10 } as const;
export const UART_LSR = { DR: 0x01, OE: 0x02, PE: 0x04, FE: 0x08, BI: 0x10, THRE: 0x20, TEMT: 0x40, FIFO_ERROR: 0x80 } as const;
export const UART_MSR = { DCTS: 0x01, DDSR: 0x02, TERI: 0x04, DDCD: 0x08, CTS: 0x10, DSR: 0x20, RI: 0x40, DCD: 0x80 } as const;

/** Depth of the 16550A's receive FIFO. */
export const UART_FIFO_SIZE = 16;
/** Receive FIFO trigger levels selected by FCR bits 7:6. */
const TRIGGER_LEVELS = [1, 4, 8, 14] as const;
/** Modem status inputs outside loopback: the host end is a connected, ready modem (CTS, DSR, DCD; QEMU's default). */
const IDLE_MODEM_INPUTS = UART_MSR.CTS | UART_MSR.DSR | UART_MSR.DCD;
const LINE_STATUS_INTERRUPTS = UART_LSR.OE | UART_LSR.PE | UART_LSR.FE | UART_LSR.BI;

export interface Uart16550aOptions {
  readonly console: ConsolePort;
  readonly irq: IrqLine;
  /** log2 of the spacing of registers in bytes (device tree `reg-shift`); default 0. */
  readonly regShift?: number;
}

export class Uart16550a implements MmioDevice, ConsoleInput {
  private readonly console: ConsolePort;
  private readonly irq: IrqLine;
  private readonly regShift: number;
  private readonly host = new ByteQueue();
  private readonly rx = new Uint8Array(UART_FIFO_SIZE);
  private rxHead = 0;
  private rxCount = 0;
  private ier = 0;
  private fcr = 0;
  private lcr = 0;
  private mcr = 0;
  private scr = 0;
  private dll = 0;
  private dlm = 0;
  /** Latched LSR error bits (OE, BI), cleared by reading LSR. */
  private lineErrors = 0;
  /** THR-empty interrupt pending (cleared by reading IIR while it is identified, or by writing THR). */
  private thrPending = false;
  /** Modem status: inputs in bits 7:4, delta bits 3:0. */
  private msr = IDLE_MODEM_INPUTS;
  private irqLevel = false;

  constructor(options: Uart16550aOptions) {
    this.console = options.console;
    this.irq = options.irq;
    this.regShift = options.regShift ?? 0;
    this.irq.set(false);
  }

  /** Bytes of host input not yet in the receive FIFO. */
  get queuedInput(): number {
    return this.host.length;
  }

  /** Host input (keystrokes): queued, then fed to the receive FIFO as it drains. */
  receive(bytes: Uint8Array): void {
    this.host.push(bytes);
    this.feed();
    this.updateIrq();
  }

  /** Master reset: registers to their data-sheet reset values; queued host input is kept. */
  reset(): void {
    this.rxHead = this.rxCount = 0;
    this.ier = this.fcr = this.lcr = this.mcr = this.scr = this.dll = this.dlm = 0;
    this.lineErrors = 0;
    this.thrPending = false;
    this.msr = IDLE_MODEM_INPUTS;
    this.feed();
    this.updateIrq();
  }

  read(offset: number, _width: AccessWidth, out: Word64): boolean {
    out.hi = 0;
    out.lo = 0;
    const reg = offset >>> this.regShift;
    if (offset < 0 || (offset & ((1 << this.regShift) - 1)) !== 0 || reg > UART_REG.SCR) return true;
    out.lo = this.readRegister(reg);
    return true;
  }

  write(offset: number, _width: AccessWidth, lo: number, _hi: number): boolean {
    const reg = offset >>> this.regShift;
    if (offset < 0 || (offset & ((1 << this.regShift) - 1)) !== 0 || reg > UART_REG.SCR) return true;
    this.writeRegister(reg, lo & 0xff);
    return true;
  }

  /** The current interrupt identification (IIR value), without side effects. */
  identify(): number {
    const fifoBits = this.fifoEnabled ? UART_IIR.FIFO : 0;
    const lsr = this.lsr();
    let id: number = UART_IIR.NO_INT;
    if ((this.ier & UART_IER.ELSI) !== 0 && (lsr & LINE_STATUS_INTERRUPTS) !== 0) id = UART_IIR.RLSI;
    else if ((this.ier & UART_IER.ERBFI) !== 0 && this.rxCount > 0) id = this.rxCount < this.triggerLevel ? UART_IIR.CTI : UART_IIR.RDI;
    else if ((this.ier & UART_IER.ETBEI) !== 0 && this.thrPending) id = UART_IIR.THRI;
    else if ((this.ier & UART_IER.EDSSI) !== 0 && (this.msr & 0x0f) !== 0) id = UART_IIR.MSI;
    return id | fifoBits;
  }

  private get fifoEnabled(): boolean {
    return (this.fcr & UART_FCR.ENABLE) !== 0;
  }

  private get loopback(): boolean {
    return (this.mcr & UART_MCR.LOOP) !== 0;
  }

  /** Bytes of receive data that raise the data-available interrupt (1 with FIFOs off). */
  private get triggerLevel(): number {
    return this.fifoEnabled ? TRIGGER_LEVELS[this.fcr >>> 6]! : 1;
  }

  private lsr(): number {
    return (this.rxCount > 0 ? UART_LSR.DR : 0) | this.lineErrors | UART_LSR.THRE | UART_LSR.TEMT;
  }

  private readRegister(reg: number): number {
    const dlab = (this.lcr & UART_LCR.DLAB) !== 0;
    switch (reg) {
      case UART_REG.RBR:
        return dlab ? this.dll : this.readRbr();
      case UART_REG.IER:
        return dlab ? this.dlm : this.ier;
      case UART_REG.IIR: {
        const iir = this.identify();
        // Reading IIR while it names THRE clears that interrupt (data sheet, Table IV).
        if ((iir & 0x0f) === UART_IIR.THRI) {
          this.thrPending = false;
          this.updateIrq();
        }
        return iir;
      }
      case UART_REG.LCR:
        return this.lcr;
      case UART_REG.MCR:
        return this.mcr;
      case UART_REG.LSR: {
        const lsr = this.lsr();
        if (this.lineErrors !== 0) {
          this.lineErrors = 0;
          this.updateIrq();
        }
        return lsr;
      }
      case UART_REG.MSR: {
        const msr = this.msr;
        if ((msr & 0x0f) !== 0) {
          this.msr &= 0xf0;
          this.updateIrq();
        }
        return msr;
      }
      default:
        return this.scr;
    }
  }

  private readRbr(): number {
    if (this.rxCount === 0) return 0;
    const byte = this.rx[this.rxHead]!;
    this.rxHead = (this.rxHead + 1) % UART_FIFO_SIZE;
    this.rxCount--;
    this.feed();
    this.updateIrq();
    return byte;
  }

  private writeRegister(reg: number, value: number): void {
    const dlab = (this.lcr & UART_LCR.DLAB) !== 0;
    switch (reg) {
      case UART_REG.THR:
        if (dlab) this.dll = value;
        else this.transmit(value);
        return;
      case UART_REG.IER:
        if (dlab) {
          this.dlm = value;
        } else {
          const changed = (this.ier ^ value) & 0x0f;
          this.ier = value & 0x0f;
          // Enabling ETBEI while THR is empty raises THRE again, even if an IIR read had cleared it.
          if ((changed & UART_IER.ETBEI) !== 0) this.thrPending = (this.ier & UART_IER.ETBEI) !== 0;
          this.updateIrq();
        }
        return;
      case UART_REG.FCR:
        this.writeFcr(value);
        return;
      case UART_REG.LCR:
        this.lcr = value;
        return;
      case UART_REG.MCR:
        this.writeMcr(value & 0x1f);
        return;
      case UART_REG.LSR:
        // LSR is meant for factory testing only when written (data sheet); ignored, as QEMU does.
        return;
      case UART_REG.MSR:
        return;
      default:
        this.scr = value;
    }
  }

  private transmit(byte: number): void {
    if (this.loopback) this.loopbackReceive(byte);
    else this.console.write(Uint8Array.of(byte));
    // The byte left THR at once: THR is empty again, which is a new THRE event.
    this.thrPending = true;
    this.updateIrq();
  }

  /** A byte transmitted in loopback mode arrives at the receiver; a full receiver overruns. */
  private loopbackReceive(byte: number): void {
    const capacity = this.fifoEnabled ? UART_FIFO_SIZE : 1;
    if (this.rxCount < capacity) {
      this.rx[(this.rxHead + this.rxCount) % UART_FIFO_SIZE] = byte;
      this.rxCount++;
      return;
    }
    this.lineErrors |= UART_LSR.OE;
    // With FIFOs the byte in the shift register is lost; without, it overwrites RBR (data sheet, LSR bit 1).
    if (!this.fifoEnabled) this.rx[this.rxHead] = byte;
  }

  private writeFcr(value: number): void {
    let v = value;
    // Switching the FIFOs on or off empties them (data sheet, FCR bit 0).
    if (((v ^ this.fcr) & UART_FCR.ENABLE) !== 0) v |= UART_FCR.CLEAR_RX | UART_FCR.CLEAR_TX;
    if ((v & UART_FCR.CLEAR_RX) !== 0) {
      this.rxHead = this.rxCount = 0;
      this.lineErrors &= ~UART_LSR.BI;
    }
    if ((v & UART_FCR.CLEAR_TX) !== 0) this.thrPending = true;
    this.fcr = v & (UART_FCR.ENABLE | UART_FCR.DMA | UART_FCR.TRIGGER);
    this.feed();
    this.updateIrq();
  }

  private writeMcr(value: number): void {
    const before = this.modemInputs();
    this.mcr = value;
    const after = this.modemInputs();
    // Delta bits (data sheet, MSR bits 3:0): CTS, DSR, DCD changed; RI went from 1 to 0.
    const changed = before ^ after;
    let delta = 0;
    if ((changed & UART_MSR.CTS) !== 0) delta |= UART_MSR.DCTS;
    if ((changed & UART_MSR.DSR) !== 0) delta |= UART_MSR.DDSR;
    if ((before & UART_MSR.RI) !== 0 && (after & UART_MSR.RI) === 0) delta |= UART_MSR.TERI;
    if ((changed & UART_MSR.DCD) !== 0) delta |= UART_MSR.DDCD;
    this.msr = after | (this.msr & 0x0f) | delta;
    this.feed();
    this.updateIrq();
  }

  /** MSR bits 7:4: in loopback the modem outputs are wired back (RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD). */
  private modemInputs(): number {
    if (!this.loopback) return IDLE_MODEM_INPUTS;
    const m = this.mcr;
    return (
      ((m & UART_MCR.RTS) !== 0 ? UART_MSR.CTS : 0) |
      ((m & UART_MCR.DTR) !== 0 ? UART_MSR.DSR : 0) |
      ((m & UART_MCR.OUT1) !== 0 ? UART_MSR.RI : 0) |
      ((m & UART_MCR.OUT2) !== 0 ? UART_MSR.DCD : 0)
    );
  }

  /** Moves host input into the receiver while it has room (not in loopback: the receiver is then disconnected from the line). */
  private feed(): void {
    if (this.loopback) return;
    const capacity = this.fifoEnabled ? UART_FIFO_SIZE : 1;
    while (this.rxCount < capacity && this.host.length > 0) {
      this.rx[(this.rxHead + this.rxCount) % UART_FIFO_SIZE] = this.host.shift();
      this.rxCount++;
    }
  }

  private updateIrq(): void {
    const level = (this.identify() & UART_IIR.NO_INT) === 0;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }
}
