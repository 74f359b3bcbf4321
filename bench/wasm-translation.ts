/**
 * The first brick of the translator to WebAssembly, as a measured
 * prototype: a straight-line block of decoded RV64I instructions ending in
 * a conditional branch back to its start (a loop) becomes one WebAssembly
 * function, which runs on the very bytes the interpreter uses: guest RAM
 * and the hart's register block live in one WebAssembly.Memory
 * (register-file.ts layout: x[i] at 8 * i, little endian, which is an i64
 * to WebAssembly and two int32 halves to the TypeScript hart).
 *
 * What it shows and measures, on the "integer mix" loop of
 * interpreter-dispatch.ts (ld, add, xor, slli, addi, sd, addi, bne):
 * - the translated loop computes the same registers and memory as the
 *   interpreter (checked on every run);
 * - its speed next to the interpreter's, in the same run.
 *
 * The design it prototypes (DESIGN.md, "Performance architecture"):
 * - unit of translation: a block of one physical page, entered at a pc,
 *   ended by a branch or jump; chained to itself when the branch goes back
 *   to its start, with an instruction budget so the host still checks
 *   interrupts between slices (as the interpreter does between batches);
 * - guest registers are cached in WebAssembly locals inside the block,
 *   loaded on entry and stored back on every exit;
 * - memory accesses: RAM directly (here: M-mode, physical addresses);
 *   anything else leaves the block at the instruction ("side exit": pc
 *   stored in the hart block, count returned), and the interpreter executes
 *   it, then re-enters translated code. With translation on, the same
 *   would hold for a miss in a TLB kept in linear memory;
 * - x0 is the constant 0 and is never written; decoded instructions come
 *   from the decoder (the one instruction table), not a second list.
 *
 * Run: node --conditions=@rvhv/source --import tsx bench/wasm-translation.ts
 */
import { pathToFileURL } from 'node:url';
import { CoherentMemory, decode, Hart, HART_STATE_BYTES, INSTRUCTION_BY_NAME, insertField, registerFileAt, type Decoded } from '@rvhv/isa';
import { createRam, ramOnly } from '@rvhv/mmu';

const RAM_BASE = 0x8000_0000;
const RAM_SIZE = 1 << 20;
const DATA = RAM_BASE + 0x10000;
/** Where the hart's register block sits in the WebAssembly memory: right after RAM. */
const REGS = RAM_SIZE;
/** The hart block's slot for pc (the reserved range after the f registers, register-file.ts). */
const PC_SLOT = REGS + 512;
const WASM_PAGE = 65536;

type Operands = Partial<Record<'rd' | 'rs1' | 'rs2' | 'imm', number>>;

function encode(name: string, operands: Operands = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (spec === undefined) throw new Error(`no instruction '${name}'`);
  let word = spec.match;
  for (const f of spec.fields) {
    const v = operands[f.slot as keyof Operands];
    if (v !== undefined) word = insertField(f, word, v);
  }
  return word >>> 0;
}

/** The "integer mix" loop body; x10 = DATA, x5 counts down. */
const LOOP = [
  encode('ld', { rd: 6, rs1: 10, imm: 0 }),
  encode('add', { rd: 7, rs1: 7, rs2: 6 }),
  encode('xor', { rd: 8, rs1: 8, rs2: 7 }),
  encode('slli', { rd: 9, rs1: 8, imm: 3 }),
  encode('addi', { rd: 6, rs1: 6, imm: 1 }),
  encode('sd', { rs1: 10, rs2: 6, imm: 0 }),
  encode('addi', { rd: 5, rs1: 5, imm: -1 }),
  encode('bne', { rs1: 5, rs2: 0, imm: -28 }),
];

// ---- a minimal WebAssembly binary writer -------------------------------------------

const Op = {
  unreachable: 0x00,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i64Load: 0x29,
  i64Store: 0x37,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32GeU: 0x4f,
  i64Eq: 0x51,
  i64Ne: 0x52,
  i64LtS: 0x53,
  i64GtU: 0x56,
  i64GeS: 0x59,
  i32Add: 0x6a,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64And: 0x83,
  i64Or: 0x84,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrS: 0x87,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
} as const;
const I32 = 0x7f;
const I64 = 0x7e;
const VOID = 0x40;

/** WebAssembly bytes under construction. */
class Code {
  readonly bytes: number[] = [];
  op(...ops: number[]): this {
    this.bytes.push(...ops);
    return this;
  }
  uleb(n: number): this {
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n !== 0) b |= 0x80;
      this.bytes.push(b);
    } while (n !== 0);
    return this;
  }
  /** Signed LEB128 of any safe integer (for i32/i64 constants). */
  sleb(n: number): this {
    for (;;) {
      const b = ((n % 128) + 128) % 128;
      n = Math.floor(n / 128);
      if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
        this.bytes.push(b);
        return this;
      }
      this.bytes.push(b | 0x80);
    }
  }
  f64(value: number): this {
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.bytes.push(v.getUint8(i));
    return this;
  }
  /** A memory access immediate: alignment (log2) and offset. */
  mem(align: number, offset: number): this {
    return this.uleb(align).uleb(offset);
  }
}

