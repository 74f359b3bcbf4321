/**
 * Rounding modes of F/D instructions (unprivileged spec, "Floating-Point
 * Control and Status Register"): a static rm field wins over frm; rm = 7
 * (DYN) takes frm; rm = 5 or 6, or DYN with frm = 5, 6 or 7, is an illegal
 * instruction, the exact conversions included; instructions without an rm
 * field ignore an invalid frm.
 */
import { describe, expect, it } from 'vitest';
import { Exception } from '../../src/hart/causes.js';
import { INSTRUCTIONS } from '../../src/table/index.js';
import { CSR } from '../../src/table/csrs.js';
import { ExtensionState } from '../../src/hart/mstatus.js';
import { BOX, completed, fsState, getF, runFloat, setFs } from './exec-float-check.js';
import { createMachine, encode, getCsr, getX } from './harness.js';

const RNE = 0;
const RTZ = 1;
const RDN = 2;
const RUP = 3;
const RMM = 4;
const DYN = 7;
const NX = 1;
const MODES = [RNE, RTZ, RDN, RUP, RMM];

/** Operations whose result differs between modes, with the expected result per mode (RNE..RMM). */
const KNOWN: readonly {
  name: string;
  f: Record<number, bigint>;
  want: readonly bigint[];
  single: boolean;
}[] = [
  // 1 / 3 and -1 / 3 (singles): nearest is up in magnitude.
  { name: 'fdiv.s', f: { 1: BOX | 0x3f800000n, 2: BOX | 0x40400000n }, want: [0x3eaaaaabn, 0x3eaaaaaan, 0x3eaaaaaan, 0x3eaaaaabn, 0x3eaaaaabn], single: true },
  { name: 'fdiv.s', f: { 1: BOX | 0xbf800000n, 2: BOX | 0x40400000n }, want: [0xbeaaaaabn, 0xbeaaaaaan, 0xbeaaaaabn, 0xbeaaaaaan, 0xbeaaaaabn], single: true },
  // 1 + 2^-24: a tie between 1 and 1 + 2^-23; RNE picks the even 1, RMM the larger magnitude.
  { name: 'fadd.s', f: { 1: BOX | 0x3f800000n, 2: BOX | 0x33800000n }, want: [0x3f800000n, 0x3f800000n, 0x3f800000n, 0x3f800001n, 0x3f800001n], single: true },
  // -1 - 2^-53 in doubles: the tie again, negative.
  { name: 'fadd.d', f: { 1: 0xbff0000000000000n, 2: 0xbca0000000000000n }, want: [0xbff0000000000000n, 0xbff0000000000000n, 0xbff0000000000001n, 0xbff0000000000000n, 0xbff0000000000001n], single: false },
  // 2/3 in doubles (0x3fe5555555555555 is below, ...556 above).
  { name: 'fdiv.d', f: { 1: 0x4000000000000000n, 2: 0x4008000000000000n }, want: [0x3fe5555555555555n, 0x3fe5555555555555n, 0x3fe5555555555555n, 0x3fe5555555555556n, 0x3fe5555555555555n], single: false },
];

describe('rounding mode selection', () => {
  const m = createMachine();

  for (const k of KNOWN) {
    it(`${k.name}: a static rm rounds in that mode whatever frm holds`, () => {
      for (const rm of MODES) {
        const h = runFloat(m, k.name, { rd: 10, rs1: 1, rs2: 2, rm }, { f: k.f, frm: (rm + 2) % 5 });
        expect(completed(h)).toBe(true);
        expect(getF(h, 10)).toBe(k.single ? BOX | k.want[rm]! : k.want[rm]!);
        expect(h.fflags).toBe(NX);
      }
    });

    it(`${k.name}: rm = dyn rounds in frm's mode`, () => {
      for (const frm of MODES) {
        const h = runFloat(m, k.name, { rd: 10, rs1: 1, rs2: 2, rm: DYN }, { f: k.f, frm });
        expect(completed(h)).toBe(true);
        expect(getF(h, 10)).toBe(k.single ? BOX | k.want[frm]! : k.want[frm]!);
      }
    });
  }

  it('fcvt.w.d rounds 2.5 and -2.5 in each mode', () => {
    const want = [
      [2n, -2n], // RNE: ties to even
      [2n, -2n], // RTZ
      [2n, -3n], // RDN
      [3n, -2n], // RUP
      [3n, -3n], // RMM: ties away from zero
    ];
    for (const rm of MODES) {
      const pos = runFloat(m, 'fcvt.w.d', { rd: 10, rs1: 1, rm }, { f: { 1: 0x4004000000000000n } });
      expect(getX(pos, 10)).toBe(want[rm]![0]);
      const neg = runFloat(m, 'fcvt.w.d', { rd: 10, rs1: 1, rm: DYN }, { f: { 1: 0xc004000000000000n }, frm: rm });
      expect(getX(neg, 10)).toBe(want[rm]![1]);
      expect(neg.fflags).toBe(NX);
    }
  });
});

