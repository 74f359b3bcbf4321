import type { Word64 } from '@rvhv/mmu';
import { CSR } from '../../table/csrs.js';
import type { Hart } from '../hart.js';
import { ENVCFG_HI } from '../mstatus.js';

/**
 * The `time` CSR as the hart sees it, and the Sstc comparators (Sstc 1.0;
 * privileged spec "Supervisor Timer (stimecmp) Register"; H spec 8.2.7
 * htimedelta). All 64-bit arithmetic is done on 32-bit halves, wrapping
 * modulo 2^64 as the spec requires for time + htimedelta.
 */

const TWO_32 = 4294967296;

/** The platform's time (mtime) as halves. */
export function readHostTime(h: Hart, out: Word64): void {
  const t = h.readTime();
  out.lo = t % TWO_32 | 0;
  out.hi = Math.floor(t / TWO_32) | 0;
}

/** time + htimedelta modulo 2^64: what `time` reads in VS and VU mode. */
export function readGuestTime(h: Hart, out: Word64): void {
  readHostTime(h, out);
  const sumLo = (out.lo >>> 0) + (h.csr[CSR.htimedelta * 2]! >>> 0);
  out.lo = sumLo | 0;
  out.hi = (out.hi + h.csr[CSR.htimedelta * 2 + 1]! + (sumLo >= TWO_32 ? 1 : 0)) | 0;
}

/** Unsigned 64-bit aHi:aLo >= bHi:bLo. */
function atLeast(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  const ah = aHi >>> 0;
  const bh = bHi >>> 0;
  return ah !== bh ? ah > bh : aLo >>> 0 >= bLo >>> 0;
}

/** menvcfg.STCE: stimecmp exists for S-mode and drives STIP. */
export function stimecmpEnabled(h: Hart): boolean {
  return (h.csr[CSR.menvcfg * 2 + 1]! & ENVCFG_HI.STCE) !== 0;
}

/** henvcfg.STCE (read-only zero while menvcfg.STCE = 0): vstimecmp exists for VS-mode and drives VSTIP. */
export function vstimecmpEnabled(h: Hart): boolean {
  return (h.csr[CSR.menvcfg * 2 + 1]! & h.csr[CSR.henvcfg * 2 + 1]! & ENVCFG_HI.STCE) !== 0;
}

const now: Word64 = { lo: 0, hi: 0 };

/** The supervisor timer signal: time >= stimecmp, unsigned (only meaningful while STCE = 1). */
export function supervisorTimerSignal(h: Hart): boolean {
  readHostTime(h, now);
  return atLeast(now.lo, now.hi, h.csr[CSR.stimecmp * 2]!, h.csr[CSR.stimecmp * 2 + 1]!);
}

/** The VS-level timer signal: time + htimedelta >= vstimecmp, unsigned. */
export function guestTimerSignal(h: Hart): boolean {
  readGuestTime(h, now);
  return atLeast(now.lo, now.hi, h.csr[CSR.vstimecmp * 2]!, h.csr[CSR.vstimecmp * 2 + 1]!);
}

/** hi:lo as a non-negative number (inexact above 2^53, which is fine for a deadline). */
function unsignedNumber(lo: number, hi: number): number {
  return (hi >>> 0) * TWO_32 + (lo >>> 0);
}

/**
 * The earliest platform time at which an enabled Sstc comparator that is
 * not yet pending will raise its interrupt signal, or Infinity. A run loop
 * that idles a waiting hart uses it to know when to wake it.
 */
export function timerDeadline(h: Hart): number {
  let deadline = Infinity;
  const t = h.readTime();
  if (stimecmpEnabled(h) && !supervisorTimerSignal(h)) {
    deadline = Math.min(deadline, unsignedNumber(h.csr[CSR.stimecmp * 2]!, h.csr[CSR.stimecmp * 2 + 1]!));
  }
  if (vstimecmpEnabled(h) && !guestTimerSignal(h)) {
    // time + delta >= cmp  <=>  time >= cmp - delta (mod 2^64), unless the sum wraps first.
    const lo = (h.csr[CSR.vstimecmp * 2]! >>> 0) - (h.csr[CSR.htimedelta * 2]! >>> 0);
    const hi = (h.csr[CSR.vstimecmp * 2 + 1]! - h.csr[CSR.htimedelta * 2 + 1]! - (lo < 0 ? 1 : 0)) | 0;
    const at = unsignedNumber(lo | 0, hi);
    if (at > t) deadline = Math.min(deadline, at);
  }
  return deadline;
}
