/**
 * Test support for the F/D executor: f register access as 64-bit BigInts,
 * turning the float unit on, and running one float instruction word.
 */
import { CSR } from '../../src/table/csrs.js';
import type { Hart } from '../../src/hart/hart.js';
import { ExtensionState, MSTATUS, MSTATUS_SHIFT } from '../../src/hart/mstatus.js';
import { encode, execute, RAM_BASE, type Operands, type TestMachine } from './harness.js';
import { fromHalves, halves, u64 } from './int64-reference.js';

export const BOX = 0xffffffff00000000n;

/** f[r] = a 64-bit pattern. */
export function setF(h: Hart, r: number, bits: bigint): void {
  const [lo, hi] = halves(bits);
  h.f[2 * r] = lo;
  h.f[2 * r + 1] = hi;
}

/** f[r] = a NaN-boxed single. */
export function setS(h: Hart, r: number, bits: bigint): void {
  setF(h, r, BOX | (bits & 0xffffffffn));
}

/** f[r] as an unsigned 64-bit pattern. */
export function getF(h: Hart, r: number): bigint {
  return u64(fromHalves(h.f[2 * r]!, h.f[2 * r + 1]!));
}

/** mstatus.FS (0 Off, 1 Initial, 2 Clean, 3 Dirty). */
export function fsState(h: Hart): number {
  return (h.mstatus & MSTATUS.FS) >>> MSTATUS_SHIFT.FS;
}

export function setFs(h: Hart, state: number): void {
  h.mstatus = (h.mstatus & ~MSTATUS.FS) | (state << MSTATUS_SHIFT.FS);
  // SD summarises FS/VS/XS: clear it along with a non-dirty FS as software would see it.
  if (state !== ExtensionState.Dirty) h.csr[CSR.mstatus * 2 + 1] &= ~(1 << 31);
}

/** mstatus.SD (bit 63). */
export function sdBit(h: Hart): boolean {
  return (h.csr[CSR.mstatus * 2 + 1]! & (1 << 31)) !== 0;
}

export interface FloatRun {
  /** Registers to set before: f registers by number (64-bit patterns), x registers by number. */
  f?: Readonly<Record<number, bigint>>;
  x?: Readonly<Record<number, bigint>>;
  frm?: number;
  fflags?: number;
}

/**
 * Executes one float instruction with the float unit on (FS = Initial
 * unless the caller set FS itself) and returns the hart.
 */
export function runFloat(m: TestMachine, name: string, operands: Operands, setup: FloatRun = {}): Hart {
  const h = m.hart;
  if (fsState(h) === ExtensionState.Off) setFs(h, ExtensionState.Initial);
  for (const [r, v] of Object.entries(setup.f ?? {})) setF(h, Number(r), v);
  h.frm = setup.frm ?? 0;
  h.fflags = setup.fflags ?? 0;
  return execute(m, encode(name, operands), setup.x ?? {});
}

/** Whether the last instruction completed without a trap (the trap vector is 0). */
export function completed(h: Hart): boolean {
  return h.pc === RAM_BASE + 4;
}
