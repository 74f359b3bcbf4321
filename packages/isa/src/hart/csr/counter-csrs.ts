import { CSR } from '../../table/csrs.js';
import { Privilege } from '../causes.js';
import type { Hart } from '../hart.js';
import { ALL, CsrAccess, type CsrAccessResult, define, ignoreWrites, plain, vsAlias, zero } from './csr-table.js';
import { readGuestTime, readHostTime, stimecmpEnabled, vstimecmpEnabled } from './timers.js';

/**
 * Counters and timers: Zicntr/Zihpm (privileged spec 3.1.11, 3.1.12,
 * 4.1.5), hcounteren and htimedelta (H spec 8.2.6, 8.2.7), Sstc's stimecmp
 * and vstimecmp.
 */

function enabled(h: Hart, counteren: number, bit: number): boolean {
  return ((h.csr[counteren * 2]! >>> bit) & 1) !== 0;
}

/**
 * User-level counter views: mcounteren gates every mode below M
 * (illegal instruction); with V=1, hcounteren gates VS and VU, and
 * scounteren gates U and VU — a refusal when V=1 that M-mode allowed is a
 * virtual-instruction exception (H spec 8.6.1).
 */
function counterAccess(bit: number): (h: Hart) => CsrAccessResult {
  return (h) => {
    if (h.priv === Privilege.M) return CsrAccess.ok;
    if (!enabled(h, CSR.mcounteren, bit)) return CsrAccess.illegal;
    if (h.virt && !enabled(h, CSR.hcounteren, bit)) return CsrAccess.virtual;
    if (h.priv === Privilege.U && !enabled(h, CSR.scounteren, bit)) return h.virt ? CsrAccess.virtual : CsrAccess.illegal;
    return CsrAccess.ok;
  };
}

const TM = 1; // the time bit of the counter-enable registers

define(CSR.cycle, { read: (h, out) => h.counters.cycle.read(h, out), write: ignoreWrites, access: counterAccess(0) });
// time reads time + htimedelta in VS and VU mode (H spec 8.2.7).
define(CSR.time, {
  read: (h, out) => (h.virt ? readGuestTime(h, out) : readHostTime(h, out)),
  write: ignoreWrites,
  access: counterAccess(TM),
});
define(CSR.instret, { read: (h, out) => h.counters.instret.read(h, out), write: ignoreWrites, access: counterAccess(2) });
for (let i = 3; i <= 31; i++) {
  define(CSR.hpmcounter3 + i - 3, { read: (_h, out) => ((out.lo = 0), (out.hi = 0)), write: ignoreWrites, access: counterAccess(i) });
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
plain(CSR.hcounteren, ALL);
plain(CSR.htimedelta, ALL, ALL);

/**
 * stimecmp/vstimecmp access (Sstc; privileged spec mcounteren.TM,
 * menvcfg.STCE; H spec henvcfg.STCE, hcounteren): below M-mode both need
 * mcounteren.TM and menvcfg.STCE (else illegal instruction); from VS-mode
 * stimecmp (really vstimecmp) also needs hcounteren.TM and henvcfg.STCE
 * (else virtual instruction).
 */
function hsTimerAllowed(h: Hart): boolean {
  return stimecmpEnabled(h) && enabled(h, CSR.mcounteren, TM);
}

function timecmpAccess(h: Hart): CsrAccessResult {
  if (h.priv === Privilege.M) return CsrAccess.ok;
  if (!hsTimerAllowed(h)) return CsrAccess.illegal;
  if (h.virt && !(enabled(h, CSR.hcounteren, TM) && vstimecmpEnabled(h))) return CsrAccess.virtual;
  return CsrAccess.ok;
}

/** A 64-bit comparator: a write can raise or drop its timer interrupt, so interrupts are checked after it. */
function timecmp(n: number): void {
  define(n, {
    read: (h, out) => {
      out.lo = h.csr[n * 2]!;
      out.hi = h.csr[n * 2 + 1]!;
    },
    write: (h, lo, hi) => {
      h.csr[n * 2] = lo;
      h.csr[n * 2 + 1] = hi;
      h.stopBatch = true;
    },
    access: timecmpAccess,
    hsQualified: hsTimerAllowed,
  });
}
timecmp(CSR.stimecmp);
timecmp(CSR.vstimecmp);
vsAlias[CSR.stimecmp] = CSR.vstimecmp;
