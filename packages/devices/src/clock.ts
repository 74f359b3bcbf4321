/**
 * A time source for device timers (CLINT mtime, goldfish RTC). Devices read
 * time only through this port: the board decides whether time follows the
 * guest's instruction count (deterministic: same input, same run) or the
 * host's wall clock, and no device knows which.
 */
export interface Clock {
  /** Ticks per second of {@link now}. */
  readonly frequency: number;
  /** Ticks since the clock's origin: a non-negative integer that never decreases. */
  now(): number;
}

/** The CLINT timebase of QEMU's `virt` board: 10 MHz (`timebase-frequency` in its device tree). */
export const VIRT_TIMEBASE_FREQUENCY = 10_000_000;

/**
 * A clock that moves only when told to: the board advances it from the
 * instructions its harts retired, or jumps it to the next timer deadline
 * when every hart waits in WFI. Runs that feed the same input get the same
 * times.
 */
export class ManualClock implements Clock {
  readonly frequency: number;
  private ticks = 0;

  constructor(frequency = VIRT_TIMEBASE_FREQUENCY, start = 0) {
    checkFrequency(frequency);
    this.frequency = frequency;
    this.set(start);
  }

  now(): number {
    return this.ticks;
  }

  /** Moves time forward by `ticks` (a non-negative integer). */
  advance(ticks: number): void {
    this.set(this.ticks + ticks);
  }

  /** Sets the time; it never goes backwards (earlier values are ignored). */
  set(ticks: number): void {
    if (!Number.isSafeInteger(ticks) || ticks < 0) throw new RangeError(`clock time ${ticks} is not a non-negative safe integer`);
    if (ticks > this.ticks) this.ticks = ticks;
  }
}

/**
 * A clock derived from a counter the board owns, e.g. the instructions
 * retired by hart 0: `now = floor(count() / countsPerTick)`. With the hart's
 * own default (a 1 GHz hart, 10 MHz timebase) `countsPerTick` is 100.
 */
export class CounterClock implements Clock {
  readonly frequency: number;
  private readonly count: () => number;
  private readonly countsPerTick: number;

  constructor(count: () => number, countsPerTick: number, frequency = VIRT_TIMEBASE_FREQUENCY) {
    checkFrequency(frequency);
    if (!(countsPerTick > 0)) throw new RangeError(`countsPerTick ${countsPerTick} is not positive`);
    this.count = count;
    this.countsPerTick = countsPerTick;
    this.frequency = frequency;
  }

  now(): number {
    return Math.floor(this.count() / this.countsPerTick);
  }
}

/**
 * The host's monotonic clock (`performance.now()`, present in Node and in
 * browsers), counted from the moment the clock was created.
 */
export class WallClock implements Clock {
  readonly frequency: number;
  private readonly originMs: number;
  private last = 0;

  constructor(frequency = VIRT_TIMEBASE_FREQUENCY) {
    checkFrequency(frequency);
    this.frequency = frequency;
    this.originMs = performance.now();
  }

  now(): number {
    const ticks = Math.floor(((performance.now() - this.originMs) * this.frequency) / 1000);
    // performance.now() is monotonic, but guard against rounding making time step back.
    if (ticks > this.last) this.last = ticks;
    return this.last;
  }
}

function checkFrequency(frequency: number): void {
  if (!Number.isSafeInteger(frequency) || frequency <= 0) throw new RangeError(`clock frequency ${frequency} is not a positive integer`);
}
