/**
 * Address translation for one hart: Bare, Sv39/Sv48 (S-mode and VS-stage),
 * Sv39x4/Sv48x4 (G-stage), PMP, A/D bits (Svade or Svadu), Svpbmt, Svnapot,
 * and the TLBs in front of it all.
 *
 * The translator keeps a copy of the CSR state it depends on: the hart
 * pushes it through the `set*` methods whenever it changes, and delegates
 * satp, vsatp, hgatp and the PMP CSRs to it entirely. Translation returns a
 * non-negative physical address, or `-1 - cause` with the details in
 * {@link Translator.fault} (faults are values: nothing throws).
 *
 * Spec references: privileged spec 4.3.2 "Virtual Address Translation
 * Process" (steps quoted below), 4.4/4.5 (Sv39/Sv48), Svnapot, Svpbmt,
 * Svade/Svadu, 3.7 (PMP), H extension "Two-Stage Address Translation".
 */
import { ACCESS_KIND_MASK, Access, AccessKind } from './access.js';
import { AtpMode, atpAsid, atpMode, atpPpn, legalizeHgatp, legalizeSatp, VMID_BITS } from './atp.js';
import { ACCESS_FAULT, GUEST_PAGE_FAULT, ImplicitAccess, PAGE_FAULT, TranslationFault, type ImplicitAccessValue } from './fault.js';
import { MODE_VIRTUAL, PRIV_M, PRIV_S, PRIV_U, type ExecutionModeValue } from './mode.js';
import {
  PERM_ALL,
  PERM_MXR,
  PERM_SUM,
  PERM_SUPERVISOR,
  PERM_VS_MXR,
  firstStageAllows,
  firstStageMask,
  gStageAllows,
  gStageMask,
} from './permission.js';
import type { Word64 } from './physical-memory.js';
import { PMP_R, PMP_W, PMP_X, Pmp, PmpPrivilege, type PmpPrivilegeValue } from './pmp.js';
import {
  PBMT_RESERVED,
  PTE_A,
  PTE_D,
  PTE_G,
  PTE_HI_N,
  PTE_HI_PBMT_SHIFT,
  PTE_HI_RESERVED,
  PTE_R,
  PTE_SIZE,
  PTE_U,
  PTE_V,
  PTE_W,
  PTE_X,
  ptePpn,
} from './pte.js';
import { CasResult, PteMemory, type TranslatorMemory } from './pte-memory.js';
import { contextSalt, GLOBAL_ASID, PHYSICAL_ENTRY, Tlb } from './tlb.js';

export const PAGE_SIZE = 4096;

/**
 * The page geometry again, for the TLB fast paths: members of a file-local
 * const enum are inlined as literals, where a module constant is a context
 * load and a type check in V8's optimised code (and `va / 4096` with a
 * literal becomes a multiplication).
 */
const enum Page {
  size = 4096,
  offset = 4095,
}
/** Physical addresses at or above 2^53 are not backed by anything (numbers stop being exact there). */
export const PHYSICAL_LIMIT = 2 ** 53;

/** Context tag of M-mode accesses (no translation, PMP as M). */
const CTX_MACHINE = -1;
/** A context tag no entry carries (global match of untranslated contexts). */
const CTX_NONE = -2;
/** Multiplier of the ASID field in a context tag (ASID 0..0xffff, or GLOBAL_ASID). */
const CTX_ASID_SPAN = 0x20000;

/** PMP permission bits needed per access kind. */
const PMP_NEED: readonly number[] = [PMP_X, PMP_R, PMP_W];

/** Code of a satp/hgatp MODE inside context tags: Bare 0, Sv39(x4) 1, Sv48(x4) 2. */
function modeCode(mode: number): number {
  return mode === AtpMode.sv39 ? 1 : mode === AtpMode.sv48 ? 2 : 0;
}

export interface TranslatorOptions {
  /** Entries per TLB (one TLB per access kind); a power of two, default 1024. */
  tlbEntries?: number;
}

/** The leaf a Bare G-stage behaves as: a valid U page with every permission, already accessed and dirty. */
const BARE_G_STAGE_LEAF = PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D;

export class Translator {
  /** PMP unit; its CSR methods back the pmpcfg and pmpaddr CSRs. Any change flushes the TLBs. */
  readonly pmp = new Pmp();
  /** Details of the last fault returned. */
  readonly fault = new TranslationFault();
  /**
   * 1 when the last successful translation holds for its whole 4 KiB page
   * (it was found in the TLB or put there), so a caller may cache it per
   * page as the TLB does; 0 when it was checked for this access alone (a
   * PMP entry boundary inside the page, a peek, HLVX).
   */
  pageWide = 0;

