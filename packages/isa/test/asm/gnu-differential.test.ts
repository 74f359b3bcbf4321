import { describe, expect, it } from 'vitest';
import { decode } from '../../src/decode/decoder.js';
import type { FieldSpec } from '../../src/table/fields.js';
import { INSTRUCTIONS, INSTRUCTION_BY_NAME } from '../../src/table/index.js';
import type { InstructionSpec } from '../../src/table/instruction-spec.js';
import { gnuAssemble, gnuAvailable, gnuMarch } from './gnu-toolchain.js';
import { assembleOk, hexWords, sectionBytes, splitInstructions } from './helpers.js';
import { instructionText } from './operand-text.js';
import { prng, randomRow } from './random-rows.js';

/** Extension names as -march spells them. */
const MARCH_NAME: Partial<Record<InstructionSpec['ext'], string>> = {
  Zba: 'zba',
  Zbb: 'zbb',
  Zbs: 'zbs',
  Zicond: 'zicond',
  H: 'h',
  Svinval: 'svinval',
};

function gnuText(source: string, link = false): number[] {
  const r = gnuAssemble(source, { march: march(), link });
  if (!r.ok) throw new Error(`GNU as failed:\n${r.stderr}`);
  return splitInstructions(r.text);
}

let marchCache: string | undefined;
function march(): string {
  return (marchCache ??= gnuMarch());
}

function gnuKnows(spec: InstructionSpec): boolean {
  const ext = MARCH_NAME[spec.ext];
  return ext === undefined || march().split('_').includes(ext);
}

