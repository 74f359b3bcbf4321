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
  { name: 'rv64a', file: 'rv64a.S', description: 'A extension: every AMO (.w/.d), LR/SC success and failure, x0 forms, access faults, misaligned atomics' },
  { name: 'rvc', file: 'rvc.S', description: 'C extension: every compressed instruction at its immediate edges, c.jalr links, c.ebreak, HINTs, reserved encodings' },
  { name: 'zba', file: 'zba.S', description: 'Zba: add.uw, shNadd(.uw), slli.uw with edge operands' },
  { name: 'zbb', file: 'zbb.S', description: 'Zbb: andn/orn/xnor, counts, min/max, extensions, rotations, orc.b, rev8' },
  { name: 'zbs', file: 'zbs.S', description: 'Zbs: single-bit clear/extract/invert/set, register and immediate forms' },
  { name: 'zicond', file: 'zicond.S', description: 'Zicond: czero.eqz/czero.nez, x0 operands, conditional select' },
  { name: 'interrupts', file: 'interrupts.S', description: 'software-raised S-level interrupts: where taken, delegation, priority, enables, vectored xtvec, xRET, WFI' },
  { name: 'csr-warl', file: 'csr-warl.S', description: 'WARL CSR fields (xtvec, MPP, satp, misa, delegation, xepc) and CSR access from the wrong privilege' },
  { name: 'counters', file: 'counters.S', description: 'cycle/instret: counting, writes, mcountinhibit, mcounteren/scounteren gates' },
];

/** The program `rvhv` runs when given no arguments. */
export const DEMO_GUEST = 'hello';

/** The program called `name`, if there is one. */
export function guestProgram(name: string): GuestProgram | undefined {
  return GUEST_PROGRAMS.find((p) => p.name === name);
}
