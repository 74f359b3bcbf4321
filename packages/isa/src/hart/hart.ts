import type { Word64 } from '@rvhv/mmu';
import { decode, type Decoded } from '../decode/decoder.js';
import { ADDRESS_EXCEPTIONS, Exception, INTERRUPT_PRIORITY, Privilege, SGEI_BIT, VS_INTERRUPTS, type PrivilegeLevel } from './causes.js';
import { CoherentMemory } from './coherent-memory.js';
import { CSR } from '../table/csrs.js';
import { HSTATUS, HSTATUS_HI_VSXL, HSTATUS_SHIFT, MSTATUS, MSTATUS_HI, MSTATUS_SHIFT, XL64 } from './mstatus.js';
import { HART_STATE_BYTES, registerFileAt, type RegisterFile } from './register-file.js';
import { highWord, lowWord } from './int64-address.js';
import { Counter } from './csr/counters.js';
import { HANDLERS } from './exec/handlers.js';
import { interruptPendingBits } from './csr/interrupt-state.js';
import { timerDeadline } from './csr/timers.js';

/** What the hart does with a misaligned load/store (the spec allows either). */
export type MisalignedPolicy = 'perform' | 'trap';

/** A hook that sees every trap taken into HS/S-mode before the hart vectors to stvec. */
export type TrapHook = (hart: Hart, cause: number, interrupt: boolean) => boolean;

export interface HartOptions {
  /** mhartid. */
  hartId?: number;
  /** Index of this hart among the harts sharing `memory` (for reservations). Defaults to hartId. */
  hartIndex?: number;
  memory: CoherentMemory;
  /** Registers; by default a fresh block of their own. */
  registers?: RegisterFile;
  misaligned?: MisalignedPolicy;
  /**
   * Source of the `time` CSR (the platform's mtime). Defaults to the number
   * of cycles divided by 100, i.e. a 10 MHz timebase on a 1 GHz hart.
   */
  readTime?: () => number;
  /** Reset pc (default 0x8000_0000, where a bare program starts). */
  resetPc?: number;
}

/** Instructions run between interrupt checks when nothing ends a batch early. */
const BATCH = 256;

/** misa: RV64 (MXL=2) with I, M, A, F, D, C, S, U. */
const MISA_EXTENSIONS = ['I', 'M', 'A', 'F', 'D', 'C', 'S', 'U'];

export type ExecuteHandler = (hart: Hart, d: Decoded) => void;

/**
 * One RISC-V hart: architectural state, the fetch/decode/execute loop,
 * memory accesses with their faults, and traps. Instruction semantics live
 * in `exec/` (one handler per table row); CSR semantics in `csr/`.
 *
 * Conventions used by handlers:
 * - `pc` is the address of the executing instruction, `nextPc` is where
 *   execution continues (pc + length unless a handler changes it).
 * - A handler that hits an exception calls {@link Hart.raise} (or a memory
 *   access does it for it), which enters the trap and sets `trapped`; the
 *   handler must then return without writing its destination.
 * - Addresses and pc are signed 64-bit values held in JS numbers (exact for
 *   every usable address, see int64-address.ts).
 */
export class Hart {
  readonly hartId: number;
  readonly hartIndex: number;
  readonly memory: CoherentMemory;
  readonly x: Int32Array;
  readonly f: Int32Array;
  readonly fd: Float64Array;
  /** CSR storage for registers kept as plain values: lo at 2*n, hi at 2*n+1. */
  readonly csr = new Int32Array(8192);

  pc: number;
  nextPc: number;
  priv: PrivilegeLevel = Privilege.M;
  /** The virtualization mode V (H extension); always false until the hart implements H. */
  virt = false;
  /** Set when the current instruction trapped; cleared by the run loop. */
  trapped = false;
  /** In WFI, waiting for an interrupt. */
  waiting = false;
  /** Ends the current batch after this instruction (CSR writes, xRET, device events). */
  stopBatch = false;
  /** Accrued floating-point exception flags (fflags) and dynamic rounding mode (frm). */
  fflags = 0;
  frm = 0;
  misaligned: MisalignedPolicy;
  /** Interrupt lines driven by devices (MSIP, MTIP, MEIP, SEIP), as mip bits. */
  irqLines = 0;
  /** Retired instruction and cycle counts since reset (before offsets from CSR writes). */
  cycles = 0;
  instret = 0;
  /** High word of the last 64-bit load. */
  loadHi = 0;
  trapHook: TrapHook | undefined;
  /** mcycle and minstret as software sees them (offsets from CSR writes, mcountinhibit). */
  counters = { cycle: new Counter((h) => h.cycles), instret: new Counter((h) => h.instret) };

