import type { ExecuteHandler } from '../hart.js';
import { FLOAT_ARITH_HANDLERS } from './float-arith.js';
import { FLOAT_COMPARE_HANDLERS } from './float-compare.js';
import { FLOAT_CONVERT_HANDLERS } from './float-convert.js';
import { FLOAT_MEMORY_HANDLERS } from './float-mem.js';
import { FLOAT_MOVE_HANDLERS } from './float-move.js';

/**
 * The F and D extensions (unprivileged spec chapters 11 and 12), RV64 forms
 * included; the compressed float loads and stores arrive as fld/fsd.
 */
export const FLOAT_HANDLERS: Record<string, ExecuteHandler> = {
  ...FLOAT_MEMORY_HANDLERS,
  ...FLOAT_ARITH_HANDLERS,
  ...FLOAT_COMPARE_HANDLERS,
  ...FLOAT_MOVE_HANDLERS,
  ...FLOAT_CONVERT_HANDLERS,
};
