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
      /** Where the trap came from (xepc) and its value (xtval). */
      readonly epc: number;
      readonly tval: number;
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

/** The trap the hart just took, read from the CSRs of the mode it is now in. */
export function lastTrap(hart: Hart): TraceEvent {
  const inM = hart.priv === Privilege.M;
  const cause = hart.csr[(inM ? CSR.mcause : CSR.scause) * 2]!;
  const causeHi = hart.csr[(inM ? CSR.mcause : CSR.scause) * 2 + 1]!;
  return {
    kind: 'trap',
    cause,
    interrupt: causeHi < 0,
    epc: hart.csrNumber(inM ? CSR.mepc : CSR.sepc),
    tval: hart.csrNumber(inM ? CSR.mtval : CSR.stval),
    mode: inM ? 'M' : 'S',
  };
}

function hex(n: number, digits = 0): string {
  const s = n < 0 ? `-${(-n).toString(16)}` : n.toString(16);
  return `0x${s.padStart(digits, '0')}`;
}

/** One line of text per event, in the style of Spike's `-l` log: `pc (bits) disassembly`. */
export function formatTraceEvent(event: TraceEvent): string {
  if (event.kind === 'trap') {
    const what = event.interrupt ? 'interrupt' : 'exception';
    return `  trap to ${event.mode}: ${what} ${event.cause}, epc ${hex(event.epc)}, tval ${hex(event.tval)}`;
  }
  if (event.raw === undefined) return `${hex(event.pc, 16)} (not in RAM)`;
  const bits = (event.raw & 3) === 3 ? hex(event.raw >>> 0, 8) : hex(event.raw, 4);
  return `${hex(event.pc, 16)} (${bits}) ${disassemble(event.raw, event.pc)}`;
}
