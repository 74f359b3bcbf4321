import { CSR } from '../../table/csrs.js';
import { Interrupt, SGEI_BIT } from '../causes.js';
import type { Hart } from '../hart.js';
import { HSTATUS, HSTATUS_SHIFT } from '../mstatus.js';
import { guestTimerSignal, stimecmpEnabled, supervisorTimerSignal, vstimecmpEnabled } from './timers.js';

const STIP = 1 << Interrupt.STI;
const VSTIP = 1 << Interrupt.VSTI;
const VSEIP = 1 << Interrupt.VSEI;

/**
 * The full interrupt-pending word (mip) as hardware computes it:
 * - the software-writable bits kept in `csr[mip]` (SSIP, STIP, SEIP) OR
 *   the device lines (MSIP, MTIP, MEIP, SEIP) (privileged spec 3.1.9);
 * - hvip's VSSIP/VSTIP/VSEIP (H 8.2.3: hip.VSSIP aliases hvip.VSSIP,
 *   VSTIP and VSEIP are ORs with other sources);
 * - VSEIP also from the hgeip bit that hstatus.VGEIN selects, SGEIP when
 *   hgeip & hgeie is nonzero (H 8.2.3, 8.2.4);
 * - with Sstc, STIP is the stimecmp comparison (and no longer software
 *   writable) while menvcfg.STCE = 1, and VSTIP also ORs in the vstimecmp
 *   comparison while henvcfg.STCE = 1.
 */
export function interruptPendingBits(h: Hart): number {
  let ip = h.csr[CSR.mip * 2]! | h.irqLines | h.csr[CSR.hvip * 2]!;
  if (stimecmpEnabled(h)) {
    ip &= ~STIP;
    if (supervisorTimerSignal(h)) ip |= STIP;
    if (vstimecmpEnabled(h) && guestTimerSignal(h)) ip |= VSTIP;
  }
  const lines = h.guestExternalLines;
  if (lines !== 0) {
    const vgein = (h.csr[CSR.hstatus * 2]! & HSTATUS.VGEIN) >>> HSTATUS_SHIFT.VGEIN;
    if (vgein !== 0 && ((lines >>> vgein) & 1) !== 0) ip |= VSEIP;
    if ((lines & h.csr[CSR.hgeie * 2]!) !== 0) ip |= SGEI_BIT;
  }
  return ip;
}
