import { CSR } from '../../table/csrs.js';
import type { Hart } from '../hart.js';
import { HSTATUS, HSTATUS_SHIFT, MSTATUS, MSTATUS_HI, MSTATUS_SHIFT, SSTATUS_MASK_HI, SSTATUS_MASK_LO } from '../mstatus.js';
import { define, vsAlias } from './csr-table.js';

/** MPP is WARL: the reserved value 2 leaves the field unchanged. */
function legalMpp(old: number, lo: number): number {
  const mpp = (lo & MSTATUS.MPP) >>> MSTATUS_SHIFT.MPP;
  return mpp === 2 ? (lo & ~MSTATUS.MPP) | (old & MSTATUS.MPP) : lo;
}

const MSTATUS_WRITABLE_LO =
  MSTATUS.SIE |
  MSTATUS.MIE |
  MSTATUS.SPIE |
  MSTATUS.MPIE |
  MSTATUS.SPP |
  MSTATUS.MPP |
  MSTATUS.FS |
  MSTATUS.MPRV |
  MSTATUS.SUM |
  MSTATUS.MXR |
  MSTATUS.TVM |
  MSTATUS.TW |
  MSTATUS.TSR;

/** High-word mstatus fields that software writes: GVA and MPV (H spec 8.4.1); SXL/UXL are fixed at 64. */
const MSTATUS_WRITABLE_HI = MSTATUS_HI.GVA | MSTATUS_HI.MPV;

/** Fields of sstatus and vsstatus that software writes (UXL is fixed, VS/XS/UBE are read-only zero). */
const SSTATUS_WRITABLE_LO = MSTATUS_WRITABLE_LO & SSTATUS_MASK_LO;

/** Whether FS, VS or XS is Dirty: the read-only SD summary bit. */
function anyDirty(lo: number): boolean {
  return (lo & MSTATUS.FS) === MSTATUS.FS || (lo & MSTATUS.XS) === MSTATUS.XS || (lo & MSTATUS.VS) === MSTATUS.VS;
}

/** Writes a status CSR (mstatus or vsstatus) through masks, keeping SD consistent with FS/XS/VS. */
function writeStatus(h: Hart, n: number, lo: number, hi: number, maskLo: number, maskHi: number): void {
  const old = h.csr[n * 2]!;
  const next = (old & ~maskLo) | (legalMpp(old, lo) & maskLo);
  h.csr[n * 2] = next;
  const nextHi = (h.csr[n * 2 + 1]! & ~maskHi) | (hi & maskHi);
  h.csr[n * 2 + 1] = (nextHi & ~MSTATUS_HI.SD) | (anyDirty(next) ? MSTATUS_HI.SD : 0);
  h.stopBatch = true; // enables may have changed: check interrupts now
  h.translationChanged();
}

define(CSR.mstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mstatus * 2]!;
    out.hi = h.csr[CSR.mstatus * 2 + 1]!;
  },
  write: (h, lo, hi) => writeStatus(h, CSR.mstatus, lo, hi, MSTATUS_WRITABLE_LO, MSTATUS_WRITABLE_HI),
});

define(CSR.sstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mstatus * 2]! & SSTATUS_MASK_LO;
    out.hi = h.csr[CSR.mstatus * 2 + 1]! & SSTATUS_MASK_HI;
  },
  write: (h, lo) => writeStatus(h, CSR.mstatus, lo, 0, SSTATUS_WRITABLE_LO, 0),
});

// vsstatus (H spec 8.2.10): VS-mode's sstatus, its own storage. UXL is a
// read-only copy of VSXL (64); SD summarises vsstatus's own FS/XS/VS.
define(CSR.vsstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.vsstatus * 2]!;
    out.hi = h.csr[CSR.vsstatus * 2 + 1]!;
  },
  write: (h, lo) => writeStatus(h, CSR.vsstatus, lo, 0, SSTATUS_WRITABLE_LO, 0),
});
vsAlias[CSR.sstatus] = CSR.vsstatus;

/**
 * hstatus (H spec 8.2.1). VSXL is fixed at 64, VSBE at little endian
 * (HS-mode's endianness), HUKTE/HUPMM are absent. VGEIN is WLRL over
 * 0..GEILEN: an out-of-range value leaves the field unchanged.
 */
const HSTATUS_WRITABLE = HSTATUS.GVA | HSTATUS.SPV | HSTATUS.SPVP | HSTATUS.HU | HSTATUS.VTVM | HSTATUS.VTW | HSTATUS.VTSR;
define(CSR.hstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.hstatus * 2]!;
    out.hi = h.csr[CSR.hstatus * 2 + 1]!;
  },
  write: (h, lo) => {
    const old = h.csr[CSR.hstatus * 2]!;
    let next = (old & ~HSTATUS_WRITABLE) | (lo & HSTATUS_WRITABLE);
    const vgein = (lo & HSTATUS.VGEIN) >>> HSTATUS_SHIFT.VGEIN;
    if (vgein <= h.geilen) next = (next & ~HSTATUS.VGEIN) | (vgein << HSTATUS_SHIFT.VGEIN);
    h.csr[CSR.hstatus * 2] = next;
    h.stopBatch = true; // VGEIN selects the VSEIP source
    h.translationChanged(); // SPVP: the privilege of HLV/HLVX/HSV
  },
});
