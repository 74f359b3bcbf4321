import { ExecutionMode, HLV, HLVX, HSV, PMP_L, Translator, createTrapValues, trapValues, type ExecutionModeValue, type Word64 } from '@rvhv/mmu';
import { decode, type Decoded } from '../decode/decoder.js';
import { ADDRESS_EXCEPTIONS, Exception, INTERRUPT_PRIORITY, Privilege, SGEI_BIT, VS_INTERRUPTS, type PrivilegeLevel } from './causes.js';
import { CoherentMemory } from './coherent-memory.js';
import { CSR } from '../table/csrs.js';
import { ENVCFG_HI, HSTATUS, HSTATUS_HI_VSXL, HSTATUS_SHIFT, MSTATUS, MSTATUS_HI, MSTATUS_SHIFT, XL64 } from './mstatus.js';
import { HART_STATE_BYTES, registerFileAt, type RegisterFile } from './register-file.js';
import { highWord, lowWord } from './int64-address.js';
import { Counter } from './csr/counters.js';
import { interruptPendingBits } from './csr/interrupt-state.js';
import { timerDeadline } from './csr/timers.js';
import { transformedInstruction } from './csr/trap-instruction.js';
import { bindHandler } from './bind-handler.js';
import { VmAccess, type VmAccessKind } from './vm-access.js';

/** What the hart does with a misaligned load/store (the spec allows either). */
export type MisalignedPolicy = 'perform' | 'trap';

/**
 * A hook that sees every trap taken into HS-mode (V=0, S) once the hart has
 * written the trap state exactly as hardware does (sepc, scause, stval,
 * htval, htinst, sstatus, hstatus) and set `nextPc` to the stvec target.
 * Returning true means the host handled the trap instead of the guest
 * software at stvec: it has set `nextPc` itself (typically with
 * {@link Hart.sret} after emulating the trapping instruction). Returning
 * false lets the hart continue at stvec.
 */
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
  /**
   * GEILEN: the number of guest external interrupts (hgeip/hgeie bits
   * GEILEN:1, H spec 8.2.4), 0 to 31. Default 0: no guest external
   * interrupts (VGEIN, hgeie and SGEI are then read-only zero).
   */
  geilen?: number;
}

/** Instructions run between interrupt checks when nothing ends a batch early. */
const BATCH = 256;

/** misa: RV64 (MXL=2) with I, M, A, F, D, C, H, S, U. */
const MISA_EXTENSIONS = ['I', 'M', 'A', 'F', 'D', 'C', 'H', 'S', 'U'];

/**
 * Constants of the hot paths. A module-level `const` is a context-slot load
 * and a type check each time V8 (11.x, Node 20) uses it in optimised code;
 * the members of a file-local const enum are inlined as literals.
 */
const enum Page {
  size = 4096,
  mask = 4095,
}

const enum Word {
  /** 2^32: the weight of a high word. */
  two32 = 4294967296,
}

const enum CodePage {
  /** Decoded-instruction slots per page: one per halfword. */
  slots = 2048,
}

const enum RamTlb {
  /** Slots per RAM TLB (a power of two). */
  slots = 64,
}

/** The RAM TLB slot of the page of `va`. */
function ramTlbSlot(va: number): number {
  return (va >>> 12) & (RamTlb.slots - 1);
}

/** The code page of a hart that has none (see {@link Hart.fetch}). */
const NO_CODE: readonly (Decoded | undefined)[] = [];

/** Exceptions raised by a data access (their tval is the data address). */
const DATA_EXCEPTIONS =
  (1 << Exception.loadMisaligned) |
  (1 << Exception.loadAccessFault) |
  (1 << Exception.storeMisaligned) |
  (1 << Exception.storeAccessFault) |
  (1 << Exception.loadPageFault) |
  (1 << Exception.storePageFault) |
  (1 << Exception.loadGuestPageFault) |
  (1 << Exception.storeGuestPageFault);

export type ExecuteHandler = (hart: Hart, d: Decoded) => void;