describe.runIf(gnuAvailable)('assembler against GNU as', () => {
  it('encodes every table row with random operands as GNU as does', () => {
    const next = prng(0x5eed);
    const lines: string[] = [];
    const expected: number[] = [];
    const checked = new Set<string>();
    for (const spec of INSTRUCTIONS) {
      if (!gnuKnows(spec)) continue;
      checked.add(spec.name);
      for (let k = 0; k < 12; k++) {
        const { word, values } = randomRow(spec, next, k % 2 === 0);
        const text = instructionText(spec, values, { numericRegisters: k % 3 === 0, csrByName: k % 2 === 1, explicitDefaults: k % 4 === 1 });
        // GNU compresses automatically under rv64gc: keep the 32-bit rows 32-bit.
        lines.push(`.option ${spec.length === 2 ? 'rvc' : 'norvc'}`, text);
        expected.push(word);
      }
    }
    const source = `${lines.join('\n')}\n`;
    const gnu = gnuText(source);
    const ours = splitInstructions(sectionBytes(assembleOk(source)));
    const texts = lines.filter((l) => !l.startsWith('.option'));
    const mismatches = texts
      .map((t, i) => ({ t, gnu: gnu[i], ours: ours[i], expected: expected[i] }))
      .filter((m) => m.gnu !== m.ours || m.ours !== m.expected)
      .map((m) => `${m.t}: gnu ${hexWords([m.gnu ?? 0])} ours ${hexWords([m.ours ?? 0])} table ${hexWords([m.expected ?? 0])}`);
    expect(mismatches).toEqual([]);
    expect(ours.length).toBe(texts.length);
    // Every row GNU knows took part (Zicond needs binutils 2.41).
    expect(checked.size).toBeGreaterThan(INSTRUCTIONS.length - 5);
  });

  it('compresses automatically to the same forms as GNU as (or an equivalent one for explicit jal/jalr)', () => {
    const next = prng(77);
    const lines: string[] = [];
    for (const spec of INSTRUCTIONS) {
      if (!spec.expand) continue;
      const base = INSTRUCTION_BY_NAME.get(spec.expand.name)!;
      for (let k = 0; k < 16; k++) {
        // The 32-bit instruction a compressed one stands for, written out: GNU and we should both compress it.
        const { values } = randomRow(spec, next, k % 2 === 0);
        const byName = new Map([...values].map(([f, v]) => [f.name, v]));
        const baseValues = new Map<FieldSpec, number>();
        for (const f of base.fields) {
          const from = (spec.expand.slots as Record<string, string | number | undefined>)[f.slot];
          baseValues.set(f, from === undefined ? (f.defaultValue ?? 0) : typeof from === 'number' ? from : byName.get(from)!);
        }
        lines.push(instructionText(base, baseValues));
      }
      // A 32-bit instruction that no compressed form can hold stays 32-bit.
    }
    lines.push('addi a0, a0, 2047', 'lw a0, 128(a1)', 'add a0, a1, a2', 'slli a0, a1, 3');
    const source = `.option rvc\n${lines.join('\n')}\n`;
    const gnu = gnuText(source);
    const ours = splitInstructions(sectionBytes(assembleOk(source)));
    expect(ours.length).toBe(gnu.length);
    const differences = lines
      .map((line, i) => ({ line, gnu: gnu[i]!, ours: ours[i]! }))
      .filter((d) => d.gnu !== d.ours)
      .filter((d) => {
        // GNU keeps explicit jal/jalr 32-bit only when written so; ours must still be the same operation.
        const a = decode(d.gnu)!;
        const b = decode(d.ours)!;
        return !(/^(jal|jalr) /.test(d.line) && a.spec === b.spec && a.rd === b.rd && a.rs1 === b.rs1 && a.imm === b.imm);
      })
      .map((d) => `${d.line}: gnu ${hexWords([d.gnu])} ours ${hexWords([d.ours])}`);
    expect(differences).toEqual([]);
  });

  const PSEUDO_CORPUS = `
nop
li a0, 0
li a0, 2047
li a0, -2048
li a0, 2048
li a0, 0x7fffffff
li a0, 0x80000000
li a0, -0x80000000
li a0, 0xffffffff
li a0, 0x100000000
li a0, 0x7fffffffffffffff
li a0, 0x8000000000000000
li a0, -1
li a0, 0x123456789abcdef0
li t3, 0x0000000100000001
li a0, 0x7ffff800
li s1, 0x00000fff00000fff
la a0, target
lla a1, target
mv a0, a1
not a0, a1
neg a0, a1
negw a0, a1
sext.w a0, a1
seqz a0, a1
snez a0, a1
sltz a0, a1
sgtz a0, a1
sgt a0, a1, a2
sgtu a0, a1, a2
j target
jal target
jr a0
jalr a1
jalr ra, a1
jalr ra, a1, 12
ret
call target
tail target
beqz a0, target
bnez s0, target
blez a0, target
bgez a0, target
bltz a0, target
bgtz a0, target
bgt a0, a1, target
ble a0, a1, target
bgtu a0, a1, target
bleu a0, a1, target
csrr a0, mstatus
csrw mstatus, a0
csrs mstatus, a0
csrc mstatus, a0
csrwi mscratch, 5
csrsi mstatus, 8
csrci mstatus, 8
csrw mscratch, 3
csrrw a0, mscratch, 7
rdcycle a0
rdtime a0
rdinstret a0
frcsr a0
fscsr a0, a1
fscsr a1
frrm a0
fsrm a0, a1
fsrm a1
frflags a0
fsflags a0, a1
fsflags a1
fsrmi a0, 2
fsflagsi 3
fmv.s fa0, fa1
fmv.d fa0, fa1
fabs.s fa0, fa1
fabs.d fa0, fa1
fneg.s fa0, fa1
fneg.d fa0, fa1
fgt.s a0, fa1, fa2
fge.d a0, fa1, fa2
zext.b a0, a1
zext.w a0, a1
fence
fence.tso
pause
fence rw, w
sfence.vma
sfence.vma a0
hfence.gvma
hfence.vvma a0
unimp
lw a0, target
ld a1, target
lbu a2, target
sw a0, target, t0
sd a1, target, t1
flw fa0, target, t0
fsd fa1, target, t2
lr.d.aq a0, (a1)
sc.w.rl a0, a1, (a2)
amoswap.d.aqrl a0, a1, 0(a2)
target:
  auipc a0, %pcrel_hi(target)
  addi a0, a0, %pcrel_lo(target)
2: auipc a1, %pcrel_hi(far)
  ld a1, %pcrel_lo(2b)(a1)
  sd a1, %pcrel_lo(2b)(a1)
  lui a2, %hi(0x12345fff)
  addi a2, a2, %lo(0x12345fff)
  beqz s0, 1f
  j 1f
  .skip 300
1:
  .skip 5000
far:
  .word 0
`;

  for (const rvc of [false, true]) {
    it(`expands pseudo-instructions and relocation operators as GNU as + ld do (${rvc ? 'rvc' : 'norvc'})`, () => {
      const source = `.option ${rvc ? 'rvc' : 'norvc'}\n${PSEUDO_CORPUS}`;
      const gnu = gnuText(source, true);
      const ours = splitInstructions(sectionBytes(assembleOk(source)));
      expect(hexWords(ours)).toEqual(hexWords(gnu));
    });
  }

  it('builds every li constant with the same sequence as GNU as', () => {
    const next = prng(4242);
    const values: bigint[] = [];
    const r64 = (): bigint => (BigInt(next()) << 32n) | BigInt(next());
    for (let i = 0; i < 150; i++) values.push(BigInt.asIntN(64, r64()));
    for (let i = 0; i < 64; i++) values.push(1n << BigInt(i), -(1n << BigInt(i)), (1n << BigInt(i)) - 1n);
    for (let i = 0; i < 100; i++) {
      // Sparse and run-of-ones patterns exercise the shift search.
      const shift = BigInt(next() % 64);
      const width = BigInt(1 + (next() % 40));
      values.push(BigInt.asIntN(64, ((1n << width) - 1n) << shift), BigInt.asIntN(64, BigInt(next() & 0xfff) << shift));
    }
    for (const rvc of [false, true]) {
      const source = `.option ${rvc ? 'rvc' : 'norvc'}\n${values.map((v, i) => `li ${['a0', 't1', 's11', 'x31'][i % 4]}, ${v}`).join('\n')}\n`;
      expect(hexWords(splitInstructions(sectionBytes(assembleOk(source))))).toEqual(hexWords(gnuText(source)));
    }
  });
});
