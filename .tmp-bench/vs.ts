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
const body = [
  encode('ld', { rd: 6, rs1: 10, imm: 0 }), encode('add', { rd: 7, rs1: 7, rs2: 6 }), encode('xor', { rd: 8, rs1: 8, rs2: 7 }),
  encode('slli', { rd: 9, rs1: 8, imm: 3 }), encode('addi', { rd: 6, rs1: 6, imm: 1 }), encode('sd', { rs1: 10, rs2: 6, imm: 0 }),
];
function measure(mode: string, n: number): number {
  const ram = createRam(RAM_BASE, 1 << 22);
  const hart = new Hart({ memory: new CoherentMemory(ramOnly(ram)) });
  const words = [...body, encode('addi', { rd: 5, rs1: 5, imm: -1 }), encode('bne', { rs1: 5, rs2: 0, imm: -4 * (body.length + 1) })];
  words.forEach((w, i) => ram.view.setUint32(4 * i, w >>> 0, true));
  // Sv39x4 root at RAM_BASE + 0x100000 (16 KiB aligned); entry 2 maps GPA 0x80000000.. 1 GiB identity.
  const root = 0x100000;
  const pte = (0x80000 << 10) | 0xdf; // V R W X U A D (G clear)
  ram.view.setUint32(root + 2 * 8, pte >>> 0, true);
  // Sv39 (VS) root at +0x104000: entry 2 maps VA 0x80000000 1 GiB to GPA 0x80000000 (S page: U clear).
  const vroot = 0x104000;
  ram.view.setUint32(vroot + 2 * 8, ((0x80000 << 10) | 0xcf) >>> 0, true);
  const setup = () => {
    hart.reset(RAM_BASE);
    hart.mmu.pmp.writeAddr(0, -1, 0x3fffff); hart.mmu.pmp.writeCfg(0, 0x1f, 0);
    if (mode.includes('G')) hart.mmu.writeHgatp(((RAM_BASE + root) / 4096) | 0, 8 << 28);
    if (mode.includes('V')) hart.mmu.writeVsatp(((RAM_BASE + vroot) / 4096) | 0, 8 << 28);
    if (mode.includes('S1')) hart.mmu.writeSatp(((RAM_BASE + vroot) / 4096) | 0, 8 << 28);
    hart.x[20] = (RAM_BASE + 0x10000) | 0; hart.x[10] = 0x7fffffff;
    hart.priv = mode.startsWith('M') ? 3 : 1; hart.virt = mode.startsWith('VS');
  };
  setup(); hart.run(2_000_000);
  setup(); calls = 0;
  const cpu = process.cpuUsage(); hart.run(n); const u = process.cpuUsage(cpu);
  if (hart.csr[0x342 * 2] !== 0 || hart.csr[0x142*2] !== 0) console.log('TRAPPED', hart.csr[0x342 * 2], hart.csr[0x343*2].toString(16));
  return n / ((u.user + u.system) / 1e6) / 1e6;
}
for (const m of ['M', 'S-bare', 'S1-sv39', 'VS-G', 'VS-GV']) { const r = measure(m, 10_000_000); console.log(m.padEnd(8), r.toFixed(1), 'M/s CPU; slow translations', calls); }