/**
 * One RISC-V hart: architectural state, the fetch/decode/execute loop,
 * memory accesses with their faults, and traps. Instruction semantics live
 * in `exec/` (one handler per table row); CSR semantics in `csr/`.
 *
 * Privilege modes: `priv` is the nominal privilege (M, S, U) and `virt`
 * the virtualization mode V of the H extension, so HS = (S, V=0),
 * VS = (S, V=1), VU = (U, V=1).
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
  /** GEILEN (see {@link HartOptions.geilen}). */
  readonly geilen: number;

  /**
   * Address translation and PMP (Sv39/Sv48, Sv39x4/Sv48x4, TLBs). It keeps
   * a copy of the CSR state it depends on, which the hart pushes
   * ({@link Hart.translationChanged}); satp, vsatp, hgatp and the PMP CSRs
   * live in it.
   */
  readonly mmu: Translator;

  pc = 0;
  nextPc = 0;
  /**
   * The instruction being executed, as `insnSlot` in the code page or else
   * `insnOther` (see {@link Hart.insn}).
   */
  private insnSlot = -1;
  private insnOther: Decoded | undefined = undefined;

  /** Set when the current instruction trapped; cleared by the run loop. */
  trapped = false;
  /** In WFI, waiting for an interrupt. */
  waiting = false;
  /** Ends the current batch after this instruction (CSR writes, xRET, device events). */
  stopBatch = false;
  /** Accrued floating-point exception flags (fflags) and dynamic rounding mode (frm). */
  fflags = 0;
  frm = 0;
  /** Interrupt lines driven by devices (MSIP, MTIP, MEIP, SEIP), as mip bits. */
  irqLines = 0;
  /** Guest external interrupt lines (hgeip), bit i = guest external interrupt i, 1 <= i <= GEILEN. */
  guestExternalLines = 0;
  /** Instructions executed or trapped since reset: the cycle count (before offsets from CSR writes). */
  cycles = 0;
  /**
   * cycles - instret: instructions that trapped, plus the one in flight
   * while the hart executes (instret is derived so the run loop need not
   * count retirements one by one).
   */
  private unretired = 0;
  /** High word of the last 64-bit load. */
  loadHi = 0;
  /** Receives traps into HS-mode instead of the guest's stvec (see {@link TrapHook}). */
  trapHook: TrapHook | undefined;
  /** mcycle and minstret as software sees them (offsets from CSR writes, mcountinhibit). */
  counters = { cycle: new Counter((h) => h.cycles), instret: new Counter((h) => h.instret) };

  private readonly readTimeSource: () => number;
  private readonly scratch: Word64 = { lo: 0, hi: 0 };
  private readonly trap = createTrapValues();
  private vmKind: VmAccessKind = VmAccess.none;
  private privLevel: PrivilegeLevel = Privilege.M;
  private virtMode = false;
  /**
   * Fast paths: fetches (and explicit data accesses) use the address as the
   * physical address with no check at all. True in M-mode (for data: without
   * MPRV to another mode, and not for HLV/HLVX/HSV) while no PMP entry is
   * locked, the only case where neither translation nor PMP applies.
   */
  private fetchPhysical = true;
  private dataPhysical = true;
  /** Explicit data accesses are made at M level (M-mode, no MPRV to another mode). */
  private dataMachine = true;
  /** RAM, for the fast paths: its physical base and size, and a view of it. */
  private readonly ramBase: number;
  private readonly ramSize: number;
  private readonly ramView: DataView;
  /**
   * RAM TLBs in front of the MMU's TLBs for explicit loads and for stores:
   * direct-mapped by virtual page ({@link ramTlbSlot}), each slot holds a
   * virtual page start (NaN when empty) and the RAM offset of the physical
   * page it maps to under the current translation context, for pages that
   * are all RAM and that the MMU translated for the whole page (pageWide).
   * Every change of anything translation depends on empties them
   * ({@link Hart.translationChanged}).
   */
  private readonly loadTag = new Float64Array(RamTlb.slots).fill(NaN);
  private readonly loadRam = new Float64Array(RamTlb.slots);
  private readonly storeTag = new Float64Array(RamTlb.slots).fill(NaN);
  private readonly storeRam = new Float64Array(RamTlb.slots);
  /** Whether the RAM TLBs may hold entries (emptying them is skipped when not: it happens on every trap). */
  private ramTlbFilled = false;
  /** -1 when misaligned accesses trap, else 0 (an alignment mask for the fast path; see {@link Hart.misaligned}). */
  private alignCheck = 0;
  private misalignedTrap = false;
  /**
   * The code page: fetches from the virtual page starting at `codeVa`
   * (NaN when none) read their decoded instruction straight from
   * `codeSlots`, the decoded-instruction slots (one per halfword) of the
   * RAM page it maps to (see {@link CoherentMemory.codeSlots}). It is set
   * by a fetch that the MMU translated for the whole page (or that needs no
   * translation), and emptied with the RAM TLBs and whenever the memory
   * drops the page's decoded instructions.
   */
  private codeVa = NaN;
  private codeSlots: readonly (Decoded | undefined)[] = NO_CODE;

  constructor(options: HartOptions) {
    this.hartId = options.hartId ?? 0;
    this.hartIndex = options.hartIndex ?? this.hartId;
    this.memory = options.memory;
    this.mmu = new Translator(options.memory);
    const geilen = options.geilen ?? 0;
    if (!Number.isInteger(geilen) || geilen < 0 || geilen > 31) throw new RangeError(`geilen ${geilen} is not in 0..31`);
    this.geilen = geilen;
    const regs = options.registers ?? registerFileAt(new ArrayBuffer(HART_STATE_BYTES), 0);
    this.x = regs.x;
    this.f = regs.f;
    this.fd = regs.fd;
    this.misaligned = options.misaligned ?? 'perform';
    this.ramBase = options.memory.ram.base;
    this.ramSize = options.memory.ram.size;
    this.ramView = options.memory.ram.view;
    this.readTimeSource = options.readTime ?? (() => Math.floor(this.cycles / 100));
    this.pc = this.nextPc = options.resetPc ?? 0x8000_0000;
    options.memory.onCodeDropped((slots) => {
      if (slots === undefined || slots === this.codeSlots) this.forgetCodePage();
    });
    this.reset(this.pc);
  }

  /** What the hart does with misaligned loads and stores. */
  get misaligned(): MisalignedPolicy {
    return this.misalignedTrap ? 'trap' : 'perform';
  }

  set misaligned(policy: MisalignedPolicy) {
    this.misalignedTrap = policy === 'trap';
    this.alignCheck = this.misalignedTrap ? -1 : 0;
  }

  /**
   * The instruction being executed (for trap values that describe it:
   * htinst/mtinst). The run loop records where it is rather than the
   * object: decoded instructions are young (the interpreter hardly
   * allocates, so they can stay in V8's new space for a long time) and
   * storing a young object in the old hart would take the write barrier's
   * slow path for every instruction.
   */
  get insn(): Decoded | undefined {
    return this.insnSlot >= 0 ? this.codeSlots[this.insnSlot] : this.insnOther;
  }

  set insn(d: Decoded | undefined) {
    this.insnSlot = -1;
    this.insnOther = d;
  }

  /** Instructions retired since reset (before offsets from CSR writes): those executed without a trap. */
  get instret(): number {
    return this.cycles - this.unretired;
  }

  set instret(value: number) {
    this.unretired = this.cycles - value;
  }

  /** Architectural reset (privileged spec 3.4): M-mode, V=0, MIE=0, MPRV=0, misa at its maximum. */
  reset(pc: number): void {
    this.x.fill(0);
    this.f.fill(0);
    this.csr.fill(0);
    this.pc = this.nextPc = pc;
    this.privLevel = Privilege.M;
    this.virtMode = false;
    this.vmKind = VmAccess.none;
    this.insn = undefined;
    this.waiting = false;
    this.fflags = 0;
    this.frm = 0;
    let misa = 0;
    for (const e of MISA_EXTENSIONS) misa |= 1 << (e.charCodeAt(0) - 65);
    this.csr[CSR.misa * 2] = misa;
    this.csr[CSR.misa * 2 + 1] = XL64 << 30; // MXL in bits 63:62
    this.csr[CSR.mstatus * 2 + 1] = (XL64 << 2) | XL64; // SXL = UXL = 64
    this.csr[CSR.vsstatus * 2 + 1] = XL64; // vsstatus.UXL = VSXL = 64
    this.csr[CSR.hstatus * 2 + 1] = XL64 & HSTATUS_HI_VSXL; // VSXL = 64
    this.csr[CSR.mhartid * 2] = this.hartId;
    this.memory.clearReservation(this.hartIndex);
    this.cycles = 0;
    this.unretired = 0;
    this.counters = { cycle: new Counter((h) => h.cycles), instret: new Counter((h) => h.instret) };
    this.csr[CSR.menvcfg * 2 + 1] = ENVCFG_HI.ADUE; // hardware A/D updating (Svadu) until software says otherwise
    this.mmu.reset();
    this.translationChanged();
  }

  // ---- registers -------------------------------------------------------

  /** Writes a sign-extended 32-bit result to x[rd] (W instructions and 32-bit loads). */
  setX32(rd: number, value: number): void {
    // Register indexes are 0..31: `<< 1` and `| 1` stay int32, without the overflow checks of `* 2` and `+ 1`.
    this.x[rd << 1] = value;
    this.x[(rd << 1) | 1] = value >> 31;
  }

  /** Writes a 64-bit value given as halves. */
  setX64(rd: number, lo: number, hi: number): void {
    this.x[rd << 1] = lo;
    this.x[(rd << 1) | 1] = hi;
  }

  /** x[rd] = a number holding a signed 64-bit value (addresses, pc + 4). */
  setXNumber(rd: number, value: number): void {
    this.x[rd << 1] = value | 0;
    this.x[(rd << 1) | 1] = Math.floor(value / Word.two32) | 0; // highWord(value), with the constant inlined
  }

  /** x[r] as a number (exact for values below 2^53 in magnitude: addresses). */
  xNumber(r: number): number {
    return this.x[(r << 1) | 1]! * Word.two32 + (this.x[r << 1]! >>> 0);
  }

  /** x[rs1] + imm as an address number. */
  address(rs1: number, imm: number): number {
    return this.x[(rs1 << 1) | 1]! * Word.two32 + (this.x[rs1 << 1]! >>> 0) + imm;
  }

  // ---- privilege and status ---------------------------------------------

  /** The nominal privilege (M, S, U). Setting it (and `virt`) switches translation to the new mode. */
  get priv(): PrivilegeLevel {
    return this.privLevel;
  }

  set priv(p: PrivilegeLevel) {
    this.privLevel = p;
    this.mmu.setMode(this.executionMode());
    this.updateFastPaths();
  }

  /** The virtualization mode V (H extension): true in VS and VU mode. */
  get virt(): boolean {
    return this.virtMode;
  }

  set virt(v: boolean) {
    this.virtMode = v;
    this.mmu.setMode(this.executionMode());
    this.updateFastPaths();
  }

  /**
   * HLV/HLVX/HSV set how their explicit access is made (as though V=1 at
   * privilege hstatus.SPVP) around it, and reset it to `none` after.
   */
  setVmAccess(kind: VmAccessKind): void {
    this.vmKind = kind;
    this.updateFastPaths();
  }

  /** How the current instruction's explicit memory accesses are made (see {@link Hart.setVmAccess}). */
  get vmAccess(): VmAccessKind {
    return this.vmKind;
  }

  private updateFastPaths(): void {
    this.dropPageCaches();
    let locked = false;
    for (const c of this.mmu.pmp.cfg) if ((c & PMP_L) !== 0) locked = true;
    const s = this.csr[CSR.mstatus * 2]!;
    this.dataMachine = this.privLevel === Privilege.M && ((s & MSTATUS.MPRV) === 0 || (s & MSTATUS.MPP) === MSTATUS.MPP);
    this.fetchPhysical = this.privLevel === Privilege.M && !locked;
    this.dataPhysical = this.dataMachine && this.vmKind === VmAccess.none && !locked;
  }

  /** Sets the privilege and V together (trap entry, xRET). */
  private enterMode(p: PrivilegeLevel, v: boolean): void {
    this.privLevel = p;
    this.virtMode = p !== Privilege.M && v;
    this.translationChanged();
  }

  private executionMode(): ExecutionModeValue {
    const p = this.privLevel;
    if (p === Privilege.M) return ExecutionMode.M;
    if (this.virtMode) return p === Privilege.S ? ExecutionMode.VS : ExecutionMode.VU;
    return p === Privilege.S ? ExecutionMode.S : ExecutionMode.U;
  }

  get mstatus(): number {
    return this.csr[CSR.mstatus * 2]!;
  }

  set mstatus(lo: number) {
    this.csr[CSR.mstatus * 2] = lo;
  }

  /**
   * Effective nominal privilege for explicit data accesses: MPRV in M-mode
   * uses MPP (privileged spec 3.1.6.3); HLV/HLVX/HSV use hstatus.SPVP (H spec 8.3.1).
   */
  dataPrivilege(): PrivilegeLevel {
    if (this.vmKind !== VmAccess.none) {
      return (this.csr[CSR.hstatus * 2]! & HSTATUS.SPVP) !== 0 ? Privilege.S : Privilege.U;
    }
    const s = this.mstatus;
    if (this.priv === Privilege.M && (s & MSTATUS.MPRV) !== 0) {
      return ((s & MSTATUS.MPP) >>> MSTATUS_SHIFT.MPP) as PrivilegeLevel;
    }
    return this.priv;
  }

  /**
   * Effective virtualization mode of explicit data accesses: V, or MPV when
   * MPRV applies with MPP != M (H spec 8.4.1, table "Effect of MPRV"), or 1
   * for HLV/HLVX/HSV.
   */
  dataVirt(): boolean {
    if (this.vmKind !== VmAccess.none) return true;
    const s = this.mstatus;
    if (this.priv === Privilege.M && (s & MSTATUS.MPRV) !== 0 && (s & MSTATUS.MPP) !== MSTATUS.MPP) {
      return (this.csr[CSR.mstatus * 2 + 1]! & MSTATUS_HI.MPV) !== 0;
    }
    return this.virt;
  }

  /**
   * Whether float instructions and CSRs may run: mstatus.FS is not Off and,
   * when V=1, vsstatus.FS neither (H spec 8.2.10).
   */
  floatEnabled(): boolean {
    return (this.mstatus & MSTATUS.FS) !== 0 && (!this.virt || (this.csr[CSR.vsstatus * 2]! & MSTATUS.FS) !== 0);
  }

  /** Marks the float state dirty (FS = 3, SD = 1) after a write of f registers or fflags; with V=1 in vsstatus too. */
  markFloatDirty(): void {
    this.csr[CSR.mstatus * 2] |= MSTATUS.FS;
    this.csr[CSR.mstatus * 2 + 1] |= MSTATUS_HI.SD;
    if (this.virt) {
      this.csr[CSR.vsstatus * 2] |= MSTATUS.FS;
      this.csr[CSR.vsstatus * 2 + 1] |= MSTATUS_HI.SD;
    }
  }

  /**
   * Pushes the state address translation depends on to the MMU: the mode,
   * mstatus (MPRV, MPP, MPV, SUM, MXR), vsstatus (SUM, MXR), hstatus
   * (SPVP) and menvcfg/henvcfg (PBMTE, ADUE). Called after every change of
   * any of them (CSR writes, trap entry, xRET).
   */
  translationChanged(): void {
    const m = this.mmu;
    const c = this.csr;
    m.setMode(this.executionMode());
    m.setMstatus(c[CSR.mstatus * 2]!, c[CSR.mstatus * 2 + 1]!);
    m.setVsstatus(c[CSR.vsstatus * 2]!, c[CSR.vsstatus * 2 + 1]!);
    m.setHstatus(c[CSR.hstatus * 2]!, c[CSR.hstatus * 2 + 1]!);
    m.setMenvcfg(c[CSR.menvcfg * 2]!, c[CSR.menvcfg * 2 + 1]!);
    // henvcfg's PBMTE/ADUE/STCE read as zero while the menvcfg bits are zero.
    m.setHenvcfg(c[CSR.henvcfg * 2]!, c[CSR.henvcfg * 2 + 1]! & c[CSR.menvcfg * 2 + 1]!);
    this.updateFastPaths();
  }

  /** Empties the RAM TLBs and the code page (after a fence, an atp or PMP write, a mode or status change). */
  private dropPageCaches(): void {
    if (this.ramTlbFilled) {
      this.loadTag.fill(NaN);
      this.storeTag.fill(NaN);
      this.ramTlbFilled = false;
    }
    this.forgetCodePage();
  }

  private forgetCodePage(): void {
    if (this.insnSlot >= 0) this.insn = this.codeSlots[this.insnSlot]; // keep the instruction in flight
    this.codeVa = NaN;
    this.codeSlots = NO_CODE;
    this.stopBatch = true; // the run loop keeps the code page in locals (see runBatch)
  }

  // ---- memory ----------------------------------------------------------
  //
  // Explicit loads and stores take a fast path when the access stays in one
  // page of RAM that is already known: in M-mode without translation or PMP
  // (dataPhysical) the address is the physical address; otherwise the page
  // must be in the hart's RAM TLB (see ramTlbSlot). Everything else (page
  // crossings, misaligned traps, translation, devices, faults) takes the
  // general path, which fills the RAM TLB.

  private misalignedFault(va: number, width: number, cause: number): boolean {
    if (this.misalignedTrap && (va & (width - 1)) !== 0) {
      this.raise(cause, va);
      return true;
    }
    return false;
  }

  /**
   * Physical address of an explicit load of `width` bytes at `va` (inside
   * one page) made by the instruction whose access starts at `originalVa`,
   * or -1 after raising the translation fault. HLV/HLVX translate as though
   * V=1 at privilege hstatus.SPVP.
   */
  private translateLoad(va: number, width: number, originalVa: number): number {
    if (this.dataPhysical) return va;
    const access = this.vmKind;
    let pa: number;
    if (access === VmAccess.none) {
      pa = this.mmu.translateLoad(va, width);
      if (pa >= 0 && this.mmu.pageWide === 1) this.fillRamTlb(this.loadTag, this.loadRam, va, pa);
    } else {
      pa = this.mmu.translate(va, access === VmAccess.hlvx ? HLVX : HLV, width);
    }
    if (pa >= 0) return pa;
    this.raiseTranslationFault(originalVa);
    return -1;
  }

  /** As {@link translateLoad} for stores, SC and AMOs (HSV as though V=1). */
  private translateStore(va: number, width: number, originalVa: number): number {
    if (this.dataPhysical) return va;
    let pa: number;
    if (this.vmKind === VmAccess.none) {
      pa = this.mmu.translateStore(va, width);
      if (pa >= 0 && this.mmu.pageWide === 1) this.fillRamTlb(this.storeTag, this.storeRam, va, pa);
    } else {
      pa = this.mmu.translate(va, HSV, width);
    }
    if (pa >= 0) return pa;
    this.raiseTranslationFault(originalVa);
    return -1;
  }

  /** Caches the page of `va` (translated to `pa` for the whole page) in a RAM TLB, when that page is all RAM. */
  private fillRamTlb(tags: Float64Array, offsets: Float64Array, va: number, pa: number): void {
    const low = va & Page.mask;
    const off = pa - low - this.ramBase;
    if (!(off >= 0 && off <= this.ramSize - Page.size)) return;
    const slot = ramTlbSlot(va);
    tags[slot] = va - low;
    offsets[slot] = off;
    this.ramTlbFilled = true;
  }

  /**
   * RAM offset of an explicit access of `width` bytes at `va` when the fast
   * path may make it (one page, RAM, known translation, no misaligned trap),
   * else -1. `tags`/`offsets` are the load or the store RAM TLB.
   */
  private ramOffset(va: number, width: number, tags: Float64Array, offsets: Float64Array): number {
    const low = va & Page.mask;
    if (low > Page.size - width || (va & (width - 1) & this.alignCheck) !== 0) return -1;
    let off: number;
    if (this.dataPhysical) {
      off = va - this.ramBase;
      if (!(off >= 0 && off <= this.ramSize - width)) return -1;
    } else {
      const slot = ramTlbSlot(va);
      if (tags[slot] !== va - low) return -1;
      off = offsets[slot]! + low;
    }
    return off;
  }

  /** Loads `width` (1, 2 or 4) bytes, sign-extended to int32 when `signed`, else as uint32-in-int32 bits. */
  load(va: number, width: 1 | 2 | 4, signed: boolean): number {
    const off = this.ramOffset(va, width, this.loadTag, this.loadRam);
    if (off >= 0) {
      const v = this.ramView;
      if (width === 4) return v.getInt32(off, true);
      if (width === 2) return signed ? v.getInt16(off, true) : v.getUint16(off, true);
      return signed ? v.getInt8(off) : v.getUint8(off);
    }
    return this.loadSlow(va, width, signed);
  }

  private loadSlow(va: number, width: 1 | 2 | 4, signed: boolean): number {
    if (this.misalignedFault(va, width, Exception.loadMisaligned)) return 0;
    if ((va & Page.mask) > Page.size - width) return this.loadAcrossPages(va, width, signed);
    const pa = this.translateLoad(va, width, va);
    if (pa < 0) return 0;
    const off = pa - this.ramBase;
    if (off >= 0 && off <= this.ramSize - width) {
      const v = this.ramView;
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
    const off = this.ramOffset(va, 8, this.loadTag, this.loadRam);
    if (off >= 0) {
      const v = this.ramView;
      this.loadHi = v.getInt32(off + 4, true);
      return v.getInt32(off, true);
    }
    return this.load64Slow(va);
  }

  private load64Slow(va: number): number {
    if (this.misalignedFault(va, 8, Exception.loadMisaligned)) return 0;
    if ((va & Page.mask) > Page.size - 8) return this.loadAcrossPages(va, 8, false);
    const pa = this.translateLoad(va, 8, va);
    if (pa < 0) return 0;
    const off = pa - this.ramBase;
    if (off >= 0 && off <= this.ramSize - 8) {
      this.loadHi = this.ramView.getInt32(off + 4, true);
      return this.ramView.getInt32(off, true);
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
    const off = this.ramOffset(va, width, this.storeTag, this.storeRam);
    if (off >= 0) {
      this.writeRam(off, width, lo, hi);
      return true;
    }
    return this.storeSlow(va, width, lo, hi);
  }

  /** Writes RAM at offset `off` (in range) and tells the memory (decoded code, reservations). */
  private writeRam(off: number, width: 1 | 2 | 4 | 8, lo: number, hi: number): void {
    const v = this.ramView;
    if (width === 8) {
      v.setInt32(off, lo, true);
      v.setInt32(off + 4, hi, true);
    } else if (width === 4) v.setInt32(off, lo, true);
    else if (width === 2) v.setInt16(off, lo, true);
    else v.setInt8(off, lo);
    this.memory.noteRamWrite(off, width);
  }

  private storeSlow(va: number, width: 1 | 2 | 4 | 8, lo: number, hi: number): boolean {
    if (this.misalignedFault(va, width, Exception.storeMisaligned)) return false;
    if ((va & Page.mask) > Page.size - width) return this.storeAcrossPages(va, width, lo, hi);
    const pa = this.translateStore(va, width, va);
    if (pa < 0) return false;
    const off = pa - this.ramBase;
    if (off >= 0 && off <= this.ramSize - width) {
      this.writeRam(off, width, lo, hi);
      return true;
    }
    if (!this.memory.write(pa, width, lo, hi)) {
      this.raise(Exception.storeAccessFault, va);
      return false;
    }
    return true;
  }

  /**
   * A misaligned load that crosses a page boundary: both pages are
   * translated (a fault on the second reports the page-boundary address,
   * H spec 8.5.2), then the bytes are read one by one. Returns the low word
   * (sign-extended for 2 and 4 bytes when `signed`); the high word of an
   * 8-byte load goes to `loadHi`.
   */
  private loadAcrossPages(va: number, width: number, signed: boolean): number {
    const first = Page.size - (va & Page.mask);
    const pa1 = this.translateLoad(va, first, va);
    if (pa1 < 0) return 0;
    const pa2 = this.translateLoad(va + first, width - first, va);
    if (pa2 < 0) return 0;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < width; i++) {
      const b = this.readByte(i < first ? pa1 + i : pa2 + i - first);
      if (b < 0) {
        this.raise(Exception.loadAccessFault, i < first ? va : va + first);
        return 0;
      }
      if (i < 4) lo |= b << (8 * i);
      else hi |= b << (8 * (i - 4));
    }
    this.loadHi = hi;
    if (width === 2) return signed ? (lo << 16) >> 16 : lo;
    return lo | 0;
  }

  /** A misaligned store that crosses a page boundary: both pages are translated before any byte is written. */
  private storeAcrossPages(va: number, width: number, lo: number, hi: number): boolean {
    const first = Page.size - (va & Page.mask);
    const pa1 = this.translateStore(va, first, va);
    if (pa1 < 0) return false;
    const pa2 = this.translateStore(va + first, width - first, va);
    if (pa2 < 0) return false;
    for (let i = 0; i < width; i++) {
      const b = (i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4))) & 0xff;
      if (!this.writeByte(i < first ? pa1 + i : pa2 + i - first, b)) {
        this.raise(Exception.storeAccessFault, i < first ? va : va + first);
        return false;
      }
    }
    return true;
  }

  /** One byte of physical memory, or -1 when nothing answers there. */
  private readByte(pa: number): number {
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off < ram.size) return ram.bytes[off]!;
    return this.memory.read(pa, 1, this.scratch) ? this.scratch.lo & 0xff : -1;
  }

  private writeByte(pa: number, value: number): boolean {
    const ram = this.memory.ram;
    const off = pa - ram.base;
    if (off >= 0 && off < ram.size) {
      ram.bytes[off] = value;
      this.memory.noteRamWrite(off, 1);
      return true;
    }
    return this.memory.write(pa, 1, value, 0);
  }

  /**
   * Physical address for an atomic access (LR/SC/AMO): misaligned atomics
   * raise the misaligned exception (the spec's choice when they are not
   * supported), LR translates as a load and SC/AMOs as stores. This is the
   * RAM path: outside RAM it raises an access fault, so LR/SC work on RAM
   * only; AMOs to devices take the read-modify-write path in exec/atomic.ts.
   * Returns the RAM offset, or -1 after raising.
   */
  atomicOffset(va: number, width: 4 | 8, isLoadReserved: boolean): number {
    if ((va & (width - 1)) !== 0) {
      this.raise(isLoadReserved ? Exception.loadMisaligned : Exception.storeMisaligned, va);
      return -1;
    }
    const pa = isLoadReserved ? this.translateLoad(va, width, va) : this.translateStore(va, width, va);
    if (pa < 0) return -1;
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

  /**
   * The decoded instruction at `pc`, or undefined after raising a fetch
   * fault or illegal instruction. A 32-bit instruction whose second half is
   * on the next page translates that page separately (a fault there
   * reports pc + 2).
   */
  fetch(pc: number): Decoded | undefined {
    const inPage = pc - this.codeVa;
    if (inPage >= 0 && inPage < Page.size) {
      const d = this.codeSlots[inPage >>> 1];
      if (d !== undefined) return d;
    }
    return this.fetchSlow(pc);
  }

  /** {@link fetch} past the code page: translation, the decoded-instruction cache, decoding. */
  private fetchSlow(pc: number): Decoded | undefined {
    let pa = pc;
    // Whether pc's whole page maps to one physical page that may be fetched from (the code page's condition).
    let pageWide = this.fetchPhysical;
    if (!this.fetchPhysical) {
      pa = this.mmu.translateFetch(pc);
      if (pa < 0) {
        this.raiseTranslationFault(pc);
        return undefined;
      }
      pageWide = this.mmu.pageWide === 1;
    }
    const off = pa - this.ramBase;
    const inRam = off >= 0 && off <= this.ramSize - 2;
    if (inRam) {
      // The memory's code pages are 4 KiB pages of RAM offsets: they are physical pages when RAM starts on a page boundary.
      if (pageWide && (this.ramBase & Page.mask) === 0) {
        this.codeSlots = this.memory.codeSlots(off);
        this.codeVa = pc - (pc & Page.mask);
      }
      const cached = this.memory.cachedInstruction(off);
      if (cached !== undefined) return cached;
    }
    const low = this.fetchHalf(pa, pc);
    if (low < 0) return undefined;
    let raw = low;
    if ((low & 3) === 3) {
      let pa2 = pa + 2;
      if ((pc & Page.mask) === Page.size - 2 && !this.fetchPhysical) {
        pa2 = this.mmu.translateFetch(pc + 2);
        if (pa2 < 0) {
          this.raiseTranslationFault(pc);
          return undefined;
        }
      }
      const high = this.fetchHalf(pa2, pc + 2);
      if (high < 0) return undefined;
      raw = (low | (high << 16)) >>> 0;
    }
    const d = decode(raw);
    if (d === undefined) {
      this.raise(Exception.illegalInstruction, raw);
      return undefined;
    }
    bindHandler(d);
    // An instruction that straddles a page is not cached: its second half may change independently.
    if (inRam && ((off & Page.mask) !== Page.size - 2 || d.length === 2)) this.memory.cacheInstruction(off, d);
    return d;
  }

  /** Executes one instruction (or takes the trap it raises). */
  step(): void {
    const pc = this.pc;
    this.x[0] = 0;
    this.x[1] = 0;
    this.cycles++;
    this.unretired++; // in flight
    const d = this.fetch(pc);
    if (d !== undefined) {
      this.nextPc = pc + d.length;
      this.insn = d;
      d.exec(this, d);
    }
    if (this.trapped) this.trapped = false;
    else this.unretired--;
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
      done += this.runBatch(Math.min(limit - done, BATCH));
    }
    return done;
  }

  /**
   * Runs up to `n` instructions, as many calls of {@link step} would, and
   * fewer when one sets `stopBatch` (every trap does: so `trapped` is
   * checked, and instret settled, once per batch). Returns how many ran.
   *
   * pc and the code page live in locals: straight-line code moves to the
   * next slot of the page without a lookup, and the next fetch need not
   * wait for the last instruction's nextPc to make a round trip through
   * memory. The locals cannot go stale: whatever empties the code page
   * (a translation change, a store to the page) ends the batch.
   */
  private runBatch(n: number): number {
    this.stopBatch = false;
    this.trapped = false;
    this.x[0] = 0;
    this.x[1] = 0;
    this.unretired++; // the instruction in flight
    let pc = this.pc;
    let slots = this.codeSlots;
    let slot = this.codeSlot(pc);
    let i = 0;
    while (i < n) {
      i++;
      this.cycles++;
      this.pc = pc; // before the fetch: a fetch fault's epc is pc
      let d = slot >= 0 ? slots[slot] : undefined;
      if (d !== undefined) {
        this.insnSlot = slot;
      } else {
        d = this.fetchSlow(pc);
        if (d === undefined) {
          // The fetch trapped (which ends the batch): continue at the trap vector.
          pc = this.nextPc;
          break;
        }
        slots = this.codeSlots;
        slot = this.codeSlot(pc);
        // An instruction outside the code page or not cached (one that straddles a page) is recorded itself.
        if (slot >= 0 && slots[slot] === d) this.insnSlot = slot;
        else this.insn = d;
      }
      const fallThrough = pc + d.length;
      this.nextPc = fallThrough;
      d.exec(this, d);
      const next = this.nextPc;
      if (next === fallThrough) {
        // The next slot, unless that is past the page (then codeSlot finds nothing and fetchSlow looks it up).
        slot = slot >= 0 && slot + (d.length >>> 1) < CodePage.slots ? slot + (d.length >>> 1) : -1;
      } else {
        slot = this.codeSlot(next);
      }
      pc = next;
      if (this.stopBatch) break;
    }
    this.pc = pc;
    if (!this.trapped) this.unretired--;
    this.trapped = false;
    return i;
  }

  /** The slot of `pc` in the code page, or -1 when pc is outside it. */
  private codeSlot(pc: number): number {
    const inPage = pc - this.codeVa;
    return inPage >= 0 && inPage < Page.size ? inPage >>> 1 : -1;
  }

  // ---- interrupts ---------------------------------------------------------

  /**
   * mip as software sees it: the software-writable bits, the device lines,
   * hvip, guest external interrupts and the Sstc timers (see
   * csr/interrupt-state.ts).
   */
  get mip(): number {
    return interruptPendingBits(this);
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

  /** Drives guest external interrupt line `n` (1..GEILEN), i.e. bit n of hgeip, from an interrupt controller. */
  setGuestExternalInterrupt(n: number, level: boolean): void {
    if (n < 1 || n > this.geilen) throw new RangeError(`guest external interrupt ${n} is not in 1..${this.geilen}`);
    const mask = 1 << n;
    const next = level ? this.guestExternalLines | mask : this.guestExternalLines & ~mask;
    if (next !== this.guestExternalLines) {
      this.guestExternalLines = next;
      this.stopBatch = true;
    }
  }

  /** The implemented hgeip/hgeie bits: GEILEN:1. */
  guestExternalMask(): number {
    return this.geilen === 0 ? 0 : (2 ** (this.geilen + 1) - 2) | 0;
  }

  /** mideleg as read: the written S-level bits plus the read-only-one VS-level (and SGEI) bits (H spec 8.4.2). */
  midelegEffective(): number {
    return this.csr[CSR.mideleg * 2]! | VS_INTERRUPTS | (this.geilen > 0 ? SGEI_BIT : 0);
  }

  /**
   * WFI resumes when any interrupt is pending and enabled in mie, whatever
   * the global enables and delegation (privileged spec 3.3.3).
   */
  wakeUpPending(): boolean {
    return (this.mip & this.csr[CSR.mie * 2]!) !== 0;
  }

  /**
   * The interrupt the hart takes now, or -1 (privileged spec 3.1.9, 4.1.3;
   * H spec 8.2.3). Interrupts not delegated by mideleg go to M-mode, taken
   * when below M or MIE=1. Delegated ones not delegated further by hideleg
   * go to HS-mode, taken in U/VS/VU (HS interrupts are always enabled while
   * V=1) or in HS with SIE=1. Those hideleg delegates go to VS-mode and are
   * taken only while V=1: in VU, or in VS with vsstatus.SIE=1. M-level
   * interrupts come before HS-level ones, which come before VS-level ones.
   */
  pendingInterrupt(): number {
    const pending = this.mip & this.csr[CSR.mie * 2]!;
    if (pending === 0) return -1;
    const priv = this.priv;
    if (priv === Privilege.M && (this.mstatus & MSTATUS.MIE) === 0) return -1;
    const mideleg = this.midelegEffective();
    const forM = pending & ~mideleg;
    if (forM !== 0) return highestPriority(forM);
    if (priv === Privilege.M) return -1;
    const hideleg = this.csr[CSR.hideleg * 2]!;
    const hsEnabled = this.virt || priv === Privilege.U || (this.mstatus & MSTATUS.SIE) !== 0;
    const forHS = hsEnabled ? pending & mideleg & ~hideleg : 0;
    if (forHS !== 0) return highestPriority(forHS);
    if (!this.virt) return -1;
    const vsEnabled = priv === Privilege.U || (this.csr[CSR.vsstatus * 2]! & MSTATUS.SIE) !== 0;
    const forVS = vsEnabled ? pending & mideleg & hideleg : 0;
    return forVS !== 0 ? highestPriority(forVS) : -1;
  }

  /** Takes the highest-priority enabled interrupt, if any. Returns whether one was taken. */
  takeInterrupt(): boolean {
    const irq = this.pendingInterrupt();
    if (irq < 0) return false;
    this.nextPc = this.pc;
    this.enterTrap(irq, true, 0, 0, 0, 0, false);
    this.pc = this.nextPc;
    this.trapped = false;
    return true;
  }

  /**
   * The platform time at which an Sstc comparator (stimecmp, vstimecmp)
   * will next raise its interrupt, or Infinity: a run loop idling a
   * waiting hart wakes it then.
   */
  timerDeadline(): number {
    return timerDeadline(this);
  }

  // ---- traps --------------------------------------------------------------

  /**
   * Raises a synchronous exception for the current instruction: the one
   * place a fault becomes a trap. GVA is derived from the cause: its tval
   * is a guest virtual address when it is an address of an access made
   * with V=1 (fetch, breakpoint) or as though V=1 (data: MPRV with MPV,
   * HLV/HLVX/HSV).
   */
  raise(cause: number, tval: number): void {
    this.enterTrap(cause, false, tval, 0, 0, 0, this.isGuestAddressFault(cause));
  }

  /**
   * Turns the MMU's last fault into a trap (its trap values: cause, tval,
   * htval/mtval2, GVA, pseudo-instruction). For a guest-page fault of an
   * explicit load or store, htinst/mtinst get the transformed instruction,
   * whose address offset is how far into the access the faulting address
   * lies (`originalVa` is where the access started).
   */
  private raiseTranslationFault(originalVa: number): void {
    const t = trapValues(this.mmu.fault, this.trap);
    let tinst = t.tinst;
    if (tinst === 0 && (t.cause === Exception.loadGuestPageFault || t.cause === Exception.storeGuestPageFault) && this.insn !== undefined) {
      tinst = transformedInstruction(this.insn, t.tval - originalVa);
    }
    this.enterTrap(t.cause, false, t.tval, t.tval2Lo, t.tval2Hi, tinst, t.gva !== 0);
  }

  private isGuestAddressFault(cause: number): boolean {
    if (cause >= 32 || ((ADDRESS_EXCEPTIONS >>> cause) & 1) === 0) return false;
    return ((DATA_EXCEPTIONS >>> cause) & 1) !== 0 ? this.dataVirt() : this.virt;
  }

  /**
   * Trap entry (privileged spec 3.1.6.1, 3.1.7, 4.1.1; H spec 8.6.2): a
   * trap from M goes to M; from HS/U to M unless medeleg/mideleg delegates
   * it to HS; from VS/VU to M, else HS, else VS when hedeleg/hideleg
   * delegate it further. `tval2Lo`/`tval2Hi` are the value for
   * htval/mtval2 (a guest physical address >> 2, or 0), `tinst` for
   * htinst/mtinst, `gva` whether tval is a guest virtual address.
   */
  private enterTrap(cause: number, interrupt: boolean, tval: number, tval2Lo: number, tval2Hi: number, tinst: number, gva: boolean): void {
    this.trapped = true;
    this.vmKind = VmAccess.none; // enterMode below updates the fast paths
    this.waiting = false;
    this.stopBatch = true;
    const epc = this.pc;
    const priv = this.priv;
    const virt = this.virt;
    let target: 'M' | 'HS' | 'VS' = 'M';
    if (priv !== Privilege.M) {
      const deleg = interrupt ? this.midelegEffective() : this.medelegBits(cause);
      if (((deleg >>> cause) & 1) !== 0 && (interrupt || cause < 32)) {
        target = 'HS';
        const hdeleg = interrupt ? this.csr[CSR.hideleg * 2]! : this.csr[CSR.hedeleg * 2]!;
        if (virt && ((hdeleg >>> cause) & 1) !== 0 && cause < 32) target = 'VS';
      }
    }
    if (target === 'VS') {
      // VS-level interrupts reach VS-mode as the supervisor ones: 2 -> 1, 6 -> 5, 10 -> 9 (H spec 8.2.2).
      const vsCause = interrupt ? cause - 1 : cause;
      this.writeCsrPair(CSR.vsepc, lowWord(epc), highWord(epc));
      this.writeCsrPair(CSR.vscause, vsCause, interrupt ? 1 << 31 : 0);
      this.writeCsrPair(CSR.vstval, lowWord(tval), highWord(tval));
      const s = this.csr[CSR.vsstatus * 2]!;
      this.csr[CSR.vsstatus * 2] = supervisorTrapStatus(s, priv);
      this.enterMode(Privilege.S, true);
      this.nextPc = this.vector(CSR.vstvec, vsCause, interrupt);
    } else if (target === 'HS') {
      this.writeCsrPair(CSR.sepc, lowWord(epc), highWord(epc));
      this.writeCsrPair(CSR.scause, cause, interrupt ? 1 << 31 : 0);
      this.writeCsrPair(CSR.stval, lowWord(tval), highWord(tval));
      this.writeCsrPair(CSR.htval, tval2Lo, tval2Hi);
      this.writeCsrPair(CSR.htinst, tinst, 0);
      this.mstatus = supervisorTrapStatus(this.mstatus, priv);
      let h = this.csr[CSR.hstatus * 2]! & ~(HSTATUS.SPV | HSTATUS.GVA);
      if (virt) h = (h & ~HSTATUS.SPVP) | (priv << HSTATUS_SHIFT.SPVP) | HSTATUS.SPV;
      if (gva) h |= HSTATUS.GVA;
      this.csr[CSR.hstatus * 2] = h;
      this.enterMode(Privilege.S, false);
      const target = this.vector(CSR.stvec, cause, interrupt);
      this.nextPc = target;
      if (this.trapHook !== undefined && !this.trapHook(this, cause, interrupt)) this.nextPc = target;
    } else {
      this.writeCsrPair(CSR.mepc, lowWord(epc), highWord(epc));
      this.writeCsrPair(CSR.mcause, cause, interrupt ? 1 << 31 : 0);
      this.writeCsrPair(CSR.mtval, lowWord(tval), highWord(tval));
      this.writeCsrPair(CSR.mtval2, tval2Lo, tval2Hi);
      this.writeCsrPair(CSR.mtinst, tinst, 0);
      const status = this.mstatus;
      let s = status & ~(MSTATUS.MPIE | MSTATUS.MIE | MSTATUS.MPP);
      if (status & MSTATUS.MIE) s |= MSTATUS.MPIE;
      s |= priv << MSTATUS_SHIFT.MPP;
      this.mstatus = s;
      let hi = this.csr[CSR.mstatus * 2 + 1]! & ~(MSTATUS_HI.MPV | MSTATUS_HI.GVA);
      if (virt) hi |= MSTATUS_HI.MPV;
      if (gva) hi |= MSTATUS_HI.GVA;
      this.csr[CSR.mstatus * 2 + 1] = hi;
      this.enterMode(Privilege.M, false);
      this.nextPc = this.vector(CSR.mtvec, cause, interrupt);
    }
  }

  private medelegBits(cause: number): number {
    return cause < 32 ? this.csr[CSR.medeleg * 2]! : 0;
  }

  /** Trap target from xtvec: BASE, or BASE + 4*cause for interrupts in vectored mode. */
  private vector(tvec: number, cause: number, interrupt: boolean): number {
    const lo = this.csr[tvec * 2]!;
    const base = this.csr[tvec * 2 + 1]! * Word.two32 + ((lo & ~3) >>> 0);
    return interrupt && (lo & 3) === 1 ? base + 4 * cause : base;
  }

  // ---- trap return ----------------------------------------------------------

  /**
   * MRET's effect (privileged spec 3.3.2; H spec 8.6.4), without its
   * privilege check: the new mode is MPP (and V = MPV unless MPP = M);
   * MIE = MPIE, MPIE = 1, MPP = U, MPV = 0, MPRV = 0 when leaving M; pc = mepc.
   */
  mret(): void {
    const s = this.mstatus;
    const mpp = ((s & MSTATUS.MPP) >>> MSTATUS_SHIFT.MPP) as PrivilegeLevel;
    const hi = this.csr[CSR.mstatus * 2 + 1]!;
    let next = s & ~(MSTATUS.MIE | MSTATUS.MPP);
    if (s & MSTATUS.MPIE) next |= MSTATUS.MIE;
    next |= MSTATUS.MPIE;
    if (mpp !== Privilege.M) next &= ~MSTATUS.MPRV;
    this.mstatus = next;
    this.csr[CSR.mstatus * 2 + 1] = hi & ~MSTATUS_HI.MPV;
    this.enterMode(mpp, (hi & MSTATUS_HI.MPV) !== 0);
    this.nextPc = this.csrNumber(CSR.mepc);
    this.stopBatch = true;
  }

  /**
   * SRET's effect (privileged spec 3.3.2; H spec 8.6.4), without its
   * privilege checks. With V=0 (HS or M): the new mode is SPP with V =
   * hstatus.SPV, then SPV = 0, and sstatus SIE = SPIE, SPIE = 1, SPP = U;
   * pc = sepc. With V=1 (VS): the same with vsstatus and vsepc, V stays 1.
   * MPRV is cleared since the new mode is below M.
   */
  sret(): void {
    if (this.virt) {
      const s = this.csr[CSR.vsstatus * 2]!;
      this.csr[CSR.vsstatus * 2] = supervisorReturnStatus(s);
      this.enterMode(s & MSTATUS.SPP ? Privilege.S : Privilege.U, true);
      this.nextPc = this.csrNumber(CSR.vsepc);
    } else {
      const s = this.mstatus;
      const h = this.csr[CSR.hstatus * 2]!;
      this.mstatus = supervisorReturnStatus(s) & ~MSTATUS.MPRV;
      this.csr[CSR.hstatus * 2] = h & ~HSTATUS.SPV;
      this.enterMode(s & MSTATUS.SPP ? Privilege.S : Privilege.U, (h & HSTATUS.SPV) !== 0);
      this.nextPc = this.csrNumber(CSR.sepc);
    }
    this.stopBatch = true;
  }

  writeCsrPair(n: number, lo: number, hi: number): void {
    this.csr[n * 2] = lo;
    this.csr[n * 2 + 1] = hi;
  }

  /** A CSR held as an address (xepc, xtvec) as a number. */
  csrNumber(n: number): number {
    return this.csr[n * 2 + 1]! * Word.two32 + (this.csr[n * 2]! >>> 0);
  }

  /** The time CSR / mtime. */
  readTime(): number {
    return this.readTimeSource();
  }
}

/** The highest-priority interrupt among the bits of `candidates` (nonzero). */
function highestPriority(candidates: number): number {
  for (const irq of INTERRUPT_PRIORITY) if ((candidates & (1 << irq)) !== 0) return irq;
  // Bits without a standard priority (platform interrupts >= 16) come after the standard ones.
  return 31 - Math.clz32(candidates);
}

/** sstatus/vsstatus after a trap into S/VS from nominal privilege `from`: SPIE = SIE, SIE = 0, SPP = from. */
function supervisorTrapStatus(s: number, from: PrivilegeLevel): number {
  let next = s & ~(MSTATUS.SPIE | MSTATUS.SIE | MSTATUS.SPP);
  if (s & MSTATUS.SIE) next |= MSTATUS.SPIE;
  if (from === Privilege.S) next |= MSTATUS.SPP;
  return next;
}

/** sstatus/vsstatus after SRET: SIE = SPIE, SPIE = 1, SPP = U. */
function supervisorReturnStatus(s: number): number {
  let next = s & ~(MSTATUS.SIE | MSTATUS.SPP);
  if (s & MSTATUS.SPIE) next |= MSTATUS.SIE;
  return next | MSTATUS.SPIE;
}
