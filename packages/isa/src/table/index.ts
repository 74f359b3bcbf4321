import type { InstructionSpec } from './instruction-spec.js';
import { HYPERVISOR } from './hypervisor.js';
import { PRIVILEGED } from './privileged.js';
import { RV64A } from './rv64a.js';
import { RV64D } from './rv64d.js';
import { RV64F } from './rv64f.js';
import { RV64I } from './rv64i.js';
import { RV64M } from './rv64m.js';
import { RVC } from './rvc.js';
import { ZBA } from './zba.js';
import { ZBB } from './zbb.js';
import { ZBS } from './zbs.js';
import { ZICOND } from './zicond.js';
import { ZICSR } from './zicsr.js';
import { ZIFENCEI } from './zifencei.js';

/** Every instruction rvhv knows, in one table (decoder, disassembler, assembler, tests). */
export const INSTRUCTIONS: readonly InstructionSpec[] = [
  ...RV64I,
  ...RV64M,
  ...RV64A,
  ...RV64F,
  ...RV64D,
  ...ZICSR,
  ...ZIFENCEI,
  ...ZBA,
  ...ZBB,
  ...ZBS,
  ...ZICOND,
  ...PRIVILEGED,
  ...HYPERVISOR,
  ...RVC,
];

/** Table rows by mnemonic. */
export const INSTRUCTION_BY_NAME: ReadonlyMap<string, InstructionSpec> = new Map(INSTRUCTIONS.map((i) => [i.name, i]));

/** Index of a mnemonic in {@link INSTRUCTIONS}; the decoder's `op` numbers. */
export const OPCODE_INDEX: ReadonlyMap<string, number> = new Map(INSTRUCTIONS.map((i, n) => [i.name, n]));
