import { CSR } from '../../table/csrs.js';
import { Privilege } from '../causes.js';
import type { Hart } from '../hart.js';
import { HSTATUS, MSTATUS } from '../mstatus.js';
import { CsrAccess, type CsrAccessResult, define, vsAlias, zero } from './csr-table.js';

/**
 * Address-translation CSRs: satp (privileged spec 4.1.11), vsatp and hgatp
 * (H spec 8.2.18, 8.2.10), and PMP (3.7). Their state lives in the hart's
 * MMU, which legalises writes (unsupported satp/vsatp MODE: the write is
 * ignored; hgatp: fields WARL individually, 14-bit VMID, PPN[1:0] zero).
 */

/**
 * satp from HS-mode traps when mstatus.TVM = 1 (illegal); from VS-mode
 * (where it is vsatp) when hstatus.VTVM = 1 (virtual instruction).
 */
function satpAccess(h: Hart): CsrAccessResult {
  if (h.priv !== Privilege.S) return CsrAccess.ok;
  if (h.virt) return (h.csr[CSR.hstatus * 2]! & HSTATUS.VTVM) !== 0 ? CsrAccess.virtual : CsrAccess.ok;
  return (h.csr[CSR.mstatus * 2]! & MSTATUS.TVM) !== 0 ? CsrAccess.illegal : CsrAccess.ok;
}

define(CSR.satp, {
  read: (h, out) => h.mmu.readSatp(out),
  write: (h, lo, hi) => {
    h.mmu.writeSatp(lo, hi);
    h.translationChanged();
  },
  access: satpAccess,
});
define(CSR.vsatp, {
  read: (h, out) => h.mmu.readVsatp(out),
  write: (h, lo, hi) => {
    h.mmu.writeVsatp(lo, hi);
    h.translationChanged();
  },
});
vsAlias[CSR.satp] = CSR.vsatp;

// hgatp: HS-mode access traps when mstatus.TVM = 1 (illegal instruction).
define(CSR.hgatp, {
  read: (h, out) => h.mmu.readHgatp(out),
  write: (h, lo, hi) => {
    h.mmu.writeHgatp(lo, hi);
    h.translationChanged();
  },
  access: (h) => (h.priv === Privilege.S && (h.csr[CSR.mstatus * 2]! & MSTATUS.TVM) !== 0 ? CsrAccess.illegal : CsrAccess.ok),
});

// ---- PMP: 16 entries in pmpcfg0/pmpcfg2 and pmpaddr0-15; the other even
// pmpcfg and pmpaddr16-63 are read-only zero (odd pmpcfg exist on RV32 only).
const PMP_ENTRIES = 16;
for (let n = 0; n < 16; n += 2) {
  define(CSR.pmpcfg0 + n, {
    read: (h, out) => h.mmu.pmp.readCfg(n, out),
    write: (h, lo, hi) => {
      h.mmu.pmp.writeCfg(n, lo, hi);
      h.translationChanged(); // a locked entry ends the M-mode fast paths
    },
  });
}
for (let i = 0; i < 64; i++) {
  if (i >= PMP_ENTRIES) {
    zero(CSR.pmpaddr0 + i);
    continue;
  }
  define(CSR.pmpaddr0 + i, {
    read: (h, out) => h.mmu.pmp.readAddr(i, out),
    write: (h, lo, hi) => {
      h.mmu.pmp.writeAddr(i, lo, hi);
      h.translationChanged();
    },
  });
}
