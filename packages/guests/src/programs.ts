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
  { name: 'hypervisor', file: 'hypervisor.S', description: 'H extension: hypervisor CSRs, VS replicas, virtual instructions, delegation, SRET/MRET with V, hvip, HLV/HSV, htimedelta, Sstc' },
  { name: 'hypervisor-guest', file: 'hypervisor-guest.S', description: 'a hypervisor in assembly: G-stage table, VS guest, hypercalls, MMIO emulated from htinst' },
  { name: 'rv64f', file: 'rv64f.S', description: 'F extension: arithmetic in every rounding mode, flags, NaNs, min/max, sign injection, compare, fclass' },
  { name: 'rv64d', file: 'rv64d.S', description: 'D extension: arithmetic in every rounding mode, flags, NaNs, min/max, sign injection, compare, fclass' },
  { name: 'fcvt', file: 'fcvt.S', description: 'F/D conversions: every rounding mode, saturation, sign extension, fcvt.s.d/fcvt.d.s' },
  { name: 'fmadd', file: 'fmadd.S', description: 'F/D fused multiply-add: one rounding, signed zeros, invalid inf * 0, overflow/underflow' },
  { name: 'nan-boxing', file: 'nan-boxing.S', description: 'NaN-boxed singles, float loads/stores/moves (compressed too), improperly boxed operands' },
  { name: 'fcsr', file: 'fcsr.S', description: 'fflags accrual, frm/fcsr, static vs dynamic rm, reserved rm, mstatus.FS Off/Dirty' },
];

/** The program `rvhv` runs when given no arguments. */
export const DEMO_GUEST = 'hello';

/** The program called `name`, if there is one. */
export function guestProgram(name: string): GuestProgram | undefined {
  return GUEST_PROGRAMS.find((p) => p.name === name);
}
