import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { Clock } from './clock.js';
import type { IrqLine, MmioDevice } from './device.js';
import { add64, atLeast64, joinWord, mulAdd64, sub64 } from './word64.js';

/**
 * The Goldfish real-time clock (`google,goldfish-rtc`; QEMU
 * `hw/rtc/goldfish_rtc.c`, Linux `drivers/rtc/rtc-goldfish.c`): a 64-bit
 * count of nanoseconds since the Unix epoch with one alarm.
 *
 *     0x00 TIME_LOW         read: low half of the time, latching the high half
 *                           write: sets the time to TIME_HIGH(latched):value
 *     0x04 TIME_HIGH        read: the latched high half; write: latches it
 *     0x08 ALARM_LOW        write: arms the alarm at ALARM_HIGH(latched):value
 *     0x0c ALARM_HIGH       write: latches the alarm's high half
 *     0x10 IRQ_ENABLED      bit 0 enables the interrupt
 *     0x14 CLEAR_ALARM      write: disarms the alarm
 *     0x18 ALARM_STATUS     read: 1 while an alarm is armed
 *     0x1c CLEAR_INTERRUPT  write: acknowledges the interrupt
 *
 * When the time reaches an armed alarm, the alarm disarms and the interrupt
 * becomes pending; the line is high while it is pending and enabled. An
 * alarm armed in the past fires at once. Like the CLINT, the RTC cannot
 * watch the clock: the board calls {@link update} between batches and may
 * ask {@link nextDeadline} before idling.
 *
 * Time is `start` (milliseconds since the epoch, given by the board: the
 * host's date for a real run, a fixed one for a reproducible run) plus the
 * time the {@link Clock} has counted since. Registers are 32-bit: only
 * aligned 4-byte accesses are decoded, as on QEMU (others are access
 * faults); other offsets read 0 and ignore writes.
 */
export const GOLDFISH_RTC = {
  TIME_LOW: 0x00,
  TIME_HIGH: 0x04,
  ALARM_LOW: 0x08,
  ALARM_HIGH: 0x0c,
  IRQ_ENABLED: 0x10,
  CLEAR_ALARM: 0x14,
  ALARM_STATUS: 0x18,
  CLEAR_INTERRUPT: 0x1c,
  size: 0x1000,
} as const;

export interface GoldfishRtcOptions {
  readonly clock: Clock;
  readonly irq: IrqLine;
  /** Wall-clock time when the RTC is created, in milliseconds since the epoch (default 0). */
  readonly startMs?: number;
}

const NS_PER_SECOND = 1_000_000_000;

export class GoldfishRtc implements MmioDevice {
  private readonly clock: Clock;
  private readonly irq: IrqLine;
  /** RTC time minus the clock's count in nanoseconds, modulo 2^64. */
  private offsetLo = 0;
  private offsetHi = 0;
  private timeHighLatch = 0;
  private alarmHighLatch = 0;
  private alarmLo = 0;
  private alarmHi = 0;
  private alarmArmed = false;
  private irqEnabled = false;
  private irqPending = false;
  private irqLevel = false;
  private readonly now: Word64 = { lo: 0, hi: 0 };
  private readonly scratch: Word64 = { lo: 0, hi: 0 };

  constructor(options: GoldfishRtcOptions) {
    this.clock = options.clock;
    this.irq = options.irq;
    const startMs = Math.max(0, Math.floor(options.startMs ?? 0));
    const start = mulAdd64(startMs, 1_000_000, 0, this.scratch);
    const { lo, hi } = start;
    const counted = this.clockNs(this.now);
    sub64(lo, hi, counted.lo, counted.hi, this.scratch);
    this.offsetLo = this.scratch.lo;
    this.offsetHi = this.scratch.hi;
    this.irq.set(false);
  }

  /** Reset: alarm disarmed, interrupt disabled and acknowledged; the time keeps running, as a battery-backed clock does. */
  reset(): void {
    this.alarmArmed = false;
    this.irqEnabled = false;
    this.irqPending = false;
    this.timeHighLatch = this.alarmHighLatch = this.alarmLo = this.alarmHi = 0;
    this.updateIrq();
  }