  private readonly readTimeSource: () => number;
  private readonly scratch: Word64 = { lo: 0, hi: 0 };

  constructor(options: HartOptions) {
    this.hartId = options.hartId ?? 0;
    this.hartIndex = options.hartIndex ?? this.hartId;
    this.memory = options.memory;
    const regs = options.registers ?? registerFileAt(new ArrayBuffer(HART_STATE_BYTES), 0);
    this.x = regs.x;
    this.f = regs.f;
    this.fd = regs.fd;
    this.misaligned = options.misaligned ?? 'perform';
    this.readTimeSource = options.readTime ?? (() => Math.floor(this.cycles / 100));
    this.pc = this.nextPc = options.resetPc ?? 0x8000_0000;
    this.reset(this.pc);
  }

  /** Architectural reset (privileged spec 3.4): M-mode, MIE=0, MPRV=0, misa at its maximum. */
  reset(pc: number): void {
    this.x.fill(0);
    this.f.fill(0);
    this.csr.fill(0);
    this.pc = this.nextPc = pc;
    this.priv = Privilege.M;
    this.virt = false;
    this.waiting = false;
    this.fflags = 0;
    this.frm = 0;
    let misa = 0;
    for (const e of MISA_EXTENSIONS) misa |= 1 << (e.charCodeAt(0) - 65);
    this.csr[CSR.misa * 2] = misa;
    this.csr[CSR.misa * 2 + 1] = XL64 << 30; // MXL in bits 63:62
    this.csr[CSR.mstatus * 2 + 1] = (XL64 << 2) | XL64; // SXL = UXL = 64
    this.csr[CSR.mhartid * 2] = this.hartId;
    this.memory.clearReservation(this.hartIndex);
    this.cycles = 0;
    this.instret = 0;
    this.counters = { cycle: new Counter((h) => h.cycles), instret: new Counter((h) => h.instret) };
  }

  // ---- registers -------------------------------------------------------

  /** Writes a sign-extended 32-bit result to x[rd] (W instructions and 32-bit loads). */
  setX32(rd: number, value: number): void {
    this.x[rd * 2] = value;
    this.x[rd * 2 + 1] = value >> 31;
  }

  /** Writes a 64-bit value given as halves. */
  setX64(rd: number, lo: number, hi: number): void {
    this.x[rd * 2] = lo;
    this.x[rd * 2 + 1] = hi;
  }

  /** x[rd] = a number holding a signed 64-bit value (addresses, pc + 4). */
  setXNumber(rd: number, value: number): void {
    this.x[rd * 2] = lowWord(value);
    this.x[rd * 2 + 1] = highWord(value);
  }

  /** x[r] as a number (exact for values below 2^53 in magnitude: addresses). */
  xNumber(r: number): number {
    return this.x[r * 2 + 1]! * 4294967296 + (this.x[r * 2]! >>> 0);
  }

  /** x[rs1] + imm as an address number. */
  address(rs1: number, imm: number): number {
    return this.x[rs1 * 2 + 1]! * 4294967296 + (this.x[rs1 * 2]! >>> 0) + imm;
  }

  // ---- privilege and status ---------------------------------------------

  get mstatus(): number {
    return this.csr[CSR.mstatus * 2]!;
  }

  set mstatus(lo: number) {
    this.csr[CSR.mstatus * 2] = lo;
  }

  /** Effective privilege for data accesses (MPRV in M-mode uses MPP, privileged spec 3.1.6.3). */
  dataPrivilege(): PrivilegeLevel {
    const s = this.mstatus;
    if (this.priv === Privilege.M && (s & MSTATUS.MPRV) !== 0) {
      return ((s & MSTATUS.MPP) >>> MSTATUS_SHIFT.MPP) as PrivilegeLevel;
    }
    return this.priv;
  }

