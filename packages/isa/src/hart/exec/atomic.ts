import type { Decoded } from '../../decode/decoder.js';
import type { ExecuteHandler, Hart } from '../hart.js';

/**
 * "A" extension (unprivileged spec chapter 14). Atomics work on RAM only:
 * `Hart.atomicOffset` raises the misaligned exception (load-misaligned for
 * LR, store/AMO-misaligned for SC and AMOs) or an access fault, and otherwise
 * gives the RAM offset. One hart executes at a time and the read-modify-write
 * is not interrupted, so every AMO is atomic and aq/rl need no action.
 * Stores to RAM go through `noteRamWrite`, which drops decoded code on the
 * page and breaks other harts' reservations on the granule.
 */

const WORD = 4;
const DOUBLE = 8;

// ---- LR/SC (14.2) ---------------------------------------------------------------

function lrW(h: Hart, d: Decoded): void {
  const off = h.atomicOffset(h.xNumber(d.rs1), WORD, true);
  if (off < 0) return;
  const mem = h.memory;
  const v = mem.ram.view.getInt32(off, true);
  mem.reserve(h.hartIndex, mem.ram.base + off);
  h.setX32(d.rd, v);
}

function lrD(h: Hart, d: Decoded): void {
  const off = h.atomicOffset(h.xNumber(d.rs1), DOUBLE, true);
  if (off < 0) return;
  const mem = h.memory;
  const view = mem.ram.view;
  const lo = view.getInt32(off, true);
  const hi = view.getInt32(off + 4, true);
  mem.reserve(h.hartIndex, mem.ram.base + off);
  h.setX64(d.rd, lo, hi);
}

/**
 * sc.w/sc.d: store and rd = 0 only if this hart still holds a reservation
 * covering the address; else rd = 1 and no store. Either way the
 * reservation is gone afterwards (14.2: "regardless of success or failure,
 * executing an SC instruction invalidates any reservation held by this hart").
 */
function scW(h: Hart, d: Decoded): void {
  const off = h.atomicOffset(h.xNumber(d.rs1), WORD, false);
  if (off < 0) return;
  const mem = h.memory;
  const value = h.x[d.rs2 * 2]!;
  if (!mem.takeReservation(h.hartIndex, mem.ram.base + off)) {
    h.setX64(d.rd, 1, 0);
    return;
  }
  mem.ram.view.setInt32(off, value, true);
  mem.noteRamWrite(off, WORD);
  h.setX64(d.rd, 0, 0);
}

function scD(h: Hart, d: Decoded): void {
  const off = h.atomicOffset(h.xNumber(d.rs1), DOUBLE, false);
  if (off < 0) return;
  const mem = h.memory;
  const lo = h.x[d.rs2 * 2]!;
  const hi = h.x[d.rs2 * 2 + 1]!;
  if (!mem.takeReservation(h.hartIndex, mem.ram.base + off)) {
    h.setX64(d.rd, 1, 0);
    return;
  }
  const view = mem.ram.view;
  view.setInt32(off, lo, true);
  view.setInt32(off + 4, hi, true);
  mem.noteRamWrite(off, DOUBLE);
  h.setX64(d.rd, 0, 0);
}

// ---- AMOs (14.4): rd = old value, memory = op(old, rs2) ------------------------------

/** The word operations; each takes (old, src) as int32 and returns the new word. */
const AmoOp = {
  swap: 0,
  add: 1,
  xor: 2,
  and: 3,
  or: 4,
  min: 5,
  max: 6,
  minu: 7,
  maxu: 8,
} as const;
type AmoOp = (typeof AmoOp)[keyof typeof AmoOp];

function amoWordResult(op: AmoOp, old: number, src: number): number {
  switch (op) {
    case AmoOp.swap:
      return src;
    case AmoOp.add:
      return (old + src) | 0;
    case AmoOp.xor:
      return old ^ src;
    case AmoOp.and:
      return old & src;
    case AmoOp.or:
      return old | src;
    case AmoOp.min:
      return src < old ? src : old;
    case AmoOp.max:
      return src > old ? src : old;
    case AmoOp.minu:
      return src >>> 0 < old >>> 0 ? src : old;
    case AmoOp.maxu:
      return src >>> 0 > old >>> 0 ? src : old;
  }
}

