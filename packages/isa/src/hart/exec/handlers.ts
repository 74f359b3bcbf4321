import { INSTRUCTIONS } from '../../table/index.js';
import type { ExecuteHandler } from '../hart.js';
import { ATOMIC_HANDLERS } from './atomic.js';
import { BASE_HANDLERS } from './base.js';
import { BITMANIP_HANDLERS } from './bitmanip.js';
import { FLOAT_HANDLERS } from './float.js';
import { MULDIV_HANDLERS } from './muldiv.js';
import { SVINVAL_HANDLERS } from './svinval.js';
import { illegal, SYSTEM_HANDLERS } from './system.js';

/** Handlers of every extension, by mnemonic. Each exec module owns one extension group. */
const BY_NAME: Record<string, ExecuteHandler> = {
  ...SYSTEM_HANDLERS,
  ...BASE_HANDLERS,
  ...MULDIV_HANDLERS,
  ...ATOMIC_HANDLERS,
  ...BITMANIP_HANDLERS,
  ...FLOAT_HANDLERS,
  ...SVINVAL_HANDLERS,
};

/** Handlers indexed like INSTRUCTIONS (the decoder's `op`). Rows without semantics raise illegal instruction. */
export const HANDLERS: readonly ExecuteHandler[] = INSTRUCTIONS.map((spec) => BY_NAME[spec.name] ?? illegal);

/** Mnemonics of table rows that have no handler (a table test requires there be none). */
export function unimplementedInstructions(): string[] {
  return INSTRUCTIONS.filter((spec) => !spec.expand && BY_NAME[spec.name] === undefined).map((spec) => spec.name);
}
