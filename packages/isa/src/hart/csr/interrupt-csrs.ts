import { CSR } from '../../table/csrs.js';
import { Exception, Interrupt, M_INTERRUPTS, S_INTERRUPTS, SGEI_BIT, VS_INTERRUPTS } from '../causes.js';
import type { Hart } from '../hart.js';
import { define, ignoreWrites, plain, vsAlias } from './csr-table.js';
import { stimecmpEnabled } from './timers.js';

/**
 * Trap delegation and the interrupt-pending/enable registers at M, HS and
 * VS level (privileged spec 3.1.8, 3.1.9, 4.1.3; H spec 8.2.2-8.2.4,
 * 8.2.11, 8.4.2, 8.4.3). Storage: `csr[mie]` holds every enable bit (hie
 * and vsie are views of it), `csr[mip]` the software-writable pending bits
 * SSIP/STIP/SEIP, `csr[hvip]` VSSIP/VSTIP/VSEIP (hip.VSSIP, mip.VSSIP and
 * vsip.SSIP alias hvip.VSSIP); the hart composes the rest (device lines,
 * hgeip, Sstc) in `hart.mip`.
 */

const SSIP = 1 << Interrupt.SSI;
const STIP = 1 << Interrupt.STI;
const SEIP = 1 << Interrupt.SEI;
const VSSIP = 1 << Interrupt.VSSI;

/** SGEI exists only when there are guest external interrupts (GEILEN > 0). */
function sgei(h: Hart): number {
  return h.geilen > 0 ? SGEI_BIT : 0;
}

/**
 * Exceptions M-mode can delegate: all standard ones except ecall from
 * M-mode (11, read-only zero), with the H extension's 10, 20-23.
 */
const MEDELEG_WRITABLE =
  0xb3ff | // causes 0-9, 12, 13, 15
  (1 << Exception.ecallFromVS) |
  (1 << Exception.instructionGuestPageFault) |
  (1 << Exception.loadGuestPageFault) |
  (1 << Exception.virtualInstruction) |
  (1 << Exception.storeGuestPageFault);
plain(CSR.medeleg, MEDELEG_WRITABLE);

/**
 * hedeleg (H spec table 8.2): 0-8, 12, 13, 15 writable; ecalls from
 * HS/VS/M (9-11), guest-page faults and virtual instruction (20-23)
 * read-only zero: those always stop at HS-mode.
 */
const HEDELEG_WRITABLE = 0x1ff | (1 << Exception.instructionPageFault) | (1 << Exception.loadPageFault) | (1 << Exception.storePageFault);
plain(CSR.hedeleg, HEDELEG_WRITABLE);

// mideleg: VS-level interrupts (and SGEI when GEILEN > 0) are read-only one (H spec 8.4.2).
define(CSR.mideleg, {
  read: (h, out) => {
    out.lo = h.midelegEffective();
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.mideleg * 2] = lo & S_INTERRUPTS;
    h.stopBatch = true;
  },
});

// hideleg: only the VS-level interrupts can be delegated to VS-mode (H spec 8.2.2).
define(CSR.hideleg, {
  read: (h, out) => {
    out.lo = h.csr[CSR.hideleg * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.hideleg * 2] = lo & VS_INTERRUPTS;
    h.stopBatch = true;
  },
});

/** Rewrites the enable bits in `mask` of mie. */
function writeEnables(h: Hart, mask: number, value: number): void {
  h.csr[CSR.mie * 2] = (h.csr[CSR.mie * 2]! & ~mask) | (value & mask);
  h.stopBatch = true;
}

/** Rewrites hvip's bits in `mask`. */
function writeVirtualPending(h: Hart, mask: number, value: number): void {
  h.csr[CSR.hvip * 2] = (h.csr[CSR.hvip * 2]! & ~mask) | (value & mask);
  h.stopBatch = true;
}

define(CSR.mie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mie * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => writeEnables(h, S_INTERRUPTS | M_INTERRUPTS | VS_INTERRUPTS | sgei(h), lo),
});

