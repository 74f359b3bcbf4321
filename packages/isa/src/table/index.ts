import type { InstructionSpec } from './instruction-spec.js';
import { RV64I } from './rv64i.js';

/** Every instruction rvhv knows, in one table (decoder, disassembler, assembler, tests). */
export const INSTRUCTIONS: readonly InstructionSpec[] = [...RV64I];

/** Table rows by mnemonic. */
export const INSTRUCTION_BY_NAME: ReadonlyMap<string, InstructionSpec> = new Map(INSTRUCTIONS.map((i) => [i.name, i]));

/** Index of a mnemonic in {@link INSTRUCTIONS}; the decoder's `op` numbers. */
export const OPCODE_INDEX: ReadonlyMap<string, number> = new Map(INSTRUCTIONS.map((i, n) => [i.name, n]));
