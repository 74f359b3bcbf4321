/**
 * Test harness for the hart: RAM at 0x8000_0000, one CoherentMemory, one
 * Hart; instruction words encoded from the instruction table (the single
 * source of encodings) and run step by step.
 */
import { createRam, ramOnly, type RamWindow } from '@rvhv/mmu';
import { CoherentMemory } from '../../src/hart/coherent-memory.js';
import { Hart, type MisalignedPolicy } from '../../src/hart/hart.js';
import { INSTRUCTION_BY_NAME } from '../../src/table/index.js';
import { insertField } from '../../src/table/fields.js';
import { CSR } from '../../src/table/csrs.js';
import { fromHalves, halves } from './int64-reference.js';

export const RAM_BASE = 0x8000_0000;

/** Operands by decoded slot (rd, rs1, rs2, imm) or by field name (aq, rl, pred, succ...). */
export type Operands = Partial<Record<string, number>>;

/** The instruction word for `name` with the given operands (unnamed operands are 0). */
export function encode(name: string, operands: Operands = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (spec === undefined) throw new Error(`no instruction '${name}' in the table`);
  let word = spec.match;
  for (const f of [...spec.fields, ...(spec.ordering ?? [])]) {
    const value = operands[f.name] ?? operands[f.slot];
    if (value !== undefined) word = insertField(f, word, value);
  }
  return word >>> 0;
}

export interface TestMachine {
  readonly ram: RamWindow;
  readonly memory: CoherentMemory;
  readonly hart: Hart;
}

export interface MachineOptions {
  ramSize?: number;
  misaligned?: MisalignedPolicy;
  /** Number of harts sharing the memory (index 0 is `hart`). */
  harts?: number;
}

export function createMachine(options: MachineOptions = {}): TestMachine & { harts: Hart[] } {
  const ram = createRam(RAM_BASE, options.ramSize ?? 64 * 1024);
  const memory = new CoherentMemory(ramOnly(ram));
  const harts: Hart[] = [];
  for (let i = 0; i < (options.harts ?? 1); i++) {
    harts.push(new Hart({ hartId: i, memory, misaligned: options.misaligned ?? 'perform' }));
  }
  return { ram, memory, hart: harts[0]!, harts };
}

/** Writes 32-bit words at `address` (in RAM) and drops any decoded copies of them. */
export function writeWords(m: TestMachine, address: number, words: readonly number[]): void {
  const off = address - RAM_BASE;
  words.forEach((w, i) => m.ram.view.setUint32(off + 4 * i, w >>> 0, true));
  m.memory.noteRamWrite(off, 4 * words.length);
}

/** Writes 16-bit parcels (compressed instructions) at `address`. */
export function writeHalves(m: TestMachine, address: number, parcels: readonly number[]): void {
  const off = address - RAM_BASE;
  parcels.forEach((p, i) => m.ram.view.setUint16(off + 2 * i, p, true));
  m.memory.noteRamWrite(off, 2 * parcels.length);
}

/** Loads a program of instruction words at `address` and points pc at it. */
export function loadProgram(m: TestMachine, words: readonly number[], address = RAM_BASE): void {
  writeWords(m, address, words);
  m.hart.pc = m.hart.nextPc = address;
}

export function setX(h: Hart, r: number, value: bigint): void {
  const [lo, hi] = halves(value);
  h.x[2 * r] = lo;
  h.x[2 * r + 1] = hi;
}

/** x[r] as a signed 64-bit BigInt. */
export function getX(h: Hart, r: number): bigint {
  return fromHalves(h.x[2 * r]!, h.x[2 * r + 1]!);
}

export function readMemory64(m: TestMachine, address: number): bigint {
  const off = address - RAM_BASE;
  return fromHalves(m.ram.view.getInt32(off, true), m.ram.view.getInt32(off + 4, true));
}

export function writeMemory64(m: TestMachine, address: number, value: bigint): void {
  const [lo, hi] = halves(value);
  const off = address - RAM_BASE;
  m.ram.view.setInt32(off, lo, true);
  m.ram.view.setInt32(off + 4, hi, true);
  m.memory.noteRamWrite(off, 8);
}

/** A CSR as a signed BigInt. */
export function getCsr(h: Hart, n: number): bigint {
  return fromHalves(h.csr[2 * n]!, h.csr[2 * n + 1]!);
}

export interface TrapRecord {
  mcause: bigint;
  mepc: bigint;
  mtval: bigint;
}

export function lastTrap(h: Hart): TrapRecord {
  return { mcause: getCsr(h, CSR.mcause), mepc: getCsr(h, CSR.mepc), mtval: getCsr(h, CSR.mtval) };
}

/**
 * Executes one instruction word at `pc` (default RAM_BASE) with the given
 * register values and returns the hart. Registers not named keep their value.
 */
export function execute(m: TestMachine, word: number, regs: Readonly<Record<number, bigint>> = {}, pc = RAM_BASE): Hart {
  writeWords(m, pc, [word]);
  const h = m.hart;
  // x0 stays 0: the hart zeroes it only after each instruction.
  for (const [r, v] of Object.entries(regs)) if (Number(r) !== 0) setX(h, Number(r), v);
  h.pc = h.nextPc = pc;
  h.step();
  return h;
}