  private readonly fetchTlb: Tlb;
  private readonly loadTlb: Tlb;
  private readonly storeTlb: Tlb;
  private readonly pte: PteMemory;

  // ---- CSR state the translation depends on ----
  private priv = PRIV_M;
  private virt = 0;
  private mprv = 0;
  private mpp = 0;
  private mpv = 0;
  private sum = 0;
  private mxr = 0;
  private vsSum = 0;
  private vsMxr = 0;
  private spvp = 0;
  private mPbmte = 0;
  private mAdue = 0;
  private hPbmte = 0;
  private hAdue = 0;
  private readonly satp: Word64 = { lo: 0, hi: 0 };
  private readonly vsatp: Word64 = { lo: 0, hi: 0 };
  private readonly hgatp: Word64 = { lo: 0, hi: 0 };

  // ---- derived per-context values for the fast paths (see refresh) ----
  private fetchCtx = CTX_MACHINE;
  private fetchCtxGlobal = CTX_NONE;
  private fetchIndex = 0;
  private fetchSalt = 0;
  private dataCtx = CTX_MACHINE;
  private dataCtxGlobal = CTX_NONE;
  private dataIndex = 0;
  private dataSalt = 0;

  // ---- outputs of context() and the walks (fields, not allocations) ----
  private ctxTag = 0;
  private ctxTagGlobal = 0;
  private ctxAsid = 0;
  private ctxVmid = 0;
  private ctxSalt = 0;
  /** First-stage leaf: low PTE word, size in pages, VPN offset of va within it, global. */
  private leafLo = 0;
  private leafPages = 1;
  private leafOffset = 0;
  private leafGlobal = 0;
  /** G-stage leaf low PTE word of the last G-stage translation. */
  private gLeafLo = 0;

  constructor(memory: TranslatorMemory, options: TranslatorOptions = {}) {
    const entries = options.tlbEntries ?? 1024;
    this.fetchTlb = new Tlb(entries);
    this.loadTlb = new Tlb(entries);
    this.storeTlb = new Tlb(entries);
    this.pte = new PteMemory(memory);
    // Cached translations embed PMP results (privileged spec 3.7.2 asks for
    // an sfence.vma after PMP writes; flushing on the write itself is a legal over-flush).
    this.pmp.onChange = () => this.flushAll();
    this.refresh();
  }

  // ======================================================================
  // State from the hart
  // ======================================================================

  /** Architectural reset: M-mode, translation Bare, PMP off, TLBs empty. */
  reset(): void {
    this.priv = PRIV_M;
    this.virt = 0;
    this.mprv = this.mpp = this.mpv = this.sum = this.mxr = 0;
    this.vsSum = this.vsMxr = this.spvp = 0;
    this.mPbmte = this.mAdue = this.hPbmte = this.hAdue = 0;
    this.satp.lo = this.satp.hi = 0;
    this.vsatp.lo = this.vsatp.hi = 0;
    this.hgatp.lo = this.hgatp.hi = 0;
    this.pmp.reset();
    this.flushAll();
    this.refresh();
  }

  /** Current privilege and virtualization mode (after traps, xRET, reset). */
  setMode(mode: ExecutionModeValue): void {
    this.priv = mode & 3;
    this.virt = (mode & MODE_VIRTUAL) !== 0 ? 1 : 0;
    this.refresh();
  }

  /** mstatus (RV64 halves): MPRV, MPP, SUM, MXR and MPV (bit 39). */
  setMstatus(lo: number, hi: number): void {
    this.mprv = (lo >>> 17) & 1;
    this.mpp = (lo >>> 11) & 3;
    this.sum = (lo >>> 18) & 1;
    this.mxr = (lo >>> 19) & 1;
    this.mpv = (hi >>> 7) & 1;
    this.refresh();
  }

  /** vsstatus: SUM and MXR for the VS stage. */
  setVsstatus(lo: number, _hi: number): void {
    this.vsSum = (lo >>> 18) & 1;
    this.vsMxr = (lo >>> 19) & 1;
    this.refresh();
  }

  /** hstatus: SPVP (bit 8), the privilege of HLV/HLVX/HSV accesses. */
  setHstatus(lo: number, _hi: number): void {
    this.spvp = (lo >>> 8) & 1;
  }