/** amo*.w: 32-bit operation; rd gets the old word sign-extended (14.4). */
function amoW(op: AmoOp): ExecuteHandler {
  return (h: Hart, d: Decoded): void => {
    const off = h.atomicOffset(h.xNumber(d.rs1), WORD, false);
    if (off < 0) return;
    const mem = h.memory;
    const view = mem.ram.view;
    const old = view.getInt32(off, true);
    view.setInt32(off, amoWordResult(op, old, h.x[d.rs2 * 2]!), true);
    mem.noteRamWrite(off, WORD);
    h.setX32(d.rd, old);
  };
}

// Result of amoDoubleResult (module state: no allocation per AMO).
let newLo = 0;
let newHi = 0;

function amoDoubleResult(op: AmoOp, oldLo: number, oldHi: number, srcLo: number, srcHi: number): void {
  let takeSrc: boolean;
  switch (op) {
    case AmoOp.swap:
      takeSrc = true;
      break;
    case AmoOp.add: {
      const lo = (oldLo + srcLo) | 0;
      newHi = (oldHi + srcHi + (lo >>> 0 < oldLo >>> 0 ? 1 : 0)) | 0;
      newLo = lo;
      return;
    }
    case AmoOp.xor:
      newLo = oldLo ^ srcLo;
      newHi = oldHi ^ srcHi;
      return;
    case AmoOp.and:
      newLo = oldLo & srcLo;
      newHi = oldHi & srcHi;
      return;
    case AmoOp.or:
      newLo = oldLo | srcLo;
      newHi = oldHi | srcHi;
      return;
    case AmoOp.min:
      takeSrc = srcHi < oldHi || (srcHi === oldHi && srcLo >>> 0 < oldLo >>> 0);
      break;
    case AmoOp.max:
      takeSrc = srcHi > oldHi || (srcHi === oldHi && srcLo >>> 0 > oldLo >>> 0);
      break;
    case AmoOp.minu:
      takeSrc = srcHi >>> 0 < oldHi >>> 0 || (srcHi === oldHi && srcLo >>> 0 < oldLo >>> 0);
      break;
    case AmoOp.maxu:
      takeSrc = srcHi >>> 0 > oldHi >>> 0 || (srcHi === oldHi && srcLo >>> 0 > oldLo >>> 0);
      break;
  }
  newLo = takeSrc ? srcLo : oldLo;
  newHi = takeSrc ? srcHi : oldHi;
}

/** amo*.d: 64-bit operation; rd gets the old doubleword. */
function amoD(op: AmoOp): ExecuteHandler {
  return (h: Hart, d: Decoded): void => {
    const off = h.atomicOffset(h.xNumber(d.rs1), DOUBLE, false);
    if (off < 0) return;
    const mem = h.memory;
    const view = mem.ram.view;
    const oldLo = view.getInt32(off, true);
    const oldHi = view.getInt32(off + 4, true);
    const s = d.rs2 * 2;
    amoDoubleResult(op, oldLo, oldHi, h.x[s]!, h.x[s + 1]!);
    view.setInt32(off, newLo, true);
    view.setInt32(off + 4, newHi, true);
    mem.noteRamWrite(off, DOUBLE);
    h.setX64(d.rd, oldLo, oldHi);
  };
}

const AMO_HANDLERS: Record<string, ExecuteHandler> = {};
for (const [name, op] of Object.entries(AmoOp)) {
  AMO_HANDLERS[`amo${name}.w`] = amoW(op);
  AMO_HANDLERS[`amo${name}.d`] = amoD(op);
}

export const ATOMIC_HANDLERS: Record<string, ExecuteHandler> = {
  'lr.w': lrW,
  'lr.d': lrD,
  'sc.w': scW,
  'sc.d': scD,
  ...AMO_HANDLERS,
};