function leb(n: number): number[] {
  return new Code().uleb(n).bytes;
}

function section(id: number, body: readonly number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...leb(items.length), ...items.flat()];
}

function utf8(s: string): number[] {
  return [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
}

/**
 * A module that imports env.memory (at least `pages` pages) and exports
 * `run: (budget: i32) => i32` with the given local declarations and body.
 */
function moduleBytes(pages: number, locals: readonly (readonly [count: number, type: number])[], body: readonly number[]): Uint8Array {
  const type = section(1, vector([[0x60, 1, I32, 1, I32]]));
  const imports = section(2, vector([[...utf8('env'), ...utf8('memory'), 0x02, 0x00, ...leb(pages)]]));
  const funcs = section(3, vector([[0]]));
  const exports = section(7, vector([[...utf8('run'), 0x00, 0]]));
  const fn = [...vector(locals.map(([n, t]) => [...leb(n), t])), ...body, Op.end];
  const code = section(10, vector([[...leb(fn.length), ...fn]]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...code]);
}

// ---- the translator --------------------------------------------------------------------

/** Locals of a translated block: param 0 is the budget (i32); x1..x31 are locals 1..31 (i64). */
const Local = { budget: 0, address: 32, count: 33 } as const;

const BINARY: Readonly<Record<string, { op: number; immediate: boolean }>> = {
  add: { op: Op.i64Add, immediate: false },
  sub: { op: Op.i64Sub, immediate: false },
  xor: { op: Op.i64Xor, immediate: false },
  or: { op: Op.i64Or, immediate: false },
  and: { op: Op.i64And, immediate: false },
  addi: { op: Op.i64Add, immediate: true },
  xori: { op: Op.i64Xor, immediate: true },
  ori: { op: Op.i64Or, immediate: true },
  andi: { op: Op.i64And, immediate: true },
  slli: { op: Op.i64Shl, immediate: true },
  srli: { op: Op.i64ShrU, immediate: true },
  srai: { op: Op.i64ShrS, immediate: true },
};

const BRANCH: Readonly<Record<string, number>> = { beq: Op.i64Eq, bne: Op.i64Ne, blt: Op.i64LtS, bge: Op.i64GeS };

/**
 * Translates a block of 4-byte instructions at `pc` whose last one is a
 * branch back to `pc` into `run(budget)`: it goes round while the branch
 * is taken and fewer than `budget` instructions have run, and returns how
 * many ran, with the next pc (a number, as the hart keeps it) in the hart
 * block's pc slot. Loads and stores outside RAM leave the block before the
 * instruction (a side exit) for the interpreter to execute.
 */
export function translateLoop(block: readonly Decoded[], pc: number): Uint8Array {
  const c = new Code();
  const used = new Set<number>();
  for (const d of block) for (const r of [d.rd, d.rs1, d.rs2]) if (r !== 0) used.add(r);
  const reg = (r: number): void => {
    if (r === 0) c.op(Op.i64Const).sleb(0);
    else c.op(Op.localGet).uleb(r);
  };
  /** Leaves the block: registers back to memory, `nextPc` to the pc slot, count + `more` returned. */
  const exit = (nextPc: number, more: number): void => {
    for (const r of used) c.op(Op.i32Const).sleb(0).op(Op.localGet).uleb(r).op(Op.i64Store).mem(3, REGS + 8 * r);
    c.op(Op.i32Const).sleb(0).op(Op.f64Const).f64(nextPc).op(Op.f64Store).mem(3, PC_SLOT);
    c.op(Op.localGet).uleb(Local.count).op(Op.i32Const).sleb(more).op(Op.i32Add).op(Op.return);
  };
  /** address := x[rs1] + imm - RAM_BASE, leaving before instruction k when the access is not all in RAM. */
  const ramAddress = (d: Decoded, k: number, width: number): void => {
    reg(d.rs1);
    c.op(Op.i64Const).sleb(d.imm - RAM_BASE).op(Op.i64Add).op(Op.localTee).uleb(Local.address);
    c.op(Op.i64Const).sleb(RAM_SIZE - width).op(Op.i64GtU).op(Op.if, VOID);
    exit(pc + 4 * k, k);
    c.op(Op.end);
  };

  for (const r of used) c.op(Op.i32Const).sleb(0).op(Op.i64Load).mem(3, REGS + 8 * r).op(Op.localSet).uleb(r);
  c.op(Op.loop, VOID);
  block.forEach((d, k) => {
    const name = d.spec.name;
    if (d.length !== 4) throw new Error('the prototype translates 32-bit instructions only');
    const binary = BINARY[name];
    if (binary !== undefined) {
      if (d.rd === 0) return; // x0 is never written
      reg(d.rs1);
      if (binary.immediate) c.op(Op.i64Const).sleb(d.imm);
      else reg(d.rs2);
      c.op(binary.op, Op.localSet).uleb(d.rd);
      return;
    }
    if (name === 'ld') {
      ramAddress(d, k, 8);
      if (d.rd !== 0) c.op(Op.localGet).uleb(Local.address).op(Op.i32WrapI64, Op.i64Load).mem(3, 0).op(Op.localSet).uleb(d.rd);
      return;
    }
    if (name === 'sd') {
      ramAddress(d, k, 8);
      c.op(Op.localGet).uleb(Local.address).op(Op.i32WrapI64);
      reg(d.rs2);
      c.op(Op.i64Store).mem(3, 0);
      return;
    }
    const branch = BRANCH[name];
    if (branch !== undefined && k === block.length - 1 && d.imm === -4 * k) {
      c.op(Op.localGet).uleb(Local.count).op(Op.i32Const).sleb(block.length).op(Op.i32Add).op(Op.localSet).uleb(Local.count);
      reg(d.rs1);
      reg(d.rs2);
      c.op(branch, Op.if, VOID);
      // Taken: round again, unless the budget is spent (then leave with pc at the block's start).
      c.op(Op.localGet).uleb(Local.count).op(Op.localGet).uleb(Local.budget).op(Op.i32GeU, Op.if, VOID);
      exit(pc, 0);
      c.op(Op.end, Op.br).uleb(1);
      c.op(Op.end);
      exit(pc + 4 * block.length, 0);
      return;
    }
    throw new Error(`the prototype does not translate ${name} there`);
  });
  c.op(Op.end, Op.unreachable);
  const pages = Math.ceil((REGS + HART_STATE_BYTES) / WASM_PAGE);
  return moduleBytes(pages, [[32, I64], [1, I32]], c.bytes);
}

// ---- the benchmark ------------------------------------------------------------------------

interface Machine {
  readonly hart: Hart;
  readonly ram: ReturnType<typeof createRam>;
  readonly memory: WebAssembly.Memory;
}

/** RAM and the hart's registers in one WebAssembly.Memory, the loop at RAM_BASE, x10 = DATA, x5 = iterations. */
function machine(iterations: number): Machine {
  const memory = new WebAssembly.Memory({ initial: Math.ceil((REGS + HART_STATE_BYTES) / WASM_PAGE) });
  const ram = createRam(RAM_BASE, RAM_SIZE, memory, 0);
  const hart = new Hart({ memory: new CoherentMemory(ramOnly(ram)), registers: registerFileAt(memory.buffer, REGS) });
  LOOP.forEach((w, i) => ram.view.setUint32(4 * i, w, true));
  hart.x[10 * 2] = DATA | 0;
  hart.x[5 * 2] = iterations;
  return { hart, ram, memory };
}

function cpuSeconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export interface WasmTranslationResult {
  readonly instructions: number;
  /** M instructions per CPU second: the interpreter and the translated loop. */
  readonly interpreterMips: number;
  readonly translatedMips: number;
  /** Whether both left the same registers, pc and memory. */
  readonly agree: boolean;
}

/** Runs the loop `iterations` times on the interpreter and translated; compares the results. */
export function benchWasmTranslation(iterations = 2_000_000): WasmTranslationResult {
  const instructions = iterations * LOOP.length;
  const decoded = LOOP.map((w) => decode(w)!);
  const bytes = translateLoop(decoded, RAM_BASE);

  const interpreted = machine(iterations);
  interpreted.hart.run(100_000); // warm up the JIT, then start again
  const reference = machine(iterations);
  const interpreterSeconds = cpuSeconds(() => {
    let done = 0;
    while (done < instructions) done += reference.hart.run(Math.min(1_000_000, instructions - done));
  });

  const translated = machine(iterations);
  const module = new WebAssembly.Module(bytes);
  const run = (new WebAssembly.Instance(module, { env: { memory: translated.memory } }).exports as { run: (budget: number) => number }).run;
  const pcSlot = new Float64Array(translated.memory.buffer, PC_SLOT, 1);
  const translatedSeconds = cpuSeconds(() => {
    let done = 0;
    // Slices of about a million instructions, as a scheduler would give them (interrupts are checked between).
    while (done < instructions) done += run(1_000_000);
    translated.hart.pc = pcSlot[0]!;
  });

  const same = (a: Machine, b: Machine): boolean =>
    a.hart.pc === b.hart.pc && a.hart.x.every((v, i) => v === b.hart.x[i]) && a.ram.view.getBigUint64(DATA - RAM_BASE, true) === b.ram.view.getBigUint64(DATA - RAM_BASE, true);
  return {
    instructions,
    interpreterMips: instructions / interpreterSeconds / 1e6,
    translatedMips: instructions / translatedSeconds / 1e6,
    agree: same(reference, translated),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = benchWasmTranslation(Number(process.argv[2] ?? 2_000_000));
  console.log(
    `integer mix, ${r.instructions / 1e6} M instructions: interpreter ${r.interpreterMips.toFixed(1)} M/s, ` +
      `translated to WebAssembly ${r.translatedMips.toFixed(0)} M/s (${(r.translatedMips / r.interpreterMips).toFixed(1)}x), ` +
      `results ${r.agree ? 'agree' : 'DIFFER'}`,
  );
}