  /** FS field of mstatus: 0 means the F/D state is off and float instructions are illegal. */
  floatEnabled(): boolean {
    return (this.mstatus & MSTATUS.FS) !== 0;
  }

  /** Marks the float state dirty (mstatus.FS = 3, SD = 1) after a write of f registers or fflags. */
  markFloatDirty(): void {
    this.csr[CSR.mstatus * 2] |= MSTATUS.FS;
    this.csr[CSR.mstatus * 2 + 1] |= MSTATUS_HI.SD;
  }

  // ---- memory ----------------------------------------------------------

  /**
   * Translates a data address. Bare translation only for now (the MMU issue
   * adds Sv39/Sv48 and the G-stage); returns the physical address.
   */
  private translateData(va: number): number {
    return va;
  }

  private misalignedFault(va: number, width: number, cause: number): boolean {
    if (this.misaligned === 'trap' && va % width !== 0) {
      this.raise(cause, va);
      return true;
    }
    return false;
  }

  /** Loads `width` (1, 2 or 4) bytes, sign-extended to int32 when `signed`, else as uint32-in-int32 bits. */
  load(va: number, width: 1 | 2 | 4, signed: boolean): number {
    if (this.misalignedFault(va, width, Exception.loadMisaligned)) return 0;
    const pa = this.translateData(va);
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off <= ram.size - width) {
      const v = ram.view;
      if (width === 4) return v.getInt32(off, true);
      if (width === 2) return signed ? v.getInt16(off, true) : v.getUint16(off, true);
      return signed ? v.getInt8(off) : v.getUint8(off);
    }
    if (!this.memory.read(pa, width, this.scratch)) {
      this.raise(Exception.loadAccessFault, va);
      return 0;
    }
    const lo = this.scratch.lo;
    if (width === 4) return lo | 0;
    const shift = 32 - width * 8;
    return signed ? (lo << shift) >> shift : lo & ((1 << (width * 8)) - 1);
  }

  /** Loads 8 bytes: returns the low word, the high word is left in `loadHi`. */
  load64(va: number): number {
    if (this.misalignedFault(va, 8, Exception.loadMisaligned)) return 0;
    const pa = this.translateData(va);
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off <= ram.size - 8) {
      this.loadHi = ram.view.getInt32(off + 4, true);
      return ram.view.getInt32(off, true);
    }
    if (!this.memory.read(pa, 8, this.scratch)) {
      this.raise(Exception.loadAccessFault, va);
      return 0;
    }
    this.loadHi = this.scratch.hi | 0;
    return this.scratch.lo | 0;
  }

  /** Stores the low `width` bytes of hi:lo. Returns false when it trapped. */
  store(va: number, width: 1 | 2 | 4 | 8, lo: number, hi: number): boolean {
    if (this.misalignedFault(va, width, Exception.storeMisaligned)) return false;
    const pa = this.translateData(va);
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off <= ram.size - width) {
      const v = ram.view;
      if (width === 8) {
        v.setInt32(off, lo, true);
        v.setInt32(off + 4, hi, true);
      } else if (width === 4) v.setInt32(off, lo, true);
      else if (width === 2) v.setInt16(off, lo, true);
      else v.setInt8(off, lo);
      this.memory.noteRamWrite(off, width);
      return true;
    }
    if (!this.memory.write(pa, width, lo, hi)) {
      this.raise(Exception.storeAccessFault, va);
      return false;
    }
    return true;
  }

  /**
   * Physical address for an atomic access (LR/SC/AMO): misaligned atomics
   * raise the misaligned exception (the spec's choice when they are not
   * supported), and atomics are supported on RAM only (access fault elsewhere).
   * Returns the RAM offset, or -1 after raising.
   */
  atomicOffset(va: number, width: 4 | 8, isLoadReserved: boolean): number {
    if (va % width !== 0) {
      this.raise(isLoadReserved ? Exception.loadMisaligned : Exception.storeMisaligned, va);
      return -1;
    }
    const pa = this.translateData(va);
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off <= ram.size - width) return off;
    this.raise(isLoadReserved ? Exception.loadAccessFault : Exception.storeAccessFault, va);
    return -1;
  }

  // ---- fetch and execute --------------------------------------------------

  private fetchHalf(pa: number, va: number): number {
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off <= ram.size - 2) return ram.view.getUint16(off, true);
    if (!this.memory.read(pa, 2, this.scratch)) {
      this.raise(Exception.instructionAccessFault, va);
      return -1;
    }
    return this.scratch.lo & 0xffff;
  }

  /** The decoded instruction at `pc`, or undefined after raising a fetch fault or illegal instruction. */
  fetch(pc: number): Decoded | undefined {
    const pa = pc; // Bare translation until the MMU issue
    const ram = this.memory.ram;
    const off = pa - ram.base;
    const inRam = off >= 0 && off <= ram.size - 2;
    if (inRam) {
      const cached = this.memory.cachedInstruction(off);
      if (cached !== undefined) return cached;
    }
    const low = this.fetchHalf(pa, pc);
    if (low < 0) return undefined;
    let raw = low;
    if ((low & 3) === 3) {
      const high = this.fetchHalf(pa + 2, pc + 2);
      if (high < 0) return undefined;
      raw = (low | (high << 16)) >>> 0;
    }
    const d = decode(raw);
    if (d === undefined) {
      this.raise(Exception.illegalInstruction, raw);
      return undefined;
    }
    // An instruction that straddles a page is not cached: its second half may change independently.
    if (inRam && ((off & 0xfff) !== 0xffe || d.length === 2)) this.memory.cacheInstruction(off, d);
    return d;
  }

  /** Executes one instruction (or takes the trap it raises). */
  step(): void {
    const pc = this.pc;
    this.cycles++;
    const d = this.fetch(pc);
    if (d !== undefined) {
      this.nextPc = pc + d.length;
      HANDLERS[d.op]!(this, d);
      this.x[0] = 0;
      this.x[1] = 0;
    }
    if (this.trapped) this.trapped = false;
    else this.instret++;
    this.pc = this.nextPc;
  }

  /**
   * Runs up to `limit` instructions, in batches with interrupt checks
   * between them. Stops early when the hart waits for an interrupt (WFI).
   * Returns the number of instructions executed (or trapped).
   */
  run(limit: number): number {
    let done = 0;
    while (done < limit) {
      if (this.waiting) {
        if (!this.wakeUpPending()) break;
        this.waiting = false;
      }
      this.takeInterrupt();
      this.stopBatch = false;
      const n = Math.min(limit - done, BATCH);
      let i = 0;
      while (i < n) {
        this.step();
        i++;
        if (this.stopBatch) break;
      }
      done += i;
    }
    return done;
  }

  // ---- interrupts ---------------------------------------------------------

  /** mip as software sees it: software-writable bits OR the device lines. */
  get mip(): number {
    return this.csr[CSR.mip * 2]! | this.irqLines;
  }

  /** Drives an interrupt line (a mip bit) from a device. */
  setIrqLine(bit: number, level: boolean): void {
    const mask = 1 << bit;
    const next = level ? this.irqLines | mask : this.irqLines & ~mask;
    if (next !== this.irqLines) {
      this.irqLines = next;
      this.stopBatch = true;
    }
  }

  /** WFI resumes when any interrupt is pending and enabled in mie, whatever the global enables (spec 3.3.3). */
  wakeUpPending(): boolean {
    return (this.mip & this.csr[CSR.mie * 2]!) !== 0;
  }

  /** The interrupt the hart takes now, or -1 (privileged spec 3.1.9 and 4.1.3). */
  pendingInterrupt(): number {
    const pending = this.mip & this.csr[CSR.mie * 2]!;
    if (pending === 0) return -1;
    const mideleg = this.csr[CSR.mideleg * 2]!;
    const status = this.mstatus;
    const mEnabled = this.priv < Privilege.M || (status & MSTATUS.MIE) !== 0;
    const sEnabled = this.priv < Privilege.S || (this.priv === Privilege.S && (status & MSTATUS.SIE) !== 0);
    const forM = mEnabled ? pending & ~mideleg : 0;
    const forS = sEnabled ? pending & mideleg : 0;
    const candidates = forM !== 0 ? forM : forS;
    if (candidates === 0) return -1;
    for (const irq of INTERRUPT_PRIORITY) if ((candidates & (1 << irq)) !== 0) return irq;
    return -1;
  }

  /** Takes the highest-priority enabled interrupt, if any. Returns whether one was taken. */
  takeInterrupt(): boolean {
    const irq = this.pendingInterrupt();
    if (irq < 0) return false;
    this.nextPc = this.pc;
    this.enterTrap(irq, true, 0);
    this.pc = this.nextPc;
    this.trapped = false;
    return true;
  }

  // ---- traps --------------------------------------------------------------

  /** Raises a synchronous exception for the current instruction: the one place a fault becomes a trap. */
  raise(cause: number, tval: number): void {
    this.enterTrap(cause, false, tval);
  }

  /** Trap entry (privileged spec 3.1.6.1, 3.1.7, 4.1.1): chooses M or S, saves state, vectors. */
  private enterTrap(cause: number, interrupt: boolean, tval: number): void {
    this.trapped = true;
    this.waiting = false;
    this.stopBatch = true;
    const deleg = interrupt ? this.csr[CSR.mideleg * 2]! : this.medelegBit(cause);
    const toS = this.priv <= Privilege.S && ((deleg >>> cause) & 1) !== 0 && (interrupt || cause < 32);
    const epc = this.pc;
    const status = this.mstatus;
    if (toS) {
      this.writeCsrPair(CSR.sepc, lowWord(epc), highWord(epc));
      this.writeCsrPair(CSR.scause, cause, interrupt ? 1 << 31 : 0);
      this.writeCsrPair(CSR.stval, lowWord(tval), highWord(tval));
      let s = status & ~(MSTATUS.SPIE | MSTATUS.SIE | MSTATUS.SPP);
      if (status & MSTATUS.SIE) s |= MSTATUS.SPIE;
      if (this.priv === Privilege.S) s |= MSTATUS.SPP;
      this.mstatus = s;
      this.priv = Privilege.S;
      if (this.trapHook !== undefined && this.trapHook(this, cause, interrupt)) return;
      this.nextPc = this.vector(CSR.stvec, cause, interrupt);
    } else {
      this.writeCsrPair(CSR.mepc, lowWord(epc), highWord(epc));
      this.writeCsrPair(CSR.mcause, cause, interrupt ? 1 << 31 : 0);
      this.writeCsrPair(CSR.mtval, lowWord(tval), highWord(tval));
      let s = status & ~(MSTATUS.MPIE | MSTATUS.MIE | MSTATUS.MPP);
      if (status & MSTATUS.MIE) s |= MSTATUS.MPIE;
      s |= this.priv << MSTATUS_SHIFT.MPP;
      this.mstatus = s;
      this.priv = Privilege.M;
      this.nextPc = this.vector(CSR.mtvec, cause, interrupt);
    }
  }

  private medelegBit(cause: number): number {
    return cause < 32 ? this.csr[CSR.medeleg * 2]! : this.csr[CSR.medeleg * 2 + 1]! >>> 0;
  }

  /** Trap target from xtvec: BASE, or BASE + 4*cause for interrupts in vectored mode. */
  private vector(tvec: number, cause: number, interrupt: boolean): number {
    const lo = this.csr[tvec * 2]!;
    const base = this.csr[tvec * 2 + 1]! * 4294967296 + ((lo & ~3) >>> 0);
    return interrupt && (lo & 3) === 1 ? base + 4 * cause : base;
  }

  writeCsrPair(n: number, lo: number, hi: number): void {
    this.csr[n * 2] = lo;
    this.csr[n * 2 + 1] = hi;
  }

  /** A CSR held as an address (xepc, xtvec) as a number. */
  csrNumber(n: number): number {
    return this.csr[n * 2 + 1]! * 4294967296 + (this.csr[n * 2]! >>> 0);
  }

  /** The time CSR / mtime. */
  readTime(): number {
    return this.readTimeSource();
  }
}
