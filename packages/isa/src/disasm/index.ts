export { disassemble, formatInstruction } from './disassemble.js';
export type { DisassemblyOptions } from './disassemble.js';
export { XREG_NAMES, FREG_NAMES, ROUNDING_MODE_NAMES } from './operand-format.js';
export type { Address } from './operand-format.js';
