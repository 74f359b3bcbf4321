import type { Decoded } from '../../decode/decoder.js';
import { CSR } from '../../table/csrs.js';
import { Exception, Privilege, type PrivilegeLevel } from '../causes.js';
import { csrBehavior } from '../csr/csr-file.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { MSTATUS, MSTATUS_SHIFT } from '../mstatus.js';

/** The illegal-instruction trap for the instruction being executed (tval = its bits). */
export function illegal(h: Hart, d: Decoded): void {
  h.raise(Exception.illegalInstruction, d.raw);
}

const csrValue = { lo: 0, hi: 0 };

type CsrOp = 'write' | 'set' | 'clear';

/**
 * csrrw/csrrs/csrrc and their immediate forms (Zicsr). csrrw with rd = x0
 * does not read; csrrs/csrrc with a zero source do not write (and so may
 * access read-only CSRs).
 */
function csrInstruction(op: CsrOp, immediate: boolean): ExecuteHandler {
  return (h, d) => {
    const srcLo = immediate ? d.imm : h.x[d.rs1 * 2]!;
    const srcHi = immediate ? 0 : h.x[d.rs1 * 2 + 1]!;
    const sourceIsZero = immediate ? d.imm === 0 : d.rs1 === 0;
    const writes = op === 'write' || !sourceIsZero;
    const reads = op !== 'write' || d.rd !== 0;
    const b = csrBehavior(h, d.csr, writes);
    if (b === undefined) return illegal(h, d);
    if (reads) b.read(h, csrValue);
    const oldLo = csrValue.lo;
    const oldHi = csrValue.hi;
    if (writes) {
      let lo = srcLo;
      let hi = srcHi;
      if (op === 'set') {
        lo = oldLo | srcLo;
        hi = oldHi | srcHi;
      } else if (op === 'clear') {
        lo = oldLo & ~srcLo;
        hi = oldHi & ~srcHi;
      }
      b.write(h, lo, hi);
      h.stopBatch = true;
    }
    if (reads) h.setX64(d.rd, oldLo, oldHi);
  };
}

/** mret/sret (privileged spec 3.3.2): restore the previous privilege and interrupt enable. */
function mret(h: Hart, d: Decoded): void {
  if (h.priv !== Privilege.M) return illegal(h, d);
  const s = h.mstatus;
  const mpp = ((s & MSTATUS.MPP) >>> MSTATUS_SHIFT.MPP) as PrivilegeLevel;
  let next = s & ~(MSTATUS.MIE | MSTATUS.MPP);
  if (s & MSTATUS.MPIE) next |= MSTATUS.MIE;
  next |= MSTATUS.MPIE; // MPP <- U (least privileged), MPIE <- 1
  if (mpp !== Privilege.M) next &= ~MSTATUS.MPRV;
  h.mstatus = next;
  h.priv = mpp;
  h.nextPc = h.csrNumber(CSR.mepc);
  h.stopBatch = true;
}

function sret(h: Hart, d: Decoded): void {
  if (h.priv < Privilege.S || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TSR) !== 0)) return illegal(h, d);
  const s = h.mstatus;
  const spp: PrivilegeLevel = s & MSTATUS.SPP ? Privilege.S : Privilege.U;
  let next = s & ~(MSTATUS.SIE | MSTATUS.SPP);
  if (s & MSTATUS.SPIE) next |= MSTATUS.SIE;
  next |= MSTATUS.SPIE;
  next &= ~MSTATUS.MPRV; // xRET to a mode below M clears MPRV
  h.mstatus = next;
  h.priv = spp;
  h.nextPc = h.csrNumber(CSR.sepc);
  h.stopBatch = true;
}

/**
 * WFI (privileged spec 3.3.3): illegal in U-mode, and in S-mode when
 * mstatus.TW = 1 (rvhv's time limit for TW is zero). Otherwise the hart
 * waits for an interrupt; pc already points past the WFI.
 */
function wfi(h: Hart, d: Decoded): void {
  if (h.priv === Privilege.U || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TW) !== 0)) return illegal(h, d);
  if (!h.wakeUpPending()) h.waiting = true;
  h.stopBatch = true;
}

function sfenceVma(h: Hart, d: Decoded): void {
  if (h.priv === Privilege.U || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TVM) !== 0)) return illegal(h, d);
  // Bare translation keeps no TLB yet; the MMU issue flushes here.
}

function ecall(h: Hart): void {
  const cause = h.priv === Privilege.M ? Exception.ecallFromM : h.priv === Privilege.S ? Exception.ecallFromS : Exception.ecallFromU;
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
};
