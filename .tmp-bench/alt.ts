import { CoherentMemory, Hart, INSTRUCTION_BY_NAME, insertField } from '../packages/isa/src/index.js';
import { createRam, ramOnly } from '../packages/mmu/src/index.js';
const RAM_BASE = 0x8000_0000;
function encode(name: string, operands: Record<string, number> = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name)!;
  let word = spec.match;
  for (const f of spec.fields) { const v = operands[f.slot]; if (v !== undefined) word = insertField(f, word, v); }
  return word;
}
const body = [
  encode('ld', { rd: 6, rs1: 10, imm: 0 }), encode('add', { rd: 7, rs1: 7, rs2: 6 }), encode('xor', { rd: 8, rs1: 8, rs2: 7 }),
  encode('slli', { rd: 9, rs1: 8, imm: 3 }), encode('addi', { rd: 6, rs1: 6, imm: 1 }), encode('sd', { rs1: 10, rs2: 6, imm: 0 }),
];
function make(mode: string) {
  const ram = createRam(RAM_BASE, 1 << 22);
  const hart = new Hart({ memory: new CoherentMemory(ramOnly(ram)) });
  const words = [...body, encode('addi', { rd: 5, rs1: 5, imm: -1 }), encode('bne', { rs1: 5, rs2: 0, imm: -4 * (body.length + 1) })];
  words.forEach((w, i) => ram.view.setUint32(4 * i, w >>> 0, true));
  ram.view.setUint32(0x100000 + 16, ((0x80000 << 10) | 0xdf) >>> 0, true);
  return () => {
    hart.reset(RAM_BASE);
    hart.mmu.pmp.writeAddr(0, -1, 0x3fffff); hart.mmu.pmp.writeCfg(0, 0x1f, 0);
    hart.x[20] = (RAM_BASE + 0x10000) | 0; hart.x[10] = 0x7fffffff;
    if (mode === 'VS') hart.mmu.writeHgatp(((RAM_BASE + 0x100000) / 4096) | 0, 8 << 28);
    if (mode !== 'M') { hart.priv = 1; hart.virt = mode === 'VS'; }
    const cpu = process.cpuUsage(); hart.run(5_000_000); const u = process.cpuUsage(cpu);
    return 5 / ((u.user + u.system) / 1e6);
  };
}
const modes = (process.argv[2] ?? 'M,S,VS').split(',');
const runs = modes.map(make);
const best = modes.map(() => 0);
for (let r = 0; r < 8; r++) runs.forEach((f, i) => { best[i] = Math.max(best[i]!, f()); });
console.log(modes.map((m, i) => `${m} ${best[i]!.toFixed(1)}`).join('  '));
