import { CSR, disassemble, Privilege, type Hart } from '@rvhv/isa';

/** What a traced run reports, in execution order. */
export type TraceEvent =
  | {
      readonly kind: 'instruction';
      readonly pc: number;
      /** The instruction bits (16 of them for a compressed instruction), or undefined when pc is not in RAM. */
      readonly raw: number | undefined;
    }
  | {
      readonly kind: 'trap';
      readonly cause: number;
      readonly interrupt: boolean;
      /** Where the trap came from (xepc) and its value (xtval), as unsigned 64-bit values. */
      readonly epc: bigint;
      readonly tval: bigint;
      /** The mode that took it. */
      readonly mode: 'M' | 'S';
    };

export type TraceSink = (event: TraceEvent) => void;

/** The instruction bits at `pc` read from RAM without side effects (no fault, no cache fill), if pc is in RAM. */
export function peekInstruction(hart: Hart, pc: number): number | undefined {
  const ram = hart.memory.ram;
  const off = pc - ram.base;
  if (!(off >= 0 && off <= ram.size - 2)) return undefined;
  const low = ram.view.getUint16(off, true);
  if ((low & 3) !== 3) return low;
  if (off > ram.size - 4) return undefined;
  return (low | (ram.view.getUint16(off + 2, true) << 16)) >>> 0;
}

/** A CSR's 64 bits, unsigned. */
function csr64(hart: Hart, n: number): bigint {
  return (BigInt(hart.csr[n * 2 + 1]! >>> 0) << 32n) | BigInt(hart.csr[n * 2]! >>> 0);
}

/** The trap the hart just took, read from the CSRs of the mode it is now in. */
export function lastTrap(hart: Hart): Extract<TraceEvent, { kind: 'trap' }> {
  const inM = hart.priv === Privilege.M;
  const cause = inM ? CSR.mcause : CSR.scause;
  return {
    kind: 'trap',
    cause: hart.csr[cause * 2]! & 0x7fff_ffff,
    interrupt: hart.csr[cause * 2 + 1]! < 0,
    epc: csr64(hart, inM ? CSR.mepc : CSR.sepc),
    tval: csr64(hart, inM ? CSR.mtval : CSR.stval),
    mode: inM ? 'M' : 'S',
  };
}

/** Hex of a 64-bit value given as a signed number or an unsigned bigint. */
export function hex64(value: number | bigint, digits = 0): string {
  const v = typeof value === 'bigint' ? value : BigInt.asUintN(64, BigInt(value));
  return `0x${v.toString(16).padStart(digits, '0')}`;
}

/** One line of text per event, in the style of Spike's `-l` log: `pc (bits) disassembly`. */
export function formatTraceEvent(event: TraceEvent): string {
  if (event.kind === 'trap') {
    const what = event.interrupt ? 'interrupt' : 'exception';
    return `  trap to ${event.mode}: ${what} ${event.cause}, epc ${hex64(event.epc)}, tval ${hex64(event.tval)}`;
  }
  if (event.raw === undefined) return `${hex64(event.pc, 16)} (not in RAM)`;
  const bits = (event.raw & 3) === 3 ? hex64(event.raw >>> 0, 8) : hex64(event.raw, 4);
  return `${hex64(event.pc, 16)} (${bits}) ${disassemble(event.raw, event.pc)}`;
}