  /**
   * menvcfg: PBMTE (bit 62) enables Svpbmt for single-stage and G-stage
   * translation; ADUE (bit 61) enables hardware A/D updating (Svadu) for
   * single-stage and G-stage translation (Svade behaviour when 0).
   * A change flushes the TLBs (the spec asks software for a fence; flushing is a legal over-flush).
   */
  setMenvcfg(_lo: number, hi: number): void {
    const pbmte = (hi >>> 30) & 1;
    const adue = (hi >>> 29) & 1;
    if (pbmte !== this.mPbmte || adue !== this.mAdue) this.flushAll();
    this.mPbmte = pbmte;
    this.mAdue = adue;
  }

  /**
   * henvcfg: PBMTE and ADUE for the VS stage (same bit positions as
   * menvcfg). They take effect only while the menvcfg bits are set (the
   * henvcfg bits are read-only zero otherwise; the CSR table should show that).
   */
  setHenvcfg(_lo: number, hi: number): void {
    const pbmte = (hi >>> 30) & 1;
    const adue = (hi >>> 29) & 1;
    if (pbmte !== this.hPbmte || adue !== this.hAdue) this.flushGuests(-1);
    this.hPbmte = pbmte;
    this.hAdue = adue;
  }

  readSatp(out: Word64): void {
    out.lo = this.satp.lo;
    out.hi = this.satp.hi;
  }

  /** satp write with WARL legalisation. Does not flush: stale translations stay until sfence.vma (privileged spec 4.1.11). */
  writeSatp(lo: number, hi: number): void {
    legalizeSatp(this.satp, lo, hi, this.satp);
    this.refresh();
  }

  readVsatp(out: Word64): void {
    out.lo = this.vsatp.lo;
    out.hi = this.vsatp.hi;
  }

  /** vsatp write: an unsupported MODE is ignored like for satp (the H spec allows it when V=0 and requires it when V=1). */
  writeVsatp(lo: number, hi: number): void {
    legalizeSatp(this.vsatp, lo, hi, this.vsatp);
    this.refresh();
  }

  readHgatp(out: Word64): void {
    out.lo = this.hgatp.lo;
    out.hi = this.hgatp.hi;
  }

  /** hgatp write with WARL legalisation (14-bit VMID, PPN[1:0] zero). No flush: entries are tagged with the VMID. */
  writeHgatp(lo: number, hi: number): void {
    legalizeHgatp(this.hgatp, lo, hi, this.hgatp);
    this.refresh();
  }

  // ======================================================================
  // Fences
  // ======================================================================

  /**
   * SFENCE.VMA. `va` and `asid` are the rs1/rs2 values, or undefined when
   * the register is x0. With V=1 it applies to the current guest's VS-level
   * translations (as HFENCE.VVMA does); with V=0 to HS-level ones. Entries of
   * global mappings survive an ASID-specific fence.
   */
  sfenceVma(va: number | undefined, asid: number | undefined): void {
    if (this.virt === 1) {
      this.hfenceVvma(va, asid);
      return;
    }
    this.flushFirstStage(0, 0, va, asid);
  }

  /** HFENCE.VVMA: VS-level translations of the VMID currently in hgatp. */
  hfenceVvma(va: number | undefined, asid: number | undefined): void {
    this.flushFirstStage(1, atpAsid(this.hgatp.hi) & ((1 << VMID_BITS) - 1), va, asid);
  }

  /**
   * HFENCE.GVMA: `gpaShifted` is rs1 (guest physical address >> 2) or
   * undefined for x0, `vmid` rs2 or undefined. The TLB holds combined
   * GVA->HPA entries that are not tagged with their GPA, so every entry of
   * the VMID is dropped (the over-flush the H spec describes as common).
   */
  hfenceGvma(_gpaShifted: number | undefined, vmid: number | undefined): void {
    this.flushGuests(vmid === undefined ? -1 : vmid & ((1 << VMID_BITS) - 1));
  }

  /** Drops every cached translation. */
  flushAll(): void {
    this.fetchTlb.flushAll();
    this.loadTlb.flushAll();
    this.storeTlb.flushAll();
  }

  private flushFirstStage(virt: number, vmid: number, va: number | undefined, asid: number | undefined): void {
    const vpn = va === undefined ? NaN : Math.floor(va / Page.size);
    const a = asid === undefined ? -1 : asid & 0xffff;
    this.fetchTlb.flushFirstStage(virt, vmid, vpn, a);
    this.loadTlb.flushFirstStage(virt, vmid, vpn, a);
    this.storeTlb.flushFirstStage(virt, vmid, vpn, a);
  }

