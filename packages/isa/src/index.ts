export { FIELDS, extractField, insertField, fieldAccepts } from './table/fields.js';
export type { FieldSpec, FieldKind, FieldName, DecodedSlot, BitSlice } from './table/fields.js';
export { insn, syntaxFieldNames } from './table/instruction-spec.js';
export type { InstructionSpec, Extension, Expansion, ExpansionSlot } from './table/instruction-spec.js';
export { INSTRUCTIONS, INSTRUCTION_BY_NAME, OPCODE_INDEX } from './table/index.js';
export { decode, matchInstruction, instructionLength } from './decode/decoder.js';
export type { Decoded } from './decode/decoder.js';
