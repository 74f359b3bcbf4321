import { CSR } from '../../table/csrs.js';
import { ALL, define, plain, vsAlias } from './csr-table.js';

/**
 * Trap setup and handling registers of M, HS and VS level: xtvec, xepc,
 * xscratch, xcause, xtval, and the H extension's htval/htinst (H spec
 * 8.2.8, 8.2.9) and mtval2/mtinst (8.4.4, 8.4.5).
 */

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
tvec(CSR.vstvec);
// xepc: bit 0 is always zero (IALIGN = 16 with C); vsepc holds what sepc holds.
plain(CSR.mepc, ~1, ALL);
plain(CSR.sepc, ~1, ALL);
plain(CSR.vsepc, ~1, ALL);
for (const n of [CSR.mscratch, CSR.sscratch, CSR.vsscratch, CSR.mcause, CSR.scause, CSR.vscause]) plain(n, ALL, ALL);
for (const n of [CSR.mtval, CSR.stval, CSR.vstval]) plain(n, ALL, ALL);
// htval/mtval2 hold guest physical addresses >> 2; htinst/mtinst transformed instructions or pseudo-instructions.
for (const n of [CSR.htval, CSR.mtval2, CSR.htinst, CSR.mtinst]) plain(n, ALL, ALL);

vsAlias[CSR.stvec] = CSR.vstvec;
vsAlias[CSR.sepc] = CSR.vsepc;
vsAlias[CSR.sscratch] = CSR.vsscratch;
vsAlias[CSR.scause] = CSR.vscause;
vsAlias[CSR.stval] = CSR.vstval;