  private flushGuests(vmid: number): void {
    this.fetchTlb.flushGuest(vmid);
    this.loadTlb.flushGuest(vmid);
    this.storeTlb.flushGuest(vmid);
  }

  // ======================================================================
  // Fast paths: one TLB probe, no allocation
  // ======================================================================

  /** Instruction fetch of the halfword/word at `va` (the caller splits fetches that cross a page). */
  translateFetch(va: number): number {
    const vpn = Math.floor(va / Page.size);
    const t = this.fetchTlb;
    const i = (vpn ^ this.fetchSalt) & t.mask;
    if (t.vpn[i] === vpn) {
      const c = t.ctx[i];
      if ((c === this.fetchCtx || c === this.fetchCtxGlobal) && ((t.perm[i]! >> this.fetchIndex) & 1) !== 0) {
        this.pageWide = 1;
        return t.base[i]! + (va & Page.offset);
      }
    }
    return this.translate(va, Access.fetch, 2);
  }

  /** Explicit load of `width` bytes inside one page (MPRV applies). */
  translateLoad(va: number, width: number): number {
    const vpn = Math.floor(va / Page.size);
    const t = this.loadTlb;
    const i = (vpn ^ this.dataSalt) & t.mask;
    if (t.vpn[i] === vpn) {
      const c = t.ctx[i];
      if ((c === this.dataCtx || c === this.dataCtxGlobal) && ((t.perm[i]! >> this.dataIndex) & 1) !== 0) {
        this.pageWide = 1;
        return t.base[i]! + (va & Page.offset);
      }
    }
    return this.translate(va, Access.load, width);
  }

  /** Explicit store/AMO/SC of `width` bytes inside one page (MPRV applies). */
  translateStore(va: number, width: number): number {
    const vpn = Math.floor(va / Page.size);
    const t = this.storeTlb;
    const i = (vpn ^ this.dataSalt) & t.mask;
    if (t.vpn[i] === vpn) {
      const c = t.ctx[i];
      if ((c === this.dataCtx || c === this.dataCtxGlobal) && ((t.perm[i]! >> this.dataIndex) & 1) !== 0) {
        this.pageWide = 1;
        return t.base[i]! + (va & Page.offset);
      }
    }
    return this.translate(va, Access.store, width);
  }

  // ======================================================================
  // The general path
  // ======================================================================

