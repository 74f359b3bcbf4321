import { describe, expect, it } from 'vitest';
import {
  CSRS,
  INSTRUCTIONS,
  INSTRUCTION_BY_NAME,
  csrNumber,
  decode,
  disassemble,
  type InstructionSpec,
} from '@rvhv/isa';
import { prng, randomInstance } from '../table/random-operands.js';
import { normalise, objdumpExists, objdumpTexts, type Parcel } from './objdump.js';

/**
 * Differential test against GNU objdump (binutils 2.40, as Debian ships it).
 * Where the two differ on purpose, the reason is written next to the check:
 *
 * - Zicond is newer than binutils 2.40 (objdump prints `.4byte`).
 * - Exact conversions (fcvt.d.s, fcvt.d.w, fcvt.d.wu): binutils 2.40 accepts
 *   only rm = 000; the spec gives them an rm field like every other convert,
 *   so rvhv decodes all rm values (and prints rm when it is not 000).
 * - fence with nonzero fm (other than fence.tso) or nonzero rs1/rd, and
 *   fence.i with nonzero imm/rs1/rd: binutils rejects them, the spec says
 *   they execute as ordinary fences (2.7) / the fields are ignored (6.1).
 * - c.addi16sp with nzimm = 0 is reserved (spec 16.5); objdump prints it.
 * - Alias mode: binutils 2.40 prints register-immediate instructions under
 *   the register mnemonic (`add a0,a0,1` for addi, `sll` for slli, `csrrw`
 *   for csrrwi, `bset` for bseti, ...); rvhv prints the instruction's own
 *   name, as other binutils releases do.
 * - CSRs of extensions rvhv does not have (vector, Zkr) keep their numbers.
 */

const NOT_IN_BINUTILS_2_40: ReadonlySet<string> = new Set(['Zicond']);
const CSRS_OF_OTHER_EXTENSIONS: ReadonlySet<string> = new Set([
  'vstart', 'vxsat', 'vxrm', 'vcsr', 'vl', 'vtype', 'vlenb', 'seed', 'jvt',
]);

/** The register mnemonic binutils 2.40 uses for a register-immediate one (addi -> add, csrrwi -> csrrw). */
function registerMnemonic(name: string): string {
  return name.replace(/i(w?)$/, '$1');
}

function tokens(text: string): string[] {
  return text.split(/([ ,()])/);
}

/** Whether our text and objdump's agree, up to the documented differences. */
function agrees(ours: string, theirs: string, aliases: boolean): boolean {
  if (ours === theirs) return true;
  const a = tokens(ours);
  const b = tokens(theirs);
  if (a.length !== b.length) return false;
  return a.every((token, i) => {
    const other = b[i]!;
    if (token === other) return true;
    if (i === 0 && aliases && registerMnemonic(token) === other) return true;
    // A CSR objdump names but rvhv does not list (other extensions).
    return /^0x[0-9a-f]+$/.test(token) && CSRS_OF_OTHER_EXTENSIONS.has(other);
  });
}

/** objdump rejects a word we decode, for one of the documented reasons. */
function knownRejection(spec: InstructionSpec, word: number): boolean {
  if (NOT_IN_BINUTILS_2_40.has(spec.ext)) return true;
  if (spec.fields.some((f) => f.name === 'rm_exact') && ((word >>> 12) & 7) !== 0) return true;
  if (spec.name === 'fence') return (word & 0xf00f8f80) !== 0;
  if (spec.name === 'fence.i') return (word & 0xffff8f80) !== 0;
  return false;
}

interface Sample extends Parcel {
  readonly spec: InstructionSpec;
}

function samplesOfEveryRow(perRow: number, seed: number): Sample[] {
  const next = prng(seed);
  const samples: Sample[] = [];
  for (const spec of INSTRUCTIONS) {
    if (NOT_IN_BINUTILS_2_40.has(spec.ext)) continue;
    for (let i = 0; i < perRow; i++) {
      const { word } = randomInstance(spec, next, { biased: i % 2 === 0, canonical: true });
      samples.push({ word, length: spec.length, spec });
    }
  }
  return samples;
}

