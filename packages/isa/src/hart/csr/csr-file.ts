import type { Word64 } from '@rvhv/mmu';
import { CSR } from '../../table/csrs.js';
import { Interrupt, Privilege } from '../causes.js';
import type { Hart } from '../hart.js';
import { MSTATUS, MSTATUS_HI, MSTATUS_SHIFT, SSTATUS_MASK_HI, SSTATUS_MASK_LO } from '../mstatus.js';

/**
 * The CSR table: for each implemented CSR number, how it reads and writes
 * (WARL legalisation included) and any condition beyond the generic
 * privilege/read-only rules under which it is accessible. CSR numbers and
 * names come from the instruction table's CSR list (table/csrs.ts).
 */
export interface CsrBehavior {
  read(h: Hart, out: Word64): void;
  /** Absent for CSRs whose writes are ignored (WARL with a single legal value is `ignoreWrites`). */
  write(h: Hart, lo: number, hi: number): void;
  /** Extra access condition (FS enabled, counter enables, TVM...); false -> illegal instruction. */
  accessible?(h: Hart, writing: boolean): boolean;
}

const behaviors: (CsrBehavior | undefined)[] = new Array(4096);

function define(n: number, b: CsrBehavior): void {
  behaviors[n] = b;
}

const ignoreWrites = (): void => {};

/** A CSR stored in `hart.csr` whose writable bits are `maskLo`/`maskHi`. */
function plain(n: number, maskLo: number, maskHi = 0, extra?: Pick<CsrBehavior, 'accessible'>): void {
  define(n, {
    read: (h, out) => {
      out.lo = h.csr[n * 2]!;
      out.hi = h.csr[n * 2 + 1]!;
    },
    write: (h, lo, hi) => {
      h.csr[n * 2] = (h.csr[n * 2]! & ~maskLo) | (lo & maskLo);
      h.csr[n * 2 + 1] = (h.csr[n * 2 + 1]! & ~maskHi) | (hi & maskHi);
    },
    ...extra,
  });
}

/** A read-only-zero register (unimplemented counters/events, no PMP entries). */
function zero(n: number): void {
  define(n, {
    read: (_h, out) => {
      out.lo = 0;
      out.hi = 0;
    },
    write: ignoreWrites,
  });
}

const ALL = -1;

// ---- floating point (unprivileged spec 13.2): illegal while mstatus.FS = Off

const floatOn = (h: Hart): boolean => h.floatEnabled();
define(CSR.fflags, {
  read: (h, out) => {
    out.lo = h.fflags;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.fflags = lo & 0x1f;
    h.markFloatDirty();
  },
  accessible: floatOn,
});
define(CSR.frm, {
  read: (h, out) => {
    out.lo = h.frm;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.frm = lo & 7;
    h.markFloatDirty();
  },
  accessible: floatOn,
});
define(CSR.fcsr, {
  read: (h, out) => {
    out.lo = h.fflags | (h.frm << 5);
    out.hi = 0;
  },
  write: (h, lo) => {
    h.fflags = lo & 0x1f;
    h.frm = (lo >>> 5) & 7;
    h.markFloatDirty();
  },
  accessible: floatOn,
});

// ---- counters (Zicntr, privileged spec 3.1.11, 3.1.12, 4.1.5)

/** User-level counter views are gated by mcounteren (S, U) and scounteren (U). */
function counterEnabled(bit: number): (h: Hart) => boolean {
  return (h) => {
    if (h.priv === Privilege.M) return true;
    if (((h.csr[CSR.mcounteren * 2]! >>> bit) & 1) === 0) return false;
    if (h.priv === Privilege.U && ((h.csr[CSR.scounteren * 2]! >>> bit) & 1) === 0) return false;
    return true;
  };
}

