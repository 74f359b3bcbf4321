import type { Decoded } from '../../decode/decoder.js';
import { Privilege } from '../causes.js';
import type { ExecuteHandler, Hart } from '../hart.js';
import { HYPERVISOR_HANDLERS } from './hypervisor.js';
import { illegal, virtualInstruction } from './instruction-faults.js';
import { SFENCE_VMA } from './system.js';

/**
 * Svinval (privileged spec, "Svinval" chapter). rvhv performs every access
 * in program order and invalidates at once, so the fine-grained forms are
 * the plain fences: SINVAL.VMA is SFENCE.VMA and HINVAL.{V,G}VMA are
 * HFENCE.{V,G}VMA, with the same permission checks. SFENCE.W.INVAL and
 * SFENCE.INVAL.IR only order those invalidations: nothing to do, but they
 * are illegal in U-mode and a virtual instruction in VU-mode.
 */
function orderingFence(h: Hart, d: Decoded): void {
  if (h.priv === Privilege.U) return h.virt ? virtualInstruction(h, d) : illegal(h, d);
}

export const SVINVAL_HANDLERS: Record<string, ExecuteHandler> = {
  'sinval.vma': SFENCE_VMA,
  'hinval.vvma': HYPERVISOR_HANDLERS['hfence.vvma']!,
  'hinval.gvma': HYPERVISOR_HANDLERS['hfence.gvma']!,
  'sfence.w.inval': orderingFence,
  'sfence.inval.ir': orderingFence,
};
