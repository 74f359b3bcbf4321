import type { Word64 } from '@rvhv/mmu';
import type { Decoded } from '../../decode/decoder.js';
import { Exception, Privilege } from '../causes.js';
import type { ExecuteHandler, Hart } from '../hart.js';

/**
 * "A" extension (unprivileged spec chapter 14). LR/SC work on RAM only:
 * `Hart.atomicOffset` raises the misaligned exception (load-misaligned for
 * LR, store/AMO-misaligned for SC and AMOs) or an access fault, and otherwise
 * gives the RAM offset. AMOs also work on device regions (see
 * {@link amoOffset}). One hart executes at a time and the read-modify-write
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

/** {@link amoOffset}'s answer for an AMO on a device: the physical address is in `devicePa`. */
const ON_DEVICE = -2;
let devicePa = 0;
/** A device's answer to the read half of an AMO (module state: no allocation per AMO). */
const deviceWord: Word64 = { lo: 0, hi: 0 };

/**
 * Where an AMO of `width` bytes at `va` goes: the RAM offset (>= 0),
 * ON_DEVICE with the physical address in `devicePa`, or -1 after raising
 * its exception.
 *
 * Device regions accept AMOs as a read, the operation, then a write (the
 * atomicity PMA of an I/O region may allow AMOs, privileged spec 3.6.3; Linux's
 * PLIC and CLINT drivers use them on MMIO). The hart's `atomicOffset` knows
 * only RAM, so an aligned AMO is translated here first, as a store, without
 * raising: a RAM target gets its offset (M-level accesses to RAM addresses
 * go straight to `atomicOffset`, the unchanged fast path), a device target
 * its physical address. A misaligned AMO or a failed translation goes to
 * `atomicOffset`, which raises the exception as for every atomic.
 */
function amoOffset(h: Hart, va: number, width: 4 | 8): number {
  if ((va & (width - 1)) !== 0) return h.atomicOffset(va, width, false);
  const ram = h.memory.ram;
  // Machine-level data accesses (M-mode, no MPRV to a lower mode) are untranslated.
  if (h.priv === Privilege.M && h.dataPrivilege() === Privilege.M) {
    const off = va - ram.base;
    if (off >= 0 && off <= ram.size - width) return h.atomicOffset(va, width, false);
  }
  const pa = h.mmu.translateStore(va, width);
  if (pa < 0) return h.atomicOffset(va, width, false);
  const off = pa - ram.base;
  if (off >= 0 && off <= ram.size - width) return off;
  devicePa = pa;
  return ON_DEVICE;
}

/**
 * The read half of an AMO on a device: the old value in `deviceWord`, or
 * false after raising the access fault (an AMO's access faults are
 * store/AMO access faults: mcause table, privileged spec 3.1.15).
 */
function deviceRead(h: Hart, va: number, width: 4 | 8): boolean {
  if (h.memory.read(devicePa, width, deviceWord)) return true;
  h.raise(Exception.storeAccessFault, va);
  return false;
}

/** The write half: false after raising the access fault when the device refuses the write. */
function deviceWrite(h: Hart, va: number, width: 4 | 8, lo: number, hi: number): boolean {
  if (h.memory.write(devicePa, width, lo, hi)) return true;
  h.raise(Exception.storeAccessFault, va);
  return false;
}

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
    const va = h.xNumber(d.rs1);
    const off = amoOffset(h, va, WORD);
    if (off < 0) {
      if (off === ON_DEVICE) amoWordOnDevice(h, d, op, va);
      return;
    }
    const mem = h.memory;
    const view = mem.ram.view;
    const old = view.getInt32(off, true);
    view.setInt32(off, amoWordResult(op, old, h.x[d.rs2 * 2]!), true);
    mem.noteRamWrite(off, WORD);
    h.setX32(d.rd, old);
  };
}

function amoWordOnDevice(h: Hart, d: Decoded, op: AmoOp, va: number): void {
  if (!deviceRead(h, va, WORD)) return;
  const old = deviceWord.lo | 0;
  if (!deviceWrite(h, va, WORD, amoWordResult(op, old, h.x[d.rs2 * 2]!), 0)) return;
  h.setX32(d.rd, old);
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
    const va = h.xNumber(d.rs1);
    const off = amoOffset(h, va, DOUBLE);
    if (off < 0) {
      if (off === ON_DEVICE) amoDoubleOnDevice(h, d, op, va);
      return;
    }
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

function amoDoubleOnDevice(h: Hart, d: Decoded, op: AmoOp, va: number): void {
  if (!deviceRead(h, va, DOUBLE)) return;
  const oldLo = deviceWord.lo | 0;
  const oldHi = deviceWord.hi | 0;
  const s = d.rs2 * 2;
  amoDoubleResult(op, oldLo, oldHi, h.x[s]!, h.x[s + 1]!);
  if (!deviceWrite(h, va, DOUBLE, newLo, newHi)) return;
  h.setX64(d.rd, oldLo, oldHi);
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
