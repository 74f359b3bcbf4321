import { CoherentMemory, Hart, INSTRUCTION_BY_NAME, insertField } from '../packages/isa/src/index.js';
import { createRam, ramOnly, Translator } from '../packages/mmu/src/index.js';
const RAM_BASE = 0x8000_0000;
function encode(name: string, operands: Record<string, number> = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name)!;
  let word = spec.match;
  for (const f of spec.fields) { const v = operands[f.slot]; if (v !== undefined) word = insertField(f, word, v); }
  return word;
}
let calls = 0;
const orig = Translator.prototype.translate;
Translator.prototype.translate = function (this: Translator, va: number, a: number, w: number) { calls++; return orig.call(this, va, a, w); };
const body = [encode('ld', { rd: 6, rs1: 10, imm: 0 }), encode('sd', { rs1: 10, rs2: 6, imm: 0 })];
const ram = createRam(RAM_BASE, 1 << 22);
const hart = new Hart({ memory: new CoherentMemory(ramOnly(ram)) });
const words = [...body, encode('addi', { rd: 5, rs1: 5, imm: -1 }), encode('bne', { rs1: 5, rs2: 0, imm: -4 * (body.length + 1) })];
words.forEach((w, i) => ram.view.setUint32(4 * i, w >>> 0, true));
hart.mmu.pmp.writeAddr(0, -1, 0x3fffff); hart.mmu.pmp.writeCfg(0, 0x1f, 0);
hart.x[20] = (RAM_BASE + 0x10000) | 0; hart.x[10] = 0x7fffffff;
hart.priv = 1; hart.virt = true;
hart.run(100000);
console.log('translate calls', calls, 'pc', hart.pc.toString(16), 'mcause', hart.csr[0x342*2]);
