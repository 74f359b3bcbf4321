import { assemble, type AssembleOptions, type AssembleSuccess } from '../../src/asm/assembler.js';

/** Assembles or fails the test with every error message. */
export function assembleOk(source: string, options: AssembleOptions = {}): AssembleSuccess {
  const r = assemble(source, { base: 0, ...options });
  if (!r.ok) throw new Error(`assembly failed:\n${r.errors.map((e) => e.text).join('\n')}`);
  return r;
}

/** The bytes of a section of an assembled program. */
export function sectionBytes(r: AssembleSuccess, name = '.text'): Uint8Array {
  const s = r.sections.find((x) => x.name === name);
  if (!s) throw new Error(`no section ${name}`);
  return s.data;
}

/** Splits code bytes into instructions (2 or 4 bytes each, by the low bits of the first parcel). */
export function splitInstructions(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i + 1 < bytes.length) {
    const lo = bytes[i]! | (bytes[i + 1]! << 8);
    if ((lo & 3) !== 3) {
      out.push(lo);
      i += 2;
    } else {
      out.push((lo | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0);
      i += 4;
    }
  }
  return out;
}

/** The instruction words of `.text` after assembling `source` at address 0. */
export function textWords(source: string, options: AssembleOptions = {}): number[] {
  return splitInstructions(sectionBytes(assembleOk(source, options)));
}

/** Hex strings, for readable failure output. */
export function hexWords(words: readonly number[]): string[] {
  return words.map((w) => (w >>> 0).toString(16).padStart((w & 3) === 3 ? 8 : 4, '0'));
}