define(CSR.cycle, { read: (h, out) => h.counters.cycle.read(h, out), write: ignoreWrites, accessible: counterEnabled(0) });
define(CSR.time, {
  read: (h, out) => {
    const t = h.readTime();
    out.lo = t | 0;
    out.hi = Math.floor(t / 4294967296) | 0;
  },
  write: ignoreWrites,
  accessible: counterEnabled(1),
});
define(CSR.instret, { read: (h, out) => h.counters.instret.read(h, out), write: ignoreWrites, accessible: counterEnabled(2) });
for (let i = 3; i <= 31; i++) {
  define(CSR.hpmcounter3 + i - 3, { read: (_h, out) => ((out.lo = 0), (out.hi = 0)), write: ignoreWrites, accessible: counterEnabled(i) });
  zero(CSR.mhpmcounter3 + i - 3);
  zero(CSR.mhpmevent3 + i - 3);
}
define(CSR.mcycle, {
  read: (h, out) => h.counters.cycle.read(h, out),
  // The writing instruction has already been counted as a cycle.
  write: (h, lo, hi) => h.counters.cycle.write(h, lo, hi, 0),
});
define(CSR.minstret, {
  read: (h, out) => h.counters.instret.read(h, out),
  // A write takes precedence over the writing instruction's own retirement (Zicntr).
  write: (h, lo, hi) => h.counters.instret.write(h, lo, hi, 1),
});
define(CSR.mcountinhibit, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mcountinhibit * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    const value = lo & ~2; // TM (bit 1) is read-only zero
    h.csr[CSR.mcountinhibit * 2] = value;
    h.counters.cycle.inhibit(h, (value & 1) !== 0);
    h.counters.instret.inhibit(h, (value & 4) !== 0);
  },
});
plain(CSR.mcounteren, ALL);
plain(CSR.scounteren, ALL);

// ---- machine information

for (const n of [CSR.mvendorid, CSR.marchid, CSR.mimpid, CSR.mconfigptr]) zero(n);
define(CSR.mhartid, {
  read: (h, out) => {
    out.lo = h.hartId;
    out.hi = 0;
  },
  write: ignoreWrites,
});
// misa is WARL; rvhv does not let software turn extensions off, so writes are ignored.
plain(CSR.misa, 0);

// ---- status

/** MPP is WARL: the reserved value 2 (and S/U when absent) leaves the field unchanged. */
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

/** Writes the low word of mstatus through `mask`, keeping SD consistent with FS/XS/VS. */
function writeStatus(h: Hart, lo: number, mask: number): void {
  const old = h.csr[CSR.mstatus * 2]!;
  const next = (old & ~mask) | (legalMpp(old, lo) & mask);
  h.csr[CSR.mstatus * 2] = next;
  const dirty = (next & MSTATUS.FS) === MSTATUS.FS || (next & MSTATUS.XS) === MSTATUS.XS || (next & MSTATUS.VS) === MSTATUS.VS;
  h.csr[CSR.mstatus * 2 + 1] = (h.csr[CSR.mstatus * 2 + 1]! & ~MSTATUS_HI.SD) | (dirty ? MSTATUS_HI.SD : 0);
  h.stopBatch = true; // enables may have changed: check interrupts now
}

define(CSR.mstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mstatus * 2]!;
    out.hi = h.csr[CSR.mstatus * 2 + 1]!;
  },
  write: (h, lo) => writeStatus(h, lo, MSTATUS_WRITABLE_LO),
});
define(CSR.sstatus, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mstatus * 2]! & SSTATUS_MASK_LO;
    out.hi = h.csr[CSR.mstatus * 2 + 1]! & SSTATUS_MASK_HI;
  },
  write: (h, lo) => writeStatus(h, lo, MSTATUS_WRITABLE_LO & SSTATUS_MASK_LO),
});

// ---- traps and interrupts

