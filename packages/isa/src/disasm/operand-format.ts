import { csrName } from '../table/csrs.js';
import type { FieldSpec } from '../table/fields.js';

/** ABI register names, as objdump prints them (x8 is `s0`, not `fp`). */
export const XREG_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

export const FREG_NAMES: readonly string[] = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];

/** Rounding-mode names by rm value (unprivileged spec 13.2, Table 13.1); 5 and 6 are reserved. */
export const ROUNDING_MODE_NAMES: readonly string[] = ['rne', 'rtz', 'rdn', 'rup', 'rmm', 'unknown', 'unknown', 'dyn'];

export function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

/** An instruction address: a number, or a bigint for addresses beyond 2^53 (0xffffffff80000000). */
export type Address = number | bigint;

/** pc + offset as objdump prints it: hexadecimal, wrapped modulo 2^64. */
export function formatAddress(pc: Address, offset: number): string {
  const base = typeof pc === 'bigint' ? pc : BigInt(Math.trunc(pc));
  return `0x${BigInt.asUintN(64, base + BigInt(offset)).toString(16)}`;
}

/** Fence predecessor/successor set as objdump writes it ('iorw' letters; 0 is 'unknown'). */
export function formatFenceSet(bits: number): string {
  let out = '';
  if (bits & 8) out += 'i';
  if (bits & 4) out += 'o';
  if (bits & 2) out += 'r';
  if (bits & 1) out += 'w';
  return out || 'unknown';
}

export function formatCsr(number: number): string {
  return csrName(number) ?? hex(number);
}

/** A branch/jump target: the absolute address when the pc is known, else `.+offset` (GNU as syntax). */
export function formatTarget(offset: number, pc: Address | undefined): string {
  if (pc !== undefined) return formatAddress(pc, offset);
  return offset < 0 ? `.${offset}` : `.+${offset}`;
}

/** One operand, printed the way objdump prints the field. */
export function formatField(spec: FieldSpec, value: number, pc: Address | undefined): string {
  switch (spec.kind) {
    case 'xreg':
      return XREG_NAMES[value] ?? `x${value}`;
    case 'freg':
      return FREG_NAMES[value] ?? `f${value}`;
    case 'csr':
      return formatCsr(value);
    case 'rm':
      return ROUNDING_MODE_NAMES[value] ?? 'unknown';
    case 'fence':
      return formatFenceSet(value);
    case 'flag':
      return String(value);
    case 'simm':
    case 'uimm':
      if (spec.pcRelative) return formatTarget(value, pc);
      return spec.hex ? hex(value) : String(value);
  }
}