/** Every row with a rounding-mode field (rm or rm_exact). */
const RM_ROWS = INSTRUCTIONS.filter((spec) => (spec.ext === 'F' || spec.ext === 'D') && spec.fields.some((f) => f.slot === 'rm')).map(
  (spec) => spec.name,
);
/** Rows without one. */
const NO_RM_ROWS = INSTRUCTIONS.filter((spec) => (spec.ext === 'F' || spec.ext === 'D') && !spec.fields.some((f) => f.slot === 'rm')).map(
  (spec) => spec.name,
);

describe('invalid rounding modes', () => {
  const m = createMachine();

  it('the table has the rows this test expects', () => {
    expect(RM_ROWS).toContain('fcvt.d.s');
    expect(RM_ROWS).toContain('fcvt.d.w');
    expect(RM_ROWS).toContain('fcvt.d.wu');
    expect(RM_ROWS).toContain('fmadd.d');
    expect(NO_RM_ROWS).toContain('fsgnj.s');
    expect(NO_RM_ROWS).toContain('flw');
  });

  /** Runs `name` with rm/frm and checks it trapped as illegal with nothing written. */
  function expectIllegal(name: string, rm: number, frm: number): void {
    const word = encode(name, { rd: 10, rs1: 11, rs2: 12, rs3: 13, rm });
    const h = m.hart;
    setFs(h, ExtensionState.Clean);
    h.f[20] = 0x1234;
    h.f[21] = 0x5678;
    h.x[20] = 0x4321;
    h.x[21] = 0;
    const run = runFloat(m, name, { rd: 10, rs1: 11, rs2: 12, rs3: 13, rm }, { f: { 11: 0x3ff0000000000000n, 12: 1n, 13: 2n }, frm });
    expect(completed(run), `${name} rm=${rm} frm=${frm}`).toBe(false);
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.illegalInstruction));
    expect(getCsr(h, CSR.mtval)).toBe(BigInt(word));
    expect(h.f[20]).toBe(0x1234); // f10 untouched
    expect(h.f[21]).toBe(0x5678);
    expect(h.x[20]).toBe(0x4321); // x10 untouched
    expect(h.fflags).toBe(0);
    expect(fsState(h)).toBe(ExtensionState.Clean);
  }

  it.each(RM_ROWS)('%s: rm = 5 and rm = 6 are illegal', (name) => {
    expectIllegal(name, 5, RNE);
    expectIllegal(name, 6, RNE);
  });

  it.each(RM_ROWS)('%s: rm = dyn with frm = 5, 6 or 7 is illegal', (name) => {
    for (const frm of [5, 6, 7]) expectIllegal(name, DYN, frm);
  });

  it.each(RM_ROWS)('%s: a static rm runs whatever frm holds', (name) => {
    for (const rm of MODES) {
      const h = runFloat(m, name, { rd: 10, rs1: 11, rs2: 12, rs3: 13, rm }, { f: { 11: 0x3ff0000000000000n }, frm: 5 + (rm % 3) });
      expect(completed(h), `${name} rm=${rm}`).toBe(true);
    }
  });

  it.each(NO_RM_ROWS)('%s: has no rm field and ignores an invalid frm', (name) => {
    const h = runFloat(m, name, { rd: 10, rs1: 11, rs2: 12, imm: 0 }, { x: { 11: 0x8000_0100n }, frm: 7 });
    expect(completed(h)).toBe(true);
  });
});