  /**
   * Translates an access of `width` bytes (within one page) described by
   * `access` ({@link Access} kind | flags). Returns the physical address,
   * or `-1 - cause` with {@link fault} filled in.
   */
  translate(va: number, access: number, width: number): number {
    const kind = access & ACCESS_KIND_MASK;
    let priv = this.priv;
    let virt = this.virt;
    if (kind !== AccessKind.fetch) {
      if ((access & Access.virtualMachine) !== 0) {
        // HLV/HLVX/HSV: as though V=1 at privilege hstatus.SPVP, overriding MPRV.
        virt = 1;
        priv = this.spvp;
      } else if (priv === PRIV_M && this.mprv === 1) {
        // MPRV: translated and protected as though in mode MPP (and V=MPV unless MPP=M).
        priv = this.mpp;
        virt = priv === PRIV_M ? 0 : this.mpv;
      }
    }
    if ((access & Access.asUser) !== 0) priv = PRIV_U;
    else if ((access & Access.asSupervisor) !== 0) priv = PRIV_S;
    const executeAsRead = (access & Access.executeAsRead) !== 0;
    const peek = (access & Access.peek) !== 0;
    const tlb = kind === AccessKind.fetch ? this.fetchTlb : kind === AccessKind.load ? this.loadTlb : this.storeTlb;
    const vpn = Math.floor(va / Page.size);
    const index = this.permissionIndex(priv, virt);
    this.context(priv, virt);
    const ctx = this.ctxTag;
    const ctxGlobal = this.ctxTagGlobal;
    const slot = (vpn ^ this.ctxSalt) & tlb.mask;

    if (!executeAsRead) {
      const i = slot;
      if (tlb.vpn[i] === vpn && (tlb.ctx[i] === ctx || tlb.ctx[i] === ctxGlobal) && ((tlb.perm[i]! >> index) & 1) !== 0) {
        this.pageWide = 1;
        return tlb.base[i]! + (va & Page.offset);
      }
    }

    const offset = va & Page.offset;
    let pa: number;
    let perm = PERM_ALL;
    let entryVirt = PHYSICAL_ENTRY;
    let leafPages = 1;
    let leafOffset = 0;
    let global = 0;
    if (priv === PRIV_M || (virt === 0 && atpMode(this.satp.hi) === AtpMode.bare)) {
      // No translation: the address is the physical address.
      pa = va;
    } else if (virt === 0) {
      const ppn = this.walkFirstStage(va, kind, executeAsRead, peek, index, 0);
      if (ppn < 0) return ppn;
      pa = ppn * PAGE_SIZE + offset;
      perm = firstStageMask(this.leafLo, kind);
      entryVirt = 0;
      leafPages = this.leafPages;
      leafOffset = this.leafOffset;
      global = this.leafGlobal;
    } else {
      // Two-stage: VS-stage (vsatp) to a guest physical page, then G-stage (hgatp).
      let gpage: number;
      if (atpMode(this.vsatp.hi) === AtpMode.bare) {
        gpage = vpn;
      } else {
        gpage = this.walkFirstStage(va, kind, executeAsRead, peek, index, 1);
        if (gpage < 0) return gpage;
        perm = firstStageMask(this.leafLo, kind);
        leafPages = this.leafPages;
        leafOffset = this.leafOffset;
        global = this.leafGlobal;
      }
      const spa = this.gStage(gpage, offset, kind, kind, ImplicitAccess.none, executeAsRead, peek, index, va);
      if (spa < 0) return spa;
      perm &= gStageMask(this.gLeafLo, kind);
      pa = spa;
      entryVirt = 1;
    }

    // Physical checks (PMP; nothing exists at or above 2^53).
    if (!(pa >= 0 && pa < PHYSICAL_LIMIT)) return this.accessFault(kind, va, virt);
    const pmpPrivilege: PmpPrivilegeValue = priv === PRIV_M ? PmpPrivilege.machine : PmpPrivilege.supervisorOrUser;
    // HLVX: the supervisor physical memory attributes must grant both execute and read.
    const need = executeAsRead ? PMP_R | PMP_X : PMP_NEED[kind]!;
    const page = pa - (pa & Page.offset);
    const granted = this.pmp.rangePermissions(page, page + PAGE_SIZE, pmpPrivilege);
    if (granted < 0) {
      // The deciding PMP entry covers only part of the page: check this access alone, and cache nothing.
      this.pageWide = 0;
      return this.pmp.allows(pa, width, need, pmpPrivilege) ? pa : this.accessFault(kind, va, virt);
    }
    if ((granted & need) !== need) return this.accessFault(kind, va, virt);
    this.pageWide = peek || executeAsRead ? 0 : 1;
    if (!peek && !executeAsRead) {
      // Global entries are filled at this context's slot too (stored again per ASID as needed).
      tlb.fill(
        slot,
        vpn,
        global === 1 ? ctxGlobal : ctx,
        page,
        perm,
        vpn - leafOffset,
        leafPages,
        entryVirt,
        this.ctxVmid,
        global === 1 ? -1 : this.ctxAsid,
      );
    }
    return pa;
  }

  // ======================================================================
  // Walks
  // ======================================================================

