/**
 * Interpreter throughput: millions of guest instructions per second of the
 * TypeScript hart on small loop programs (integer mix, multiply/divide, bit
 * manipulation). Instruction words come from the instruction table.
 *
 * Run: node --conditions=@rvhv/source --import tsx bench/interpreter-dispatch.ts
 */
import { pathToFileURL } from 'node:url';
import { CoherentMemory, Hart, INSTRUCTION_BY_NAME, insertField } from '@rvhv/isa';
import { createRam, ramOnly } from '@rvhv/mmu';

const RAM_BASE = 0x8000_0000;
const DATA = RAM_BASE + 0x10000;

type Operands = Partial<Record<'rd' | 'rs1' | 'rs2' | 'imm', number>>;

function encode(name: string, operands: Operands = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (spec === undefined) throw new Error(`no instruction '${name}'`);
  let word = spec.match;
  for (const f of spec.fields) {
    const v = operands[f.slot as keyof Operands];
    if (v !== undefined) word = insertField(f, word, v);
  }
  return word;
}

/** A loop body; the harness appends `addi x5, x5, -1; bne x5, x0, <start>` and sets x10 = DATA. */
const PROGRAMS: Record<string, number[]> = {
  // The mix DESIGN.md measured: add/xor/slli/addi/ld/sd/bne.
  'integer mix': [
    encode('ld', { rd: 6, rs1: 10, imm: 0 }),
    encode('add', { rd: 7, rs1: 7, rs2: 6 }),
    encode('xor', { rd: 8, rs1: 8, rs2: 7 }),
    encode('slli', { rd: 9, rs1: 8, imm: 3 }),
    encode('addi', { rd: 6, rs1: 6, imm: 1 }),
    encode('sd', { rs1: 10, rs2: 6, imm: 0 }),
  ],
  'mul/div': [
    encode('mul', { rd: 6, rs1: 5, rs2: 5 }),
    encode('mulhu', { rd: 7, rs1: 6, rs2: 5 }),
    encode('addi', { rd: 11, rs1: 5, imm: 7 }),
    encode('divu', { rd: 8, rs1: 6, rs2: 11 }),
    encode('remw', { rd: 9, rs1: 6, rs2: 11 }),
    encode('sub', { rd: 12, rs1: 6, rs2: 8 }),
  ],
  'bitmanip/W': [
    encode('sh2add', { rd: 6, rs1: 5, rs2: 10 }),
    encode('clz', { rd: 7, rs1: 6 }),
    encode('cpop', { rd: 8, rs1: 6 }),
    encode('rori', { rd: 9, rs1: 6, imm: 13 }),
    encode('addw', { rd: 11, rs1: 9, rs2: 8 }),
    encode('sraiw', { rd: 12, rs1: 11, imm: 3 }),
    encode('min', { rd: 13, rs1: 12, rs2: 9 }),
    encode('andn', { rd: 14, rs1: 13, rs2: 7 }),
  ],
};

export interface DispatchResult {
  name: string;
  instructions: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** Process CPU seconds (less disturbed by other load on a shared machine). */
  cpuSeconds: number;
  /** Millions of instructions per wall-clock second. */
  mips: number;
}

function measure(name: string, body: number[], instructions: number): DispatchResult {
  const ram = createRam(RAM_BASE, 1 << 20);
  const memory = new CoherentMemory(ramOnly(ram));
  const hart = new Hart({ memory });
  const words = [...body, encode('addi', { rd: 5, rs1: 5, imm: -1 }), encode('bne', { rs1: 5, rs2: 0, imm: -4 * (body.length + 1) })];
  words.forEach((w, i) => ram.view.setUint32(4 * i, w >>> 0, true));
  const run = (count: number): [wall: number, cpu: number] => {
    hart.reset(RAM_BASE);
    hart.x[10 * 2] = DATA | 0; // x10 = DATA (high word 0)
    hart.x[5 * 2] = 0x7fffffff; // x5 = loop count, never reaching 0 in one run
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    hart.run(count);
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    return [wall, (used.user + used.system) / 1e6];
  };
  run(Math.min(instructions, 2_000_000)); // warm up the JIT
  const [seconds, cpuSeconds] = run(instructions);
  return { name, instructions, seconds, cpuSeconds, mips: instructions / seconds / 1e6 };
}

/** Runs every program for `instructions` instructions each. */
export function benchInterpreterDispatch(instructions = 30_000_000): DispatchResult[] {
  return Object.entries(PROGRAMS).map(([name, body]) => measure(name, body, instructions));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 30_000_000);
  for (const r of benchInterpreterDispatch(n)) {
    const cpuMips = r.instructions / r.cpuSeconds / 1e6;
    console.log(
      `${r.name.padEnd(14)} ${r.mips.toFixed(1).padStart(7)} M instructions/s` +
        `  (${r.instructions} in ${r.seconds.toFixed(2)} s; ${cpuMips.toFixed(1)} M/s of CPU time)`,
    );
  }
}