/** Exceptions that can be delegated: all but ecall from M (11), which never traps to S. */
const MEDELEG_WRITABLE = 0xb3ff; // causes 0-9, 12, 13, 15
plain(CSR.medeleg, MEDELEG_WRITABLE);
const S_INTERRUPTS = (1 << Interrupt.SSI) | (1 << Interrupt.STI) | (1 << Interrupt.SEI);
const M_INTERRUPTS = (1 << Interrupt.MSI) | (1 << Interrupt.MTI) | (1 << Interrupt.MEI);
define(CSR.mideleg, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mideleg * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.mideleg * 2] = lo & S_INTERRUPTS;
    h.stopBatch = true;
  },
});
define(CSR.mie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mie * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.mie * 2] = lo & (S_INTERRUPTS | M_INTERRUPTS);
    h.stopBatch = true;
  },
});
// mip: SSIP, STIP, SEIP are writable by M-mode software; MSIP/MTIP/MEIP come from devices (irqLines).
define(CSR.mip, {
  read: (h, out) => {
    out.lo = h.mip;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.csr[CSR.mip * 2] = lo & S_INTERRUPTS;
    h.stopBatch = true;
  },
});
define(CSR.sie, {
  read: (h, out) => {
    out.lo = h.csr[CSR.mie * 2]! & h.csr[CSR.mideleg * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    const deleg = h.csr[CSR.mideleg * 2]!;
    h.csr[CSR.mie * 2] = (h.csr[CSR.mie * 2]! & ~deleg) | (lo & deleg);
    h.stopBatch = true;
  },
});
// sip: only SSIP is writable from S-mode (privileged spec 4.1.3), and only when delegated.
define(CSR.sip, {
  read: (h, out) => {
    out.lo = h.mip & h.csr[CSR.mideleg * 2]!;
    out.hi = 0;
  },
  write: (h, lo) => {
    const mask = h.csr[CSR.mideleg * 2]! & (1 << Interrupt.SSI);
    h.csr[CSR.mip * 2] = (h.csr[CSR.mip * 2]! & ~mask) | (lo & mask);
    h.stopBatch = true;
  },
});

/** xtvec: MODE is WARL {0 direct, 1 vectored}; a reserved mode keeps the old mode. */
function tvec(n: number): void {
  define(n, {
    read: (h, out) => {
      out.lo = h.csr[n * 2]!;
      out.hi = h.csr[n * 2 + 1]!;
    },
    write: (h, lo, hi) => {
      const mode = (lo & 3) >= 2 ? h.csr[n * 2]! & 3 : lo & 3;
      h.csr[n * 2] = (lo & ~3) | mode;
      h.csr[n * 2 + 1] = hi;
    },
  });
}
tvec(CSR.mtvec);
tvec(CSR.stvec);
// xepc: bit 0 is always zero (IALIGN = 16 with C).
plain(CSR.mepc, ~1, ALL);
plain(CSR.sepc, ~1, ALL);
plain(CSR.mscratch, ALL, ALL);
plain(CSR.sscratch, ALL, ALL);
plain(CSR.mcause, ALL, ALL);
plain(CSR.scause, ALL, ALL);
plain(CSR.mtval, ALL, ALL);
plain(CSR.stval, ALL, ALL);

// ---- environment configuration: FIOM only for now (Sstc, Svpbmt, Svadu come with the MMU work)
plain(CSR.menvcfg, 1);
plain(CSR.senvcfg, 1);

// ---- address translation: Bare only until the MMU lands. A write of an
// unsupported MODE has no effect at all (privileged spec 4.1.11).
define(CSR.satp, {
  read: (h, out) => {
    out.lo = h.csr[CSR.satp * 2]!;
    out.hi = h.csr[CSR.satp * 2 + 1]!;
  },
  write: (h, lo, hi) => {
    if (hi >>> 28 !== 0) return;
    h.csr[CSR.satp * 2] = 0;
    h.csr[CSR.satp * 2 + 1] = 0;
    void lo;
  },
  accessible: (h) => !(h.priv === Privilege.S && (h.csr[CSR.mstatus * 2]! & MSTATUS.TVM) !== 0),
});

// ---- PMP: no entries implemented yet, so every pmp CSR is read-only zero (allowed by the spec).
for (let i = 0; i < 16; i += 2) zero(CSR.pmpcfg0 + i);
for (let i = 0; i < 64; i++) zero(CSR.pmpaddr0 + i);

/** Outcome of a CSR access check. */
export const CsrAccess = { ok: 0, illegal: 1 } as const;

/**
 * Checks an access (Zicsr chapter, privileged spec 2.1): the CSR exists,
 * the hart's privilege is at least the CSR's (bits 9:8), writes do not
 * target read-only CSRs (bits 11:10 = 3), and the CSR's own condition holds.
 */
export function csrBehavior(h: Hart, n: number, writing: boolean): CsrBehavior | undefined {
  const b = behaviors[n];
  if (b === undefined) return undefined;
  const level = (n >>> 8) & 3;
  if (h.priv < level) return undefined;
  if (writing && n >>> 10 === 3) return undefined;
  if (b.accessible && !b.accessible(h, writing)) return undefined;
  return b;
}