  /**
   * Single-stage (virt=0, satp) or VS-stage (virt=1, vsatp) walk, privileged
   * spec 4.3.2. Returns the physical (or guest physical) page number, or a
   * negative value after recording the fault. With virt=1 every PTE address
   * is a guest physical address translated by the G-stage first.
   */
  private walkFirstStage(va: number, kind: number, executeAsRead: boolean, peek: boolean, index: number, virt: number): number {
    const atp = virt === 1 ? this.vsatp : this.satp;
    const levels = atpMode(atp.hi) === AtpMode.sv39 ? 3 : 4;
    // 4.4.1/4.5.1: bits 63:39 (Sv39) or 63:48 (Sv48) must equal the top bit, else a page fault.
    const half = levels === 3 ? 2 ** 38 : 2 ** 47;
    if (!(va >= -half && va < half)) return this.pageFault(kind, va, virt);
    const vpn = Math.floor((va < 0 ? va + 2 * half : va) / PAGE_SIZE);
    // henvcfg.PBMTE/ADUE are read-only zero while the menvcfg bits are zero (menvcfg section, Svadu/Svpbmt).
    const pbmte = virt === 1 ? this.hPbmte & this.mPbmte : this.mPbmte;
    const adue = virt === 1 ? this.hAdue & this.mAdue : this.mAdue;

    // Step 1: a = satp.ppn × PAGESIZE, i = LEVELS − 1.
    let table = atpPpn(atp.lo, atp.hi);
    let level = levels - 1;
    let globalAbove = 0;
    for (;;) {
      // Step 2: pte = the PTE at a + va.vpn[i] × PTESIZE; PMA/PMP violation -> access fault.
      const pteOffset = (Math.floor(vpn / 2 ** (9 * level)) & 0x1ff) * PTE_SIZE;
      let ptePa: number;
      if (virt === 1) {
        // Implicit VS-stage access: translated by the G-stage as a read (H spec 8.5).
        ptePa = this.gStage(table, pteOffset, kind, AccessKind.load, ImplicitAccess.read, false, peek, 0, va);
        if (ptePa < 0) return ptePa;
      } else {
        ptePa = table * PAGE_SIZE + pteOffset;
      }
      if (!this.readPte(ptePa)) return this.accessFault(kind, va, virt);
      let lo = this.pte.lo;
      const hi = this.pte.hi;

      // Step 3: invalid, W without R, or reserved bits/encodings -> page fault.
      if ((lo & PTE_V) === 0 || (lo & (PTE_R | PTE_W)) === PTE_W || (hi & PTE_HI_RESERVED) !== 0) {
        return this.pageFault(kind, va, virt);
      }
      const leaf = (lo & (PTE_R | PTE_X)) !== 0;
      const pbmt = (hi >>> PTE_HI_PBMT_SHIFT) & 3;
      // Svpbmt: PBMT must be 0 when disabled (menvcfg/henvcfg.PBMTE=0), in non-leaf PTEs, and 3 is reserved.
      if (pbmt !== 0 && (pbmte === 0 || !leaf || pbmt === PBMT_RESERVED)) return this.pageFault(kind, va, virt);
      const global = globalAbove | ((lo & PTE_G) !== 0 ? 1 : 0);

      // Step 4: a pointer to the next level. D, A, U and N are reserved in non-leaf PTEs.
      if (!leaf) {
        if ((hi & PTE_HI_N) !== 0 || (lo & (PTE_D | PTE_A | PTE_U)) !== 0) return this.pageFault(kind, va, virt);
        if (level === 0) return this.pageFault(kind, va, virt);
        level--;
        table = ptePpn(lo, hi);
        globalAbove = global;
        continue;
      }

      // Step 5: R/W/X/U against the privilege, SUM and MXR.
      if (!firstStageAllows(lo, kind, executeAsRead, index)) return this.pageFault(kind, va, virt);

      // Step 6: a superpage's PPN must be aligned to its size.
      const ppn = ptePpn(lo, hi);
      let pages = level === 0 ? 1 : 2 ** (9 * level);
      if (ppn % pages !== 0) return this.pageFault(kind, va, virt);

      // Svnapot: N=1 is defined only at level 0 with ppn[3:0] = 1000 (64 KiB); every other encoding is reserved.
      if ((hi & PTE_HI_N) !== 0) {
        if (level !== 0 || (ppn & 0xf) !== 8) return this.pageFault(kind, va, virt);
        pages = 16;
      }

      // Step 7: A (and D for stores) must be set: Svade faults, Svadu updates atomically.
      if (!peek && ((lo & PTE_A) === 0 || (kind === AccessKind.store && (lo & PTE_D) === 0))) {
        if (adue === 0) return this.pageFault(kind, va, virt);
        let ptePaWrite = ptePa;
        if (virt === 1) {
          // The A/D update is an implicit store at the G-stage (H spec 8.5.1).
          ptePaWrite = this.gStage(table, pteOffset, kind, AccessKind.store, ImplicitAccess.write, false, false, 0, va);
          if (ptePaWrite < 0) return ptePaWrite;
        }
        if (!this.pmp.allows(ptePaWrite, PTE_SIZE, PMP_W, PmpPrivilege.supervisorOrUser)) return this.accessFault(kind, va, virt);
        const updated = lo | PTE_A | (kind === AccessKind.store ? PTE_D : 0);
        const cas = this.pte.compareAndSet(ptePaWrite, lo, hi, updated);
        if (cas === CasResult.noMemory) return this.accessFault(kind, va, virt);
        if (cas === CasResult.changed) continue; // "If the comparison fails, return to step 2."
        lo = updated;
      }

      // Step 8: pa.ppn[LEVELS-1:i] = pte.ppn[LEVELS-1:i], lower parts from the VPN.
      this.leafLo = lo;
      this.leafPages = pages;
      this.leafOffset = vpn % pages;
      this.leafGlobal = global;
      return ppn - (ppn % pages) + (vpn % pages);
    }
  }

