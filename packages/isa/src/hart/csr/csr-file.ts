import { CSR } from '../../table/csrs.js';
import { Privilege } from '../causes.js';
import type { Hart } from '../hart.js';
import { ENVCFG, ENVCFG_HI } from '../mstatus.js';
import { CsrAccess, type CsrAccessResult, type CsrBehavior, behaviors, define, ignoreWrites, plain, vsAlias, zero } from './csr-table.js';
import './status-csrs.js';
import './interrupt-csrs.js';
import './trap-csrs.js';
import './counter-csrs.js';
import './translation-csrs.js';

export { CsrAccess, type CsrAccessResult, type CsrBehavior } from './csr-table.js';

/**
 * The CSR table: for each implemented CSR number, how it reads and writes
 * (WARL legalisation included) and any condition beyond the generic
 * privilege/read-only rules under which it is accessible. CSR numbers and
 * names come from the instruction table's CSR list (table/csrs.ts). The
 * groups live in their own modules (status, interrupts, traps, counters,
 * translation); this one holds the rest and the access check.
 */

// ---- floating point (unprivileged spec 13.2): illegal while FS = Off. With
// V=1 both sstatus.FS and vsstatus.FS count, and the exception is always an
// illegal instruction, never a virtual instruction (H spec 8.6.1).

const floatAccess = (h: Hart): CsrAccessResult => (h.floatEnabled() ? CsrAccess.ok : CsrAccess.illegal);
define(CSR.fflags, {
  read: (h, out) => {
    out.lo = h.fflags;
    out.hi = 0;
  },
  write: (h, lo) => {
    h.fflags = lo & 0x1f;
    h.markFloatDirty();
  },
  access: floatAccess,
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
  access: floatAccess,
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
  access: floatAccess,
});

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

// ---- environment configuration (privileged spec 3.1.18, 4.1.4; H spec 8.2.5):
// FIOM; STCE (Sstc), PBMTE (Svpbmt), ADUE (Svadu) in menvcfg, and in henvcfg
// where they are read-only zero while the menvcfg bit is zero.
const ENVCFG_WRITABLE_HI = ENVCFG_HI.STCE | ENVCFG_HI.PBMTE | ENVCFG_HI.ADUE;
define(CSR.menvcfg, {
  read: (h, out) => {
    out.lo = h.csr[CSR.menvcfg * 2]!;
    out.hi = h.csr[CSR.menvcfg * 2 + 1]!;
  },
  write: (h, lo, hi) => {
    h.csr[CSR.menvcfg * 2] = lo & ENVCFG.FIOM;
    h.csr[CSR.menvcfg * 2 + 1] = hi & ENVCFG_WRITABLE_HI;
    h.stopBatch = true; // STIP/VSTIP change source
    h.translationChanged();
  },
});
define(CSR.henvcfg, {
  read: (h, out) => {
    out.lo = h.csr[CSR.henvcfg * 2]!;
    out.hi = h.csr[CSR.henvcfg * 2 + 1]! & h.csr[CSR.menvcfg * 2 + 1]!;
  },
  write: (h, lo, hi) => {
    h.csr[CSR.henvcfg * 2] = lo & ENVCFG.FIOM;
    h.csr[CSR.henvcfg * 2 + 1] = hi & ENVCFG_WRITABLE_HI & h.csr[CSR.menvcfg * 2 + 1]!;
    h.stopBatch = true;
    h.translationChanged();
  },
});
plain(CSR.senvcfg, ENVCFG.FIOM);

/** The CSR privilege a mode has (CSR number bits 9:8): M 3, HS 2 (hypervisor CSRs), VS 1, U and VU 0. */
function csrPrivilege(h: Hart): number {
  if (h.priv === Privilege.M) return 3;
  if (h.priv === Privilege.S) return h.virt ? 1 : 2;
  return 0;
}

/**
 * Checks an access (Zicsr chapter, privileged spec 2.1; H spec 8.6.1):
 * the CSR exists, writes do not target read-only CSRs (bits 11:10 = 3),
 * the mode's privilege is at least the CSR's (bits 9:8), and the CSR's own
 * condition holds. When V=1 lacks the privilege for a supervisor,
 * hypervisor or VS CSR that HS-mode could access, the exception is a
 * virtual instruction; otherwise an illegal instruction.
 */
export function csrAccess(h: Hart, n: number, writing: boolean): CsrAccessResult {
  const b = behaviors[n];
  if (b === undefined) return CsrAccess.illegal;
  if (writing && n >>> 10 === 3) return CsrAccess.illegal;
  const level = (n >>> 8) & 3;
  if (csrPrivilege(h) < level) {
    if (h.virt && level <= 2 && (b.hsQualified === undefined || b.hsQualified(h))) return CsrAccess.virtual;
    return CsrAccess.illegal;
  }
  return b.access === undefined ? CsrAccess.ok : b.access(h, writing);
}

/**
 * The behaviour a CSR instruction acts on once {@link csrAccess} allowed
 * it: with V=1, supervisor CSRs that have a VS replica act on the replica.
 */
export function csrTarget(h: Hart, n: number): CsrBehavior {
  const alias = h.virt ? vsAlias[n]! : 0;
  return behaviors[alias !== 0 ? alias : n]!;
}
