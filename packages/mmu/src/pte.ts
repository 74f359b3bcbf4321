/**
 * Sv39/Sv48 page-table entry fields (privileged spec 4.4.1, 4.5.1, Svpbmt,
 * Svnapot). A PTE is handled as two int32 halves: `lo` holds bits 31:0,
 * `hi` bits 63:32.
 */

export const PTE_V = 1 << 0;
export const PTE_R = 1 << 1;
export const PTE_W = 1 << 2;
export const PTE_X = 1 << 3;
export const PTE_U = 1 << 4;
export const PTE_G = 1 << 5;
export const PTE_A = 1 << 6;
export const PTE_D = 1 << 7;

/** Bits 60:54 (reserved for future standard use) as a mask on the high word. */
export const PTE_HI_RESERVED = 0x7f << 22;
/** PBMT (bits 62:61) shift within the high word. */
export const PTE_HI_PBMT_SHIFT = 29;
/** N (bit 63, Svnapot) within the high word. */
export const PTE_HI_N = 1 << 31;
/** PPN bits 53:32 within the high word. */
export const PTE_HI_PPN = 0x3f_ffff;

/** PBMT value 3 is reserved (Svpbmt table "Encodings for PBMT field"). */
export const PBMT_RESERVED = 3;

/** Size of one PTE in bytes (PTESIZE for Sv39/Sv48). */
export const PTE_SIZE = 8;

const TWO_22 = 4194304;

/** The PPN field (bits 53:10) of a PTE, a number below 2^44 (exact). */
export function ptePpn(lo: number, hi: number): number {
  return (hi & PTE_HI_PPN) * TWO_22 + (lo >>> 10);
}

/** Builds a PTE's halves from a PPN and the low flag bits (for page-table builders and tests). */
export function makePte(ppn: number, flags: number, out: { lo: number; hi: number }): void {
  out.lo = (((ppn % TWO_22) << 10) | (flags & 0x3ff)) | 0;
  out.hi = Math.floor(ppn / TWO_22) & PTE_HI_PPN;
}