  /** The RTC time in nanoseconds since the epoch, as halves. */
  readTime(out: Word64): Word64 {
    this.clockNs(out);
    return add64(out.lo, out.hi, this.offsetLo, this.offsetHi, out);
  }

  /** Fires the alarm if its time has come. */
  update(): void {
    if (!this.alarmArmed) return;
    const t = this.readTime(this.now);
    if (atLeast64(t.lo, t.hi, this.alarmLo, this.alarmHi)) {
      this.alarmArmed = false;
      this.irqPending = true;
      this.updateIrq();
    }
  }

  /** The clock time (in {@link Clock.now} ticks) at which the armed alarm fires, or Infinity. */
  nextDeadline(): number {
    if (!this.alarmArmed) return Infinity;
    const t = this.readTime(this.now);
    const ticks = this.clock.now();
    if (atLeast64(t.lo, t.hi, this.alarmLo, this.alarmHi)) return ticks;
    const d = sub64(this.alarmLo, this.alarmHi, t.lo, t.hi, this.scratch);
    const ns = joinWord(d.lo, d.hi);
    const deadline = ticks + Math.ceil((ns / NS_PER_SECOND) * this.clock.frequency);
    return Number.isSafeInteger(deadline) ? deadline : Infinity;
  }

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    if (width !== 4 || (offset & 3) !== 0) return false;
    out.hi = 0;
    out.lo = 0;
    switch (offset) {
      case GOLDFISH_RTC.TIME_LOW: {
        const t = this.readTime(this.now);
        this.timeHighLatch = t.hi;
        out.lo = t.lo;
        break;
      }
      case GOLDFISH_RTC.TIME_HIGH:
        out.lo = this.timeHighLatch;
        break;
      case GOLDFISH_RTC.ALARM_LOW:
        out.lo = this.alarmLo;
        break;
      case GOLDFISH_RTC.ALARM_HIGH:
        out.lo = this.alarmHi;
        break;
      case GOLDFISH_RTC.IRQ_ENABLED:
        out.lo = this.irqEnabled ? 1 : 0;
        break;
      case GOLDFISH_RTC.ALARM_STATUS:
        out.lo = this.alarmArmed ? 1 : 0;
        break;
      default:
    }
    return true;
  }

  write(offset: number, width: AccessWidth, lo: number, _hi: number): boolean {
    if (width !== 4 || (offset & 3) !== 0) return false;
    switch (offset) {
      case GOLDFISH_RTC.TIME_LOW: {
        const counted = this.clockNs(this.now);
        sub64(lo, this.timeHighLatch, counted.lo, counted.hi, this.scratch);
        this.offsetLo = this.scratch.lo;
        this.offsetHi = this.scratch.hi;
        this.update();
        break;
      }
      case GOLDFISH_RTC.TIME_HIGH:
        this.timeHighLatch = lo;
        break;
      case GOLDFISH_RTC.ALARM_LOW:
        this.alarmLo = lo;
        this.alarmHi = this.alarmHighLatch;
        this.alarmArmed = true;
        this.update();
        break;
      case GOLDFISH_RTC.ALARM_HIGH:
        this.alarmHighLatch = lo;
        break;
      case GOLDFISH_RTC.IRQ_ENABLED:
        this.irqEnabled = (lo & 1) !== 0;
        this.updateIrq();
        break;
      case GOLDFISH_RTC.CLEAR_ALARM:
        this.alarmArmed = false;
        break;
      case GOLDFISH_RTC.CLEAR_INTERRUPT:
        this.irqPending = false;
        this.updateIrq();
        break;
      default:
    }
    return true;
  }

  /** Nanoseconds the clock has counted, as halves. */
  private clockNs(out: Word64): Word64 {
    const ticks = this.clock.now();
    const f = this.clock.frequency;
    const seconds = Math.floor(ticks / f);
    const rest = ticks - seconds * f;
    const nanos = NS_PER_SECOND % f === 0 ? rest * (NS_PER_SECOND / f) : Math.floor((rest * NS_PER_SECOND) / f);
    return mulAdd64(seconds, NS_PER_SECOND, nanos, out);
  }

  private updateIrq(): void {
    const level = this.irqPending && this.irqEnabled;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }
}
