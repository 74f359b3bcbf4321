/**
 * Leaf-PTE permission checks (privileged spec 4.3.1 and 4.3.2 step 5; H
 * spec "Two-Stage Address Translation") expressed over a permission index,
 * so one TLB entry can answer for every SUM/MXR/privilege combination.
 *
 * Permission index bits:
 * - {@link PERM_SUPERVISOR}: the access is made at S/HS/VS level (else U/VU);
 * - {@link PERM_SUM}: the SUM bit in effect (sstatus.SUM, or vsstatus.SUM when V=1);
 * - {@link PERM_VS_MXR}: vsstatus.MXR (V=1 only; affects the VS stage alone);
 * - {@link PERM_MXR}: the HS-level sstatus.MXR (affects both stages).
 */
import { AccessKind } from './access.js';
import { PTE_R, PTE_U, PTE_W, PTE_X } from './pte.js';

export const PERM_SUPERVISOR = 1;
export const PERM_SUM = 2;
export const PERM_VS_MXR = 4;
export const PERM_MXR = 8;
/** Number of permission indexes (bits in a permission mask). */
export const PERM_INDEXES = 16;
/** A mask allowing every index (Bare and M-mode entries). */
export const PERM_ALL = 0xffff;

function kindAllows(pteLo: number, kind: number, executeAsRead: boolean, mxr: boolean): boolean {
  if (kind === AccessKind.fetch) return (pteLo & PTE_X) !== 0;
  if (kind === AccessKind.store) return (pteLo & PTE_W) !== 0;
  // HLVX: execute permission replaces read permission, MXR is irrelevant.
  if (executeAsRead) return (pteLo & PTE_X) !== 0;
  return (pteLo & PTE_R) !== 0 || (mxr && (pteLo & PTE_X) !== 0);
}

/**
 * Single-stage or VS-stage leaf: U-mode needs U=1; S-mode needs U=0, or
 * U=1 with SUM for loads and stores (never for fetches). MXR from either
 * level makes executable pages readable at this stage.
 */
export function firstStageAllows(pteLo: number, kind: number, executeAsRead: boolean, index: number): boolean {
  const user = (pteLo & PTE_U) !== 0;
  if ((index & PERM_SUPERVISOR) !== 0) {
    if (user && (kind === AccessKind.fetch || (index & PERM_SUM) === 0)) return false;
  } else if (!user) {
    return false;
  }
  return kindAllows(pteLo, kind, executeAsRead, (index & (PERM_VS_MXR | PERM_MXR)) !== 0);
}

/**
 * G-stage leaf: every access counts as a U-mode access (U=1 required) and
 * only the HS-level MXR applies ("Setting MXR at VS-level does not override
 * guest-physical page protections").
 */
export function gStageAllows(pteLo: number, kind: number, executeAsRead: boolean, index: number): boolean {
  if ((pteLo & PTE_U) === 0) return false;
  return kindAllows(pteLo, kind, executeAsRead, (index & PERM_MXR) !== 0);
}

/** Bit k set when {@link firstStageAllows} holds for index k. */
export function firstStageMask(pteLo: number, kind: number): number {
  let mask = 0;
  for (let k = 0; k < PERM_INDEXES; k++) if (firstStageAllows(pteLo, kind, false, k)) mask |= 1 << k;
  return mask;
}

/** Bit k set when {@link gStageAllows} holds for index k. */
export function gStageMask(pteLo: number, kind: number): number {
  let mask = 0;
  for (let k = 0; k < PERM_INDEXES; k++) if (gStageAllows(pteLo, kind, false, k)) mask |= 1 << k;
  return mask;
}
