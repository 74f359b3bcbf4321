import type { Decoded } from '../../decode/decoder.js';
import { CSR } from '../../table/csrs.js';
import { Privilege } from '../causes.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { HSTATUS, MSTATUS } from '../mstatus.js';
import { VmAccess, type VmAccessKind } from '../vm-access.js';
import { illegal, virtualInstruction } from './instruction-faults.js';

/**
 * The H extension's instructions (H spec 8.3): the hypervisor
 * virtual-machine loads and stores and the hypervisor memory-management
 * fences.
 */

/**
 * HLV/HLVX/HSV are valid in M-mode, HS-mode, and U-mode when hstatus.HU = 1:
 * with V=1 they are virtual instructions, in U-mode with HU = 0 illegal.
 * Returns false after raising.
 */
function vmAccessAllowed(h: Hart, d: Decoded): boolean {
  if (h.virt) {
    virtualInstruction(h, d);
    return false;
  }
  if (h.priv === Privilege.U && (h.csr[CSR.hstatus * 2]! & HSTATUS.HU) === 0) {
    illegal(h, d);
    return false;
  }
  return true;
}

type LoadWidth = 1 | 2 | 4 | 8;

/**
 * HLV.{B,BU,H,HU,W,WU,D} and HLVX.{HU,WU}: a load made as though V=1 at
 * privilege hstatus.SPVP, with two-stage translation (HLVX: execute
 * permission instead of read).
 */
function hlv(width: LoadWidth, signed: boolean, kind: VmAccessKind): ExecuteHandler {
  return (h, d) => {
    if (!vmAccessAllowed(h, d)) return;
    const va = h.address(d.rs1, 0);
    h.setVmAccess(kind);
    let lo: number;
    let hi: number;
    if (width === 8) {
      lo = h.load64(va);
      hi = h.loadHi;
    } else {
      lo = h.load(va, width, signed);
      hi = signed ? lo >> 31 : 0;
    }
    h.setVmAccess(VmAccess.none);
    if (!h.trapped) h.setX64(d.rd, lo, hi);
  };
}

/** HSV.{B,H,W,D}: a store made as though V=1 at privilege hstatus.SPVP. */
function hsv(width: LoadWidth): ExecuteHandler {
  return (h, d) => {
    if (!vmAccessAllowed(h, d)) return;
    const va = h.address(d.rs1, 0);
    h.setVmAccess(VmAccess.hlv);
    h.store(va, width, h.x[d.rs2 * 2]!, h.x[d.rs2 * 2 + 1]!);
    h.setVmAccess(VmAccess.none);
  };
}

/**
 * HFENCE.VVMA (H spec 8.3.2): valid in M and HS; a virtual instruction with
 * V=1, illegal in U-mode. Neither TVM nor VTVM affects it. It fences the
 * VS-stage translations (those made under vsatp).
 */
function hfenceVvma(h: Hart, d: Decoded): void {
  if (h.virt) return virtualInstruction(h, d);
  if (h.priv === Privilege.U) return illegal(h, d);
  h.mmu.hfenceVvma(d.rs1 === 0 ? undefined : h.xNumber(d.rs1), d.rs2 === 0 ? undefined : h.x[d.rs2 * 2]!);
  h.translationChanged();
}

/**
 * HFENCE.GVMA: valid in M, and in HS while mstatus.TVM = 0 (illegal
 * otherwise); a virtual instruction with V=1, illegal in U-mode. It fences
 * the G-stage translations (and so every guest translation through them).
 */
function hfenceGvma(h: Hart, d: Decoded): void {
  if (h.virt) return virtualInstruction(h, d);
  if (h.priv === Privilege.U || (h.priv === Privilege.S && (h.mstatus & MSTATUS.TVM) !== 0)) return illegal(h, d);
  h.mmu.hfenceGvma(d.rs1 === 0 ? undefined : h.xNumber(d.rs1), d.rs2 === 0 ? undefined : h.x[d.rs2 * 2]!);
  h.translationChanged();
}

export const HYPERVISOR_HANDLERS: Record<string, ExecuteHandler> = {
  'hlv.b': hlv(1, true, VmAccess.hlv),
  'hlv.bu': hlv(1, false, VmAccess.hlv),
  'hlv.h': hlv(2, true, VmAccess.hlv),
  'hlv.hu': hlv(2, false, VmAccess.hlv),
  'hlv.w': hlv(4, true, VmAccess.hlv),
  'hlv.wu': hlv(4, false, VmAccess.hlv),
  'hlv.d': hlv(8, true, VmAccess.hlv),
  'hlvx.hu': hlv(2, false, VmAccess.hlvx),
  'hlvx.wu': hlv(4, false, VmAccess.hlvx),
  'hsv.b': hsv(1),
  'hsv.h': hsv(2),
  'hsv.w': hsv(4),
  'hsv.d': hsv(8),
  'hfence.vvma': hfenceVvma,
  'hfence.gvma': hfenceGvma,
};
