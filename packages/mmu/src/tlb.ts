/**
 * A direct-mapped software TLB for one access kind: typed arrays indexed by
 * the low bits of the 4 KiB virtual page number XOR a per-context salt (so
 * two address spaces using the same addresses do not evict each other on
 * every context switch). A hit costs two array compares and no allocation
 * (see {@link Translator.translateLoad}).
 *
 * Each entry caches a final translation (VA -> physical page, GVA -> HPA
 * combined for two-stage translation) together with:
 * - a context tag (regime, MODEs, VMID, ASID; global entries carry the
 *   ASID field {@link GLOBAL_ASID} so they match every ASID of their VMID),
 * - a permission mask: bit k set when the access is allowed under
 *   permission index k (privilege, SUM, MXRs; see permission.ts), so
 *   SUM/MXR/privilege changes take effect immediately without a flush,
 * - the leaf's virtual range, so an address fence also drops the other
 *   4 KiB slots filled from the same superpage.
 */

/** ASID field value of entries made from global mappings. */
export const GLOBAL_ASID = 0x10000;

/** `entryVirt` value of entries that do not depend on page tables (M-mode or Bare: identity + PMP). */
export const PHYSICAL_ENTRY = -1;

export class Tlb {
  readonly mask: number;
  /** Virtual page number (signed: floor(va / 4096)); NaN when the slot is empty. */
  readonly vpn: Float64Array;
  /** Context tag of the entry. */
  readonly ctx: Float64Array;
  /** Physical address of the page. */
  readonly base: Float64Array;
  /** Permission mask over the 16 permission indexes. */
  readonly perm: Int32Array;
  /** First VPN and number of 4 KiB pages of the leaf the entry came from. */
  readonly leafVpn: Float64Array;
  readonly leafPages: Float64Array;
  /** For fences: V of the entry (0/1) or PHYSICAL_ENTRY, the VMID, and the ASID (-1 for global). */
  readonly entryVirt: Int8Array;
  readonly entryVmid: Int32Array;
  readonly entryAsid: Int32Array;
  /** Number of filled slots that came from a leaf larger than 4 KiB (fences scan only when nonzero). */
  private superpages = 0;

  constructor(entries: number) {
    if (entries <= 0 || (entries & (entries - 1)) !== 0) throw new RangeError(`TLB size ${entries} is not a power of two`);
    this.mask = entries - 1;
    this.vpn = new Float64Array(entries).fill(NaN);
    this.ctx = new Float64Array(entries);
    this.base = new Float64Array(entries);
    this.perm = new Int32Array(entries);
    this.leafVpn = new Float64Array(entries);
    this.leafPages = new Float64Array(entries);
    this.entryVirt = new Int8Array(entries);
    this.entryVmid = new Int32Array(entries);
    this.entryAsid = new Int32Array(entries);
  }

  /** Fills slot `slot` (= (vpn ^ salt) & mask for the context's salt). */
  fill(
    slot: number,
    vpn: number,
    ctx: number,
    base: number,
    perm: number,
    leafVpn: number,
    leafPages: number,
    virt: number,
    vmid: number,
    asid: number,
  ): void {
    const i = slot;
    if (this.leafPages[i]! > 1 && this.vpn[i] === this.vpn[i]) this.superpages--;
    this.vpn[i] = vpn;
    this.ctx[i] = ctx;
    this.base[i] = base;
    this.perm[i] = perm;
    this.leafVpn[i] = leafVpn;
    this.leafPages[i] = leafPages;
    this.entryVirt[i] = virt;
    this.entryVmid[i] = vmid;
    this.entryAsid[i] = asid;
    if (leafPages > 1) this.superpages++;
  }

  flushAll(): void {
    this.vpn.fill(NaN);
    this.leafPages.fill(0);
    this.superpages = 0;
  }

  /**
   * Drops page-table-derived entries of one translation regime:
   * `virt` 0 (HS/S-level) or 1 (VS-level of VMID `vmid`), restricted to the
   * leaf containing `vpn` unless it is NaN, and to non-global entries of
   * `asid` unless it is negative (sfence.vma / hfence.vvma semantics).
   */
  flushFirstStage(virt: number, vmid: number, vpn: number, asid: number): void {
    // Slots are salted per context, so even a single-page fence scans the whole (small) array.
    const checkLeaf = vpn === vpn;
    const vpns = this.vpn;
    const virts = this.entryVirt;
    for (let i = 0; i <= this.mask; i++) {
      if (virts[i] !== virt) continue;
      const v = vpns[i]!;
      if (v !== v) continue;
      if (virt === 1 && this.entryVmid[i] !== vmid) continue;
      if (asid >= 0 && this.entryAsid[i] !== asid) continue;
      if (checkLeaf && v !== vpn) {
        if (this.leafPages[i]! <= 1) continue;
        const first = this.leafVpn[i]!;
        if (vpn < first || vpn >= first + this.leafPages[i]!) continue;
      }
      this.drop(i);
    }
  }

  /** Drops every guest (V=1) entry, of VMID `vmid` only unless it is negative (hfence.gvma). */
  flushGuest(vmid: number): void {
    for (let i = 0; i <= this.mask; i++) {
      if (this.entryVirt[i] === 1 && (vmid < 0 || this.entryVmid[i] === vmid)) this.drop(i);
    }
  }

  private drop(i: number): void {
    if (this.vpn[i] === this.vpn[i] && this.leafPages[i]! > 1) this.superpages--;
    this.vpn[i] = NaN;
    this.leafPages[i] = 0;
  }
}

/** Slot salt of a context: spreads ASIDs/VMIDs over the slots (0 for untranslated contexts). */
export function contextSalt(asid: number, vmid: number): number {
  return Math.imul(asid * 0x4001 + vmid + 1, 0x9e37_79b1) >>> 20;
}
