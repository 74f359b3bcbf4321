import type { Clock } from '@rvhv/devices';
import { VIRT_TIMEBASE_HZ } from '../fdt/virt-layout.js';

/** Nanoseconds per tick of the 10 MHz timebase. */
const NS_PER_TICK = 1e9 / VIRT_TIMEBASE_HZ;

/** The part of a hart the clock reads while the hart runs: its count of executed instructions. */
export interface InstructionCounter {
  readonly cycles: number;
}

/**
 * Time from the instruction count, as QEMU's `-icount shift=N`: every
 * instruction any hart executes advances time by 2^N ns, so the same
 * guest with the same input sees the same times in every run. The count
 * is global over the harts (they take turns on one host thread), and it
 * is exact inside a time slice: while a hart runs, its own progress since
 * the slice began is counted, so `time` and mtime never stand still in a
 * polling loop. When every hart waits (WFI) the board skips the count
 * forward to the next timer deadline.
 */
export class InstructionClock implements Clock {
  readonly frequency = VIRT_TIMEBASE_HZ;
  /** Nanoseconds per instruction: 2^shift. */
  readonly nsPerInstruction: number;
  /** Instructions (and skipped idle time, in instructions) before the current slice. */
  private counted = 0;
  private running: InstructionCounter | undefined;
  private sliceStart = 0;

  constructor(shift = 0) {
    if (!Number.isInteger(shift) || shift < 0 || shift > 10) throw new RangeError(`icount shift ${shift} is not in 0..10`);
    this.nsPerInstruction = 2 ** shift;
  }

  /** Instructions counted so far, including those of the hart running now. */
  get instructions(): number {
    return this.counted + (this.running === undefined ? 0 : this.running.cycles - this.sliceStart);
  }

  now(): number {
    return Math.floor((this.instructions * this.nsPerInstruction) / NS_PER_TICK);
  }

  /** A hart starts a time slice: its instructions count from here. */
  beginSlice(hart: InstructionCounter): void {
    this.running = hart;
    this.sliceStart = hart.cycles;
  }

  /** The slice ends: what the hart executed becomes part of the count. */
  endSlice(): void {
    if (this.running === undefined) return;
    this.counted += this.running.cycles - this.sliceStart;
    this.running = undefined;
  }

  /** Idle time: moves the count forward so that {@link now} reaches `ticks` (never backwards). */
  skipTo(ticks: number): void {
    const needed = Math.ceil((ticks * NS_PER_TICK) / this.nsPerInstruction);
    if (needed > this.counted) this.counted = needed;
  }
}