  /**
   * G-stage translation (Sv39x4/Sv48x4, H spec "Guest Physical Address
   * Translation") of guest physical page `gpage` + `offset`. `kind` is the
   * original access type (faults are reported for it), `gKind` the type
   * checked at this stage (load/store for implicit VS-stage accesses).
   * Every access is a U-mode access here. Returns the supervisor physical
   * address, or a negative value after recording a guest-page or access fault.
   */
  private gStage(
    gpage: number,
    offset: number,
    kind: number,
    gKind: number,
    implicit: ImplicitAccessValue,
    executeAsRead: boolean,
    peek: boolean,
    index: number,
    va: number,
  ): number {
    const mode = atpMode(this.hgatp.hi);
    if (mode === AtpMode.bare) {
      // No G-stage: every permission is granted (the combined TLB entry must see that, not a stale leaf).
      this.gLeafLo = BARE_G_STAGE_LEAF;
      return gpage * PAGE_SIZE + offset;
    }
    const levels = mode === AtpMode.sv39 ? 3 : 4;
    // The guest physical address is 2 bits wider (41 or 50 bits); higher bits set -> guest-page fault.
    const pageLimit = levels === 3 ? 2 ** 29 : 2 ** 38;
    if (!(gpage >= 0 && gpage < pageLimit)) return this.guestPageFault(kind, va, gpage, offset, implicit);
    // HS-level MXR applies to explicit loads only; implicit accesses need real R/W.
    const gIndex = implicit === ImplicitAccess.none ? index & PERM_MXR : 0;

    let table = atpPpn(this.hgatp.lo, this.hgatp.hi);
    let level = levels - 1;
    for (;;) {
      const shift = 2 ** (9 * level);
      // The root table is 16 KiB: its index has 11 bits.
      const slot = level === levels - 1 ? Math.floor(gpage / shift) : Math.floor(gpage / shift) & 0x1ff;
      const ptePa = table * PAGE_SIZE + slot * PTE_SIZE;
      if (!this.readPte(ptePa)) return this.accessFault(kind, va, 1);
      let lo = this.pte.lo;
      const hi = this.pte.hi;
      if ((lo & PTE_V) === 0 || (lo & (PTE_R | PTE_W)) === PTE_W || (hi & PTE_HI_RESERVED) !== 0) {
        return this.guestPageFault(kind, va, gpage, offset, implicit);
      }
      const leaf = (lo & (PTE_R | PTE_X)) !== 0;
      const pbmt = (hi >>> PTE_HI_PBMT_SHIFT) & 3;
      if (pbmt !== 0 && (this.mPbmte === 0 || !leaf || pbmt === PBMT_RESERVED)) {
        return this.guestPageFault(kind, va, gpage, offset, implicit);
      }
      // The G bit of G-stage PTEs is reserved and ignored by hardware.
      if (!leaf) {
        if ((hi & PTE_HI_N) !== 0 || (lo & (PTE_D | PTE_A | PTE_U)) !== 0 || level === 0) {
          return this.guestPageFault(kind, va, gpage, offset, implicit);
        }
        level--;
        table = ptePpn(lo, hi);
        continue;
      }
      if (!gStageAllows(lo, gKind, executeAsRead, gIndex)) return this.guestPageFault(kind, va, gpage, offset, implicit);
      const ppn = ptePpn(lo, hi);
      let pages = level === 0 ? 1 : shift;
      if (ppn % pages !== 0) return this.guestPageFault(kind, va, gpage, offset, implicit);
      if ((hi & PTE_HI_N) !== 0) {
        if (level !== 0 || (ppn & 0xf) !== 8) return this.guestPageFault(kind, va, gpage, offset, implicit);
        pages = 16;
      }
      // A/D at the G-stage: menvcfg.ADUE selects Svadu (update) or Svade (guest-page fault).
      if (!peek && ((lo & PTE_A) === 0 || (gKind === AccessKind.store && (lo & PTE_D) === 0))) {
        if (this.mAdue === 0) return this.guestPageFault(kind, va, gpage, offset, implicit);
        if (!this.pmp.allows(ptePa, PTE_SIZE, PMP_W, PmpPrivilege.supervisorOrUser)) return this.accessFault(kind, va, 1);
        const updated = lo | PTE_A | (gKind === AccessKind.store ? PTE_D : 0);
        const cas = this.pte.compareAndSet(ptePa, lo, hi, updated);
        if (cas === CasResult.noMemory) return this.accessFault(kind, va, 1);
        if (cas === CasResult.changed) continue;
        lo = updated;
      }
      this.gLeafLo = lo;
      return (ppn - (ppn % pages) + (gpage % pages)) * PAGE_SIZE + offset;
    }
  }