/**
 * mip: SSIP, SEIP and (without Sstc's STCE) STIP are writable by M-mode;
 * VSSIP writes hvip.VSSIP; MSIP/MTIP/MEIP, VSTIP, VSEIP and SGEIP are
 * read-only. A read-modify-write sees only the software-writable SEIP
 * bit, not the external line (privileged spec 3.1.9).
 */
define(CSR.mip, {
  read: (h, out) => {
    out.lo = h.mip;
    out.hi = 0;
  },
  readForModify: (h, out) => {
    out.lo = (h.mip & ~SEIP) | (h.csr[CSR.mip * 2]! & SEIP);
    out.hi = 0;
  },
  write: (h, lo) => {
    const writable = SSIP | SEIP | (stimecmpEnabled(h) ? 0 : STIP);
    h.csr[CSR.mip * 2] = (h.csr[CSR.mip * 2]! & ~writable) | (lo & writable);
    writeVirtualPending(h, VSSIP, lo);
  },
});

// sie/sip (V=0): the S-level bits delegated by mideleg; the VS-level and
// SGEI bits belong to hie/hip even though mideleg has them set (H spec 8.2.3).
define(CSR.sie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mie * 2]! & h.midelegEffective() & S_INTERRUPTS;
    out.hi = 0;
  },
  write: (h, lo) => writeEnables(h, h.midelegEffective() & S_INTERRUPTS, lo),
});
// sip: only SSIP is writable from S-mode (privileged spec 4.1.3), and only when delegated.
define(CSR.sip, {
  read: (h, out) => {
    out.lo = h.mip & h.midelegEffective() & S_INTERRUPTS;
    out.hi = 0;
  },
  write: (h, lo) => {
    const mask = h.midelegEffective() & SSIP;
    h.csr[CSR.mip * 2] = (h.csr[CSR.mip * 2]! & ~mask) | (lo & mask);
    h.stopBatch = true;
  },
});

// hie/hip/hvip (H spec 8.2.3).
define(CSR.hie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mie * 2]! & (VS_INTERRUPTS | sgei(h));
    out.hi = 0;
  },
  write: (h, lo) => writeEnables(h, VS_INTERRUPTS | sgei(h), lo),
});
define(CSR.hip, {
  read: (h, out) => {
    out.lo = h.mip & (VS_INTERRUPTS | sgei(h));
    out.hi = 0;
  },
  write: (h, lo) => writeVirtualPending(h, VSSIP, lo),
});
define(CSR.hvip, {
  read: (h, out) => {
    out.lo = h.csr[CSR.hvip * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => writeVirtualPending(h, VS_INTERRUPTS, lo),
});

// hgeie: bits GEILEN:1 writable; hgeip: read-only, driven by the interrupt controller (H spec 8.2.4).
define(CSR.hgeie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.hgeie * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.hgeie * 2] = lo & h.guestExternalMask();
    h.stopBatch = true;
  },
});
define(CSR.hgeip, {
  read: (h, out) => {
    out.lo = h.guestExternalLines;
    out.hi = 0;
  },
  write: ignoreWrites,
});

/**
 * vsie/vsip (H spec 8.2.11): VS-mode's sie/sip. Bit 1/5/9 (SSI/STI/SEI as
 * the guest sees them) alias hip/hie bit 2/6/10 when hideleg delegates it,
 * and read as zero otherwise. vsip.SSIP is writable (it is hvip.VSSIP).
 */
define(CSR.vsie, {
  read: (h, out) => {
    out.lo = (h.csr[CSR.mie * 2]! & h.csr[CSR.hideleg * 2]! & VS_INTERRUPTS) >>> 1;
    out.hi = 0;
  },
  write: (h, lo) => writeEnables(h, h.csr[CSR.hideleg * 2]! & VS_INTERRUPTS, lo << 1),
});
define(CSR.vsip, {
  read: (h, out) => {
    out.lo = (h.mip & h.csr[CSR.hideleg * 2]! & VS_INTERRUPTS) >>> 1;
    out.hi = 0;
  },
  write: (h, lo) => writeVirtualPending(h, h.csr[CSR.hideleg * 2]! & VSSIP, lo << 1),
});
vsAlias[CSR.sie] = CSR.vsie;
vsAlias[CSR.sip] = CSR.vsip;
