import type { Decoded } from '../decode/decoder.js';
import { INSTRUCTIONS } from '../table/index.js';
import { HANDLERS } from './exec/handlers.js';
import type { ExecuteHandler } from './hart.js';

/** Per opcode: whether the instruction has an rd operand, i.e. may write x[rd] (or f[rd]). */
const HAS_RD: readonly boolean[] = INSTRUCTIONS.map((spec) => spec.fields.some((f) => f.slot === 'rd'));

/**
 * Per opcode: the handler followed by x0 := 0. x0 reads as zero
 * (unprivileged spec 2.1) but handlers write x[rd] without looking at rd;
 * rather than clearing x0 after every instruction, the run loop leaves it
 * alone and only instructions that name x0 as rd get this wrapper.
 */
const KEEPING_X0: readonly ExecuteHandler[] = HANDLERS.map(
  (handler): ExecuteHandler =>
    function keepingX0(h, d) {
      handler(h, d);
      h.x[0] = 0;
      h.x[1] = 0;
    },
);

/** Sets `d.exec` to the handler the hart runs for it (see {@link KEEPING_X0}). */
export function bindHandler(d: Decoded): Decoded {
  d.exec = d.rd === 0 && HAS_RD[d.op] === true ? KEEPING_X0[d.op]! : HANDLERS[d.op]!;
  return d;
}
