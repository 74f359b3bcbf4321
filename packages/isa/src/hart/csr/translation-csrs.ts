import { CSR } from '../../table/csrs.js';
import { Privilege } from '../causes.js';
import type { Hart } from '../hart.js';
import { HSTATUS, MSTATUS } from '../mstatus.js';
import { CsrAccess, define, vsAlias, zero } from './csr-table.js';

/**
 * Address-translation CSRs: satp (privileged spec 4.1.11), vsatp and hgatp
 * (H spec 8.2.18, 8.2.10), and PMP.
 */

/** satp/vsatp MODE values the hart translates with (bits 63:60). */
const SATP_MODES: ReadonlySet<number> = new Set([0]);
/** hgatp MODE values the hart translates with. */
const HGATP_MODES: ReadonlySet<number> = new Set([0]);

/** satp/vsatp: MODE 63:60, ASID 59:44 (ASIDLEN = 16), PPN 43:0. */
const ATP_HI_ASID_PPN = 0x0fffffff;
/** hgatp: MODE 63:60, VMID 57:44 (VMIDLEN = 14), PPN 43:0 with PPN[1:0] read-only zero (16 KiB root). */
const HGATP_HI_VMID_PPN = 0x03ffffff;

/**
 * satp and vsatp: a write of an unsupported MODE has no effect at all
 * (privileged spec 4.1.11; H spec 8.2.18 allows the same for vsatp).
 */
function atp(n: number): void {
  define(n, {
    read: (h, out) => {
      out.lo = h.csr[n * 2]!;
      out.hi = h.csr[n * 2 + 1]!;
    },
    write: (h, lo, hi) => {
      if (!SATP_MODES.has(hi >>> 28)) return;
      h.csr[n * 2] = lo;
      h.csr[n * 2 + 1] = hi & (0xf0000000 | ATP_HI_ASID_PPN);
      h.translationChanged();
    },
    // satp from HS-mode traps when mstatus.TVM = 1 (illegal); from VS-mode
    // (it is vsatp) when hstatus.VTVM = 1 (virtual instruction).
    access:
      n === CSR.satp
        ? (h) => {
            if (h.priv !== Privilege.S) return CsrAccess.ok;
            if (h.virt) return (h.csr[CSR.hstatus * 2]! & HSTATUS.VTVM) !== 0 ? CsrAccess.virtual : CsrAccess.ok;
            return (h.csr[CSR.mstatus * 2]! & MSTATUS.TVM) !== 0 ? CsrAccess.illegal : CsrAccess.ok;
          }
        : undefined,
  });
}
atp(CSR.satp);
atp(CSR.vsatp);
vsAlias[CSR.satp] = CSR.vsatp;

/**
 * hgatp: unlike satp, an unsupported MODE is not ignored: the fields are
 * WARL individually, so MODE keeps its old value and the rest is written
 * (H spec 8.2.10). HS-mode access traps when mstatus.TVM = 1.
 */
define(CSR.hgatp, {
  read: (h, out) => {
    out.lo = h.csr[CSR.hgatp * 2]!;
    out.hi = h.csr[CSR.hgatp * 2 + 1]!;
  },
  write: (h, lo, hi) => {
    const mode = HGATP_MODES.has(hi >>> 28) ? hi & 0xf0000000 : h.csr[CSR.hgatp * 2 + 1]! & 0xf0000000;
    h.csr[CSR.hgatp * 2] = lo & ~3;
    h.csr[CSR.hgatp * 2 + 1] = mode | (hi & HGATP_HI_VMID_PPN);
    h.translationChanged();
  },
  access: (h: Hart) => (h.priv === Privilege.S && (h.csr[CSR.mstatus * 2]! & MSTATUS.TVM) !== 0 ? CsrAccess.illegal : CsrAccess.ok),
});

// ---- PMP: no entries implemented yet, so every pmp CSR is read-only zero (allowed by the spec).
for (let i = 0; i < 16; i += 2) zero(CSR.pmpcfg0 + i);
for (let i = 0; i < 64; i++) zero(CSR.pmpaddr0 + i);
