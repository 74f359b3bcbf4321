import type { Decoded } from '../../decode/decoder.js';
import { CSR } from '../../table/csrs.js';
import { Exception, Privilege } from '../causes.js';
import { CsrAccess, csrAccess, csrTarget } from '../csr/csr-file.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { HSTATUS, MSTATUS } from '../mstatus.js';
import { HYPERVISOR_HANDLERS } from './hypervisor.js';
import { illegal, virtualInstruction } from './instruction-faults.js';

export { illegal, virtualInstruction } from './instruction-faults.js';

/** Index of hstatus (low word) in `hart.csr`. */
const CSR_HSTATUS = CSR.hstatus * 2;

const csrValue = { lo: 0, hi: 0 };
const csrOld = { lo: 0, hi: 0 };

type CsrOp = 'write' | 'set' | 'clear';

/**
 * csrrw/csrrs/csrrc and their immediate forms (Zicsr). csrrw with rd = x0
 * does not read; csrrs/csrrc with a zero source do not write (and so may
 * access read-only CSRs). With V=1, supervisor CSRs act on their VS
 * replicas (csrTarget).
 */
function csrInstruction(op: CsrOp, immediate: boolean): ExecuteHandler {
  return (h, d) => {
    const srcLo = immediate ? d.imm : h.x[d.rs1 * 2]!;
    const srcHi = immediate ? 0 : h.x[d.rs1 * 2 + 1]!;
    const sourceIsZero = immediate ? d.imm === 0 : d.rs1 === 0;
    const writes = op === 'write' || !sourceIsZero;
    const reads = op !== 'write' || d.rd !== 0;
    const access = csrAccess(h, d.csr, writes);
    if (access !== CsrAccess.ok) return access === CsrAccess.illegal ? illegal(h, d) : virtualInstruction(h, d);
    const b = csrTarget(h, d.csr);
    if (reads) b.read(h, csrValue);
    const oldLo = csrValue.lo;
    const oldHi = csrValue.hi;
    if (writes) {
      let lo = srcLo;
      let hi = srcHi;
      if (op !== 'write') {
        if (b.readForModify) b.readForModify(h, csrOld);
        else {
          csrOld.lo = oldLo;
          csrOld.hi = oldHi;
        }
        lo = op === 'set' ? csrOld.lo | srcLo : csrOld.lo & ~srcLo;
        hi = op === 'set' ? csrOld.hi | srcHi : csrOld.hi & ~srcHi;
      }
      b.write(h, lo, hi);
      h.stopBatch = true;
    }
    if (reads) h.setX64(d.rd, oldLo, oldHi);
  };
}

/** MRET: M-mode only (privileged spec 3.3.2); from any other mode, V=1 included, an illegal instruction. */
function mret(h: Hart, d: Decoded): void {
  if (h.priv !== Privilege.M) return illegal(h, d);
  h.mret();
}

/**
 * SRET (privileged spec 3.3.2, H spec 8.6.1/8.6.4): illegal in U-mode and
 * in HS-mode with mstatus.TSR = 1; a virtual instruction in VU-mode and in
 * VS-mode with hstatus.VTSR = 1 (mstatus.TSR does not affect VS-mode).
 */
function sret(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === Privilege.U || (h.csr[CSR_HSTATUS]! & HSTATUS.VTSR) !== 0) return virtualInstruction(h, d);
  } else if (h.priv === Privilege.U || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TSR) !== 0)) {
    return illegal(h, d);
  }
  h.sret();
}

/**
 * WFI (privileged spec 3.3.3, H spec 8.4.1/8.6.1). mstatus.TW = 1 makes it
 * illegal in every mode but M; otherwise it is a virtual instruction in
 * VU-mode and in VS-mode with hstatus.VTW = 1, and illegal in U-mode.
 * rvhv's time limit for TW/VTW is zero: the trap is immediate. Otherwise the
 * hart waits for an interrupt; pc already points past the WFI.
 */
function wfi(h: Hart, d: Decoded): void {
  if (h.priv !== Privilege.M) {
    if ((h.mstatus & MSTATUS.TW) !== 0) return illegal(h, d);
    if (h.virt) {
      if (h.priv === Privilege.U || (h.csr[CSR_HSTATUS]! & HSTATUS.VTW) !== 0) return virtualInstruction(h, d);
    } else if (h.priv === Privilege.U) {
      return illegal(h, d);
    }
  }
  if (!h.wakeUpPending()) h.waiting = true;
  h.stopBatch = true;
}

/**
 * SFENCE.VMA (privileged spec 4.2.1, H spec 8.5.3): illegal in U-mode and in
 * HS-mode with mstatus.TVM = 1; a virtual instruction in VU-mode and in
 * VS-mode with hstatus.VTVM = 1. With V=1 it fences VS-stage translations
 * of the current virtual machine.
 */
function sfenceVma(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === Privilege.U || (h.csr[CSR_HSTATUS]! & HSTATUS.VTVM) !== 0) return virtualInstruction(h, d);
  } else if (h.priv === Privilege.U || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TVM) !== 0)) {
    return illegal(h, d);
  }
  h.mmu.sfenceVma(d.rs1 === 0 ? undefined : h.xNumber(d.rs1), d.rs2 === 0 ? undefined : h.x[d.rs2 * 2]!);
  h.translationChanged();
}

/** SFENCE.VMA's semantics, shared with Svinval's SINVAL.VMA. */
export const SFENCE_VMA: ExecuteHandler = sfenceVma;

/** ECALL: the cause names the mode it came from; VS-mode has its own (10, H spec 8.6.1). */
function ecall(h: Hart): void {
  let cause: number = Exception.ecallFromU;
  if (h.priv === Privilege.M) cause = Exception.ecallFromM;
  else if (h.priv === Privilege.S) cause = h.virt ? Exception.ecallFromVS : Exception.ecallFromS;
  h.raise(cause, 0);
}

/** ebreak: breakpoint exception with tval = pc (as Spike and QEMU report it). */
function ebreak(h: Hart): void {
  h.raise(Exception.breakpoint, h.pc);
}

function fenceI(h: Hart): void {
  h.memory.flushCode();
}


export const SYSTEM_HANDLERS: Record<string, ExecuteHandler> = {
  ecall,
  ebreak,
  mret,
  sret,
  wfi,
  'sfence.vma': sfenceVma,
  // One hart at a time touches memory, in program order: fences have nothing to order.
  fence: () => {},
  'fence.i': fenceI,
  csrrw: csrInstruction('write', false),
  csrrs: csrInstruction('set', false),
  csrrc: csrInstruction('clear', false),
  csrrwi: csrInstruction('write', true),
  csrrsi: csrInstruction('set', true),
  csrrci: csrInstruction('clear', true),
  ...HYPERVISOR_HANDLERS,
};