function compare(parcels: readonly Parcel[], aliases: boolean, allowRejection: (word: number) => boolean): string[] {
  const texts = objdumpTexts(parcels, aliases);
  const failures: string[] = [];
  let address = 0;
  for (const p of parcels) {
    const theirs = texts.get(address)!;
    const ours = normalise(disassemble(p.word, address, { aliases }));
    const rejected = /^\.(2|4)byte/.test(theirs) && !/^\.(2|4)byte/.test(ours);
    if (!agrees(ours, theirs, aliases) && !(rejected && allowRejection(p.word))) {
      failures.push(`${p.word.toString(16)}: rvhv '${ours}' objdump '${theirs}'`);
    }
    address += p.length;
  }
  return failures;
}

describe.runIf(objdumpExists)('disassembler vs GNU objdump', () => {
  const samples = samplesOfEveryRow(60, 0x5eed);

  it.each([false, true])('prints random operands of every row like objdump (aliases: %s)', (aliases) => {
    expect(samples.length).toBeGreaterThan(INSTRUCTIONS.length * 50);
    const failures = compare(samples, aliases, (word) => knownRejection(decode(word)!.source, word));
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it.each([false, true])('prints every 16-bit parcel like objdump (aliases: %s)', (aliases) => {
    const parcels: Parcel[] = [];
    for (let w = 0; w < 0x10000; w++) if ((w & 3) !== 3) parcels.push({ word: w, length: 2 });
    // 0x6101: c.addi16sp with nzimm = 0, reserved by the spec.
    const failures = compare(parcels, aliases, () => false).filter((f) => !f.startsWith('6101:'));
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it('agrees with objdump on which random 32-bit words are instructions of our extensions', () => {
    const next = prng(0xdecade);
    const opcodes = [...new Set(INSTRUCTIONS.filter((s) => s.length === 4).map((s) => s.match & 0x7f))];
    const parcels: Parcel[] = [];
    for (let i = 0; i < 40000; i++) {
      const opcode = opcodes[next() % opcodes.length]!;
      parcels.push({ word: ((next() & ~0x7f) | opcode) >>> 0, length: 4 });
    }
    const texts = objdumpTexts(parcels, false);
    const failures: string[] = [];
    parcels.forEach((p, i) => {
      const theirs = texts.get(i * 4)!;
      const d = decode(p.word);
      const ours = normalise(disassemble(p.word, i * 4, { aliases: false }));
      if (d && /^\.4byte/.test(theirs)) {
        if (!knownRejection(d.source, p.word)) failures.push(`${p.word.toString(16)}: rvhv '${ours}', objdump rejects`);
      } else if (!d && !/^\.4byte/.test(theirs)) {
        // objdump knows more extensions (V, Zfh, Zk*, ...): fine unless it names one of our rows.
        const mnemonic = theirs.split(' ')[0]!.replace(/\.(aq|rl|aqrl)$/, '');
        if (INSTRUCTION_BY_NAME.has(mnemonic)) failures.push(`${p.word.toString(16)}: objdump '${theirs}', rvhv rejects`);
      } else if (d && !agrees(ours, theirs, false)) {
        failures.push(`${p.word.toString(16)}: rvhv '${ours}' objdump '${theirs}'`);
      }
    });
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it('names every CSR of the table as objdump does', () => {
    // csrrs a0, csr, zero for every listed CSR.
    const parcels = CSRS.map((c) => ({ word: ((c.number << 20) | (2 << 12) | (10 << 7) | 0x73) >>> 0, length: 4 as const }));
    const texts = objdumpTexts(parcels, false);
    CSRS.forEach((c, i) => {
      expect(texts.get(i * 4), c.name).toBe(`csrrs a0,${c.name},zero`);
      expect(csrNumber(c.name)).toBe(c.number);
    });
  });
});