  /** Reads a PTE for a walk: PMP (as S-mode, the effective privilege of walks) and presence checked. */
  private readPte(ptePa: number): boolean {
    return (
      ptePa >= 0 &&
      ptePa < PHYSICAL_LIMIT &&
      this.pmp.allows(ptePa, PTE_SIZE, PMP_R, PmpPrivilege.supervisorOrUser) &&
      this.pte.read(ptePa)
    );
  }

  // ======================================================================
  // Contexts and faults
  // ======================================================================

  /** Recomputes the fast-path contexts for fetches and for data accesses (MPRV). */
  private refresh(): void {
    this.context(this.priv, this.virt);
    this.fetchCtx = this.ctxTag;
    this.fetchCtxGlobal = this.ctxTagGlobal;
    this.fetchIndex = this.permissionIndex(this.priv, this.virt);
    this.fetchSalt = this.ctxSalt;
    let priv = this.priv;
    let virt = this.virt;
    if (priv === PRIV_M && this.mprv === 1) {
      priv = this.mpp;
      virt = priv === PRIV_M ? 0 : this.mpv;
    }
    this.context(priv, virt);
    this.dataCtx = this.ctxTag;
    this.dataCtxGlobal = this.ctxTagGlobal;
    this.dataIndex = this.permissionIndex(priv, virt);
    this.dataSalt = this.ctxSalt;
  }

  /**
   * The context tag of accesses made at (priv, virt): the translation
   * regime, the MODEs, the VMID and the ASID, as one exact number. Sets
   * ctxTag, ctxTagGlobal (the tag of global entries of the same regime),
   * ctxAsid and ctxVmid.
   */
  private context(priv: number, virt: number): void {
    this.ctxAsid = 0;
    this.ctxVmid = 0;
    this.ctxTagGlobal = CTX_NONE;
    this.ctxSalt = 0;
    if (priv === PRIV_M) {
      this.ctxTag = CTX_MACHINE;
      return;
    }
    let regime: number;
    let firstMode: number;
    if (virt === 0) {
      firstMode = modeCode(atpMode(this.satp.hi));
      if (firstMode !== 0) this.ctxAsid = atpAsid(this.satp.hi);
      regime = 0;
    } else {
      firstMode = modeCode(atpMode(this.vsatp.hi));
      if (firstMode !== 0) this.ctxAsid = atpAsid(this.vsatp.hi);
      this.ctxVmid = atpAsid(this.hgatp.hi) & ((1 << VMID_BITS) - 1);
      regime = (this.ctxVmid * 2 + 1) * 4 + modeCode(atpMode(this.hgatp.hi));
    }
    const base = (regime * 4 + firstMode) * CTX_ASID_SPAN;
    this.ctxTag = base + this.ctxAsid;
    if (firstMode !== 0) this.ctxTagGlobal = base + GLOBAL_ASID;
    this.ctxSalt = contextSalt(this.ctxAsid, this.ctxVmid);
  }

  private permissionIndex(priv: number, virt: number): number {
    let index = priv === PRIV_S ? PERM_SUPERVISOR : 0;
    if (virt === 1) {
      if (this.vsSum === 1) index |= PERM_SUM;
      if (this.vsMxr === 1) index |= PERM_VS_MXR;
    } else if (this.sum === 1) {
      index |= PERM_SUM;
    }
    if (this.mxr === 1) index |= PERM_MXR;
    return index;
  }

  private accessFault(kind: number, va: number, virt: number): number {
    const cause = ACCESS_FAULT[kind]!;
    this.fault.set(cause, va, virt);
    return -1 - cause;
  }

  private pageFault(kind: number, va: number, virt: number): number {
    const cause = PAGE_FAULT[kind]!;
    this.fault.set(cause, va, virt);
    return -1 - cause;
  }

  private guestPageFault(kind: number, va: number, gpage: number, offset: number, implicit: ImplicitAccessValue): number {
    const cause = GUEST_PAGE_FAULT[kind]!;
    const f = this.fault;
    f.set(cause, va, 1);
    // The guest physical address as 64-bit halves (gpage may be negative: a Bare-vsatp GVA).
    const hi = Math.floor(gpage / 1048576);
    f.gpaHi = hi | 0;
    f.gpaLo = ((gpage - hi * 1048576) * PAGE_SIZE + offset) | 0;
    f.implicit = implicit;
    return -1 - cause;
  }
}
