/**
 * satp, vsatp and hgatp (privileged spec 4.1.11, H spec "hgatp"): field
 * layout, the modes rvhv implements, and WARL legalisation of writes.
 * Values are 64-bit halves (`lo` bits 31:0, `hi` bits 63:32).
 */
import type { Word64 } from './physical-memory.js';

/** MODE encodings (bits 63:60). */
export const AtpMode = {
  bare: 0,
  sv39: 8,
  sv48: 9,
  sv57: 10,
} as const;

/** MODE field within the high word. */
export const ATP_MODE_SHIFT = 28;
/** ASID (bits 59:44) within the high word: bits 27:12. */
export const ATP_ASID_SHIFT = 12;
/** ASIDLEN = ASIDMAX = 16: every ASID bit is implemented. */
export const ASID_BITS = 16;
/** VMIDLEN = VMIDMAX = 14 (hgatp bits 57:44); bits 59:58 read as zero. */
export const VMID_BITS = 14;
/** PPN bits 43:32 within the high word. */
const ATP_HI_PPN = 0xfff;

const ASID_MASK_HI = ((1 << ASID_BITS) - 1) << ATP_ASID_SHIFT;
const VMID_MASK_HI = ((1 << VMID_BITS) - 1) << ATP_ASID_SHIFT;

export function atpMode(hi: number): number {
  return hi >>> ATP_MODE_SHIFT;
}

/** The ASID (satp/vsatp) or VMID (hgatp) field. */
export function atpAsid(hi: number): number {
  return (hi >>> ATP_ASID_SHIFT) & 0xffff;
}

/** The root PPN, a number below 2^44. */
export function atpPpn(lo: number, hi: number): number {
  return (hi & ATP_HI_PPN) * 4294967296 + (lo >>> 0);
}

/** Whether rvhv implements this satp/vsatp MODE (Bare, Sv39, Sv48; not Sv57). */
export function isSupportedSatpMode(mode: number): boolean {
  return mode === AtpMode.bare || mode === AtpMode.sv39 || mode === AtpMode.sv48;
}

/**
 * satp/vsatp write: "if satp is written with an unsupported MODE, the
 * entire write has no effect; no fields in satp are modified" (privileged
 * spec 4.1.11). That is how Linux probes Sv57, then Sv48, then Sv39.
 * All 16 ASID bits and all 44 PPN bits are writable.
 */
export function legalizeSatp(old: Word64, lo: number, hi: number, out: Word64): Word64 {
  if (!isSupportedSatpMode(atpMode(hi))) {
    out.lo = old.lo;
    out.hi = old.hi;
    return out;
  }
  out.lo = lo | 0;
  out.hi = (hi & ((0xf << ATP_MODE_SHIFT) | ASID_MASK_HI | ATP_HI_PPN)) | 0;
  return out;
}

/**
 * hgatp write: unlike satp, an unsupported MODE is "not ignored ... the
 * fields of hgatp are WARL in the normal way" (H spec "hgatp"): the other
 * fields are written and MODE keeps its previous (legal) value. VMID has 14
 * bits (bits 59:58 read zero) and PPN[1:0] is read-only zero, the option the
 * spec gives when only the paged modes and Bare are supported (16 KiB root).
 */
export function legalizeHgatp(old: Word64, lo: number, hi: number, out: Word64): Word64 {
  const requested = atpMode(hi);
  const mode =
    requested === AtpMode.bare || requested === AtpMode.sv39 || requested === AtpMode.sv48 ? requested : atpMode(old.hi);
  out.lo = lo & ~3;
  out.hi = ((mode << ATP_MODE_SHIFT) | (hi & (VMID_MASK_HI | ATP_HI_PPN))) | 0;
  return out;
}
