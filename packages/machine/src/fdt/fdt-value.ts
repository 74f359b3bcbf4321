/**
 * Encoders and decoders of property values (Devicetree Specification v0.4,
 * 2.2.4 "Property values"): cells are big-endian 32-bit words, 64-bit
 * values are two cells (high first), strings are NUL-terminated, a string
 * list is the strings one after another.
 *
 * Values are plain numbers: 64-bit quantities must be below 2^53 (every
 * address and size of the boards rvhv builds is), which keeps BigInt out.
 */

const TWO_32 = 0x1_0000_0000;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** A property with no value (`interrupt-controller;`, `ranges;`). */
export const EMPTY: Uint8Array = new Uint8Array(0);

/** One or more 32-bit cells. */
export function cells(...values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0));
  return out;
}

/** One 32-bit cell (`<u32>`). */
export function u32(value: number): Uint8Array {
  return cells(value);
}

/** A phandle reference: one cell holding the target node's phandle (2.3.3). */
export const phandle = u32;

/** The high and low 32-bit cells of a non-negative integer below 2^53. */
export function splitU64(value: number): [number, number] {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a 64-bit value below 2^53: ${value}`);
  return [Math.floor(value / TWO_32), value % TWO_32];
}

/** 64-bit values, two cells each, high cell first (`<u64>`). */
export function u64(...values: readonly number[]): Uint8Array {
  return cells(...values.flatMap(splitU64));
}

/**
 * Cells of an address or size that occupies `n` cells (`#address-cells`,
 * `#size-cells`, 2.3.5): 1 cell holds 32 bits, 2 hold 64.
 */
export function addressCells(value: number, n: 1 | 2): number[] {
  if (n === 2) return splitU64(value);
  if (!Number.isInteger(value) || value < 0 || value >= TWO_32) throw new RangeError(`does not fit one cell: ${value}`);
  return [value];
}

/** A `reg` value: (address, size) pairs in `addressCellCount`/`sizeCellCount` cells (2.3.6). */
export function reg(ranges: readonly (readonly [address: number, size: number])[], addressCellCount: 1 | 2 = 2, sizeCellCount: 1 | 2 = 2): Uint8Array {
  return cells(...ranges.flatMap(([a, s]) => [...addressCells(a, addressCellCount), ...addressCells(s, sizeCellCount)]));
}

/** A NUL-terminated string. */
export function str(s: string): Uint8Array {
  return strings(s);
}

/** A string list: each string NUL-terminated, back to back (`compatible = "a", "b"`). */
export function strings(...list: readonly string[]): Uint8Array {
  const parts = list.map((s) => encoder.encode(s));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length + 1;
  }
  return out;
}

/** The cells of a value, or undefined if its length is not a multiple of 4. */
export function readCells(value: Uint8Array): number[] | undefined {
  if (value.length % 4 !== 0) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const out: number[] = [];
  for (let i = 0; i < value.length; i += 4) out.push(view.getUint32(i));
  return out;
}

/** The value as one cell, or undefined if it is not exactly 4 bytes. */
export function readU32(value: Uint8Array): number | undefined {
  return value.length === 4 ? readCells(value)![0] : undefined;
}

/**
 * The value as a number from one or two cells (Linux's `of_read_number`
 * accepts either for e.g. `linux,initrd-start`), or undefined if it has
 * another length or does not fit below 2^53.
 */
export function readU64(value: Uint8Array): number | undefined {
  const c = readCells(value);
  if (!c || c.length < 1 || c.length > 2) return undefined;
  if (c.length === 1) return c[0];
  const v = c[0]! * TWO_32 + c[1]!;
  return Number.isSafeInteger(v) ? v : undefined;
}

/** The strings of a string list, or undefined if the value is not NUL-terminated. */
export function readStrings(value: Uint8Array): string[] | undefined {
  if (value.length === 0 || value[value.length - 1] !== 0) return undefined;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === 0) {
      out.push(decoder.decode(value.subarray(start, i)));
      start = i + 1;
    }
  }
  return out;
}

/** The value as a single string, or undefined if it is not exactly one NUL-terminated string. */
export function readString(value: Uint8Array): string | undefined {
  const list = readStrings(value);
  return list && list.length === 1 ? list[0] : undefined;
}
