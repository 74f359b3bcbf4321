/** One of the project's own guest programs (assembly in ./programs/). */
export interface GuestProgram {
  /** Short name: `rvhv` and the tests refer to programs by it. */
  readonly name: string;
  /** Source file in src/programs/. */
  readonly file: string;
  readonly description: string;
  /** How the program misaligned loads/stores expect to be handled, when it matters. */
  readonly misaligned?: 'perform' | 'trap';
}

/**
 * Every program of src/programs/ that runs to an HTIF pass. The guests test
 * assembles each with the project's assembler and runs it expecting a pass;
 * add new programs here.
 */
export const GUEST_PROGRAMS: readonly GuestProgram[] = [
  { name: 'hello', file: 'hello.S', description: 'the demo: greets, sums the primes below 1000, passes' },
  { name: 'rv64i', file: 'rv64i.S', description: 'RV64I instruction by instruction' },
  { name: 'traps', file: 'traps.S', description: 'traps, ecall from M/S/U, CSR privilege, mret/sret, delegation' },
  { name: 'misaligned', file: 'misaligned.S', description: 'misaligned loads/stores (performed or trapped, consistently) and atomics' },
  { name: 'rv64m', file: 'rv64m.S', description: 'M extension: products, division by zero, overflow, W forms' },
];

/** The program `rvhv` runs when given no arguments. */
export const DEMO_GUEST = 'hello';

/** The program called `name`, if there is one. */
export function guestProgram(name: string): GuestProgram | undefined {
  return GUEST_PROGRAMS.find((p) => p.name === name);
}
