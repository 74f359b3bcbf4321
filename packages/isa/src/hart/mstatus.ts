/**
 * mstatus field masks (RV64, privileged spec 1.12 figure 3.7). Low word bits
 * are masks on the low 32 bits, `HI_*` masks on the high 32 bits.
 */
export const MSTATUS = {
  SIE: 1 << 1,
  MIE: 1 << 3,
  SPIE: 1 << 5,
  UBE: 1 << 6,
  MPIE: 1 << 7,
  SPP: 1 << 8,
  VS: 3 << 9,
  MPP: 3 << 11,
  FS: 3 << 13,
  XS: 3 << 15,
  MPRV: 1 << 17,
  SUM: 1 << 18,
  MXR: 1 << 19,
  TVM: 1 << 20,
  TW: 1 << 21,
  TSR: 1 << 22,
} as const;

export const MSTATUS_SHIFT = { MPP: 11, FS: 13, VS: 9, XS: 15 } as const;

/** High-word fields: UXL (bits 33:32), SXL (35:34), SBE, MBE, GVA (38), MPV (39); SD is bit 63. */
export const MSTATUS_HI = {
  UXL: 3 << 0,
  SXL: 3 << 2,
  SBE: 1 << 4,
  MBE: 1 << 5,
  GVA: 1 << 6,
  MPV: 1 << 7,
  SD: 1 << 31,
} as const;

/** XLEN encoding 2 = 64 bits, for UXL/SXL/VSXL (read-only here: rvhv is RV64 only). */
export const XL64 = 2;

/** Fields of mstatus visible through sstatus (privileged spec 4.1.1); vsstatus has the same layout (H spec 8.2.10). */
export const SSTATUS_MASK_LO =
  MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.UBE | MSTATUS.SPP | MSTATUS.VS | MSTATUS.FS | MSTATUS.XS | MSTATUS.SUM | MSTATUS.MXR;
export const SSTATUS_MASK_HI = MSTATUS_HI.UXL | MSTATUS_HI.SD;

/** FS/VS/XS states. */
export const ExtensionState = { Off: 0, Initial: 1, Clean: 2, Dirty: 3 } as const;

/**
 * hstatus fields (H extension 1.0, section "Hypervisor Status Register"),
 * low word. VSXL sits in bits 33:32 (high word bits 1:0).
 */
export const HSTATUS = {
  VSBE: 1 << 5,
  GVA: 1 << 6,
  SPV: 1 << 7,
  SPVP: 1 << 8,
  HU: 1 << 9,
  VGEIN: 0x3f << 12,
  VTVM: 1 << 20,
  VTW: 1 << 21,
  VTSR: 1 << 22,
} as const;

export const HSTATUS_SHIFT = { SPVP: 8, VGEIN: 12 } as const;

/** hstatus.VSXL, bits 33:32, as a high-word mask. */
export const HSTATUS_HI_VSXL = 3;

/** Environment configuration bits shared by menvcfg/henvcfg/senvcfg (privileged spec 3.1.18, H 8.2.5, Sstc). */
export const ENVCFG = {
  FIOM: 1 << 0,
} as const;

/** High-word envcfg bits: STCE (bit 63), PBMTE (62), ADUE (61). */
export const ENVCFG_HI = {
  STCE: 1 << 31,
  PBMTE: 1 << 30,
  ADUE: 1 << 29,
} as const;
