import { CoherentMemory, Hart, INSTRUCTION_BY_NAME, insertField, CSR } from '../packages/isa/src/index.js';
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
function measure(mode: 'M' | 'S' | 'VS', n: number): number {
  const ram = createRam(RAM_BASE, 1 << 22);
  const hart = new Hart({ memory: new CoherentMemory(ramOnly(ram)) });
  const words = [...body, encode('addi', { rd: 5, rs1: 5, imm: -1 }), encode('bne', { rs1: 5, rs2: 0, imm: -4 * (body.length + 1) })];
  words.forEach((w, i) => ram.view.setUint32(4 * i, w >>> 0, true));
  const setup = () => {
    hart.reset(RAM_BASE);
    hart.mmu.pmp.writeAddr(0, -1, 0x3fffff); hart.mmu.pmp.writeCfg(0, 0x1f, 0);
    hart.x[20] = (RAM_BASE + 0x10000) | 0; hart.x[10] = 0x7fffffff;
    if (mode !== 'M') { hart.priv = 1; hart.virt = mode === 'VS'; }
  };
  setup(); hart.run(2_000_000);
  setup();
  const cpu = process.cpuUsage(); hart.run(n); const u = process.cpuUsage(cpu);
  return n / ((u.user + u.system) / 1e6) / 1e6;
}
for (const m of ['M', 'S', 'VS'] as const) console.log(m, measure(m, 10_000_000).toFixed(1), 'M/s CPU');
void CSR;
