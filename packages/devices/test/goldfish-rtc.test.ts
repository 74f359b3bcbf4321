import { describe, expect, it } from 'vitest';
import { GOLDFISH_RTC, GoldfishRtc, ManualClock } from '../src/index.js';
import { IrqProbe } from './irq-probe.js';

const START_MS = 1_700_000_000_123;

function setup() {
  const clock = new ManualClock(10_000_000);
  const irq = new IrqProbe();
  const rtc = new GoldfishRtc({ clock, irq, startMs: START_MS });
  const r = (reg: number) => {
    const out = { lo: 0, hi: 0 };
    expect(rtc.read(reg, 4, out)).toBe(true);
    return out.lo >>> 0;
  };
  const w = (reg: number, v: number) => expect(rtc.write(reg, 4, v | 0, 0)).toBe(true);
  /** Time as rtc-goldfish reads it: TIME_LOW first (latching), then TIME_HIGH. */
  const time = () => {
    const lo = r(GOLDFISH_RTC.TIME_LOW);
    return (BigInt(r(GOLDFISH_RTC.TIME_HIGH)) << 32n) | BigInt(lo);
  };
  /** Sets the time as rtc-goldfish does: TIME_HIGH, then TIME_LOW. */
  const setTime = (ns: bigint) => {
    w(GOLDFISH_RTC.TIME_HIGH, Number(ns >> 32n));
    w(GOLDFISH_RTC.TIME_LOW, Number(ns & 0xffff_ffffn));
  };
  const setAlarm = (ns: bigint) => {
    w(GOLDFISH_RTC.ALARM_HIGH, Number(ns >> 32n));
    w(GOLDFISH_RTC.ALARM_LOW, Number(ns & 0xffff_ffffn));
  };
  return { clock, irq, rtc, r, w, time, setTime, setAlarm };
}

describe('GoldfishRtc', () => {
  it('counts nanoseconds since the epoch from the start time and the clock', () => {
    const { clock, time } = setup();
    expect(time()).toBe(BigInt(START_MS) * 1_000_000n);
    clock.advance(12_345_678); // 1.2345678 s at 10 MHz
    expect(time()).toBe(BigInt(START_MS) * 1_000_000n + 1_234_567_800n);
  });

  it('latches TIME_HIGH when TIME_LOW is read', () => {
    const { clock, r, setTime } = setup();
    setTime(0x1_ffff_ff00n);
    const lo = r(GOLDFISH_RTC.TIME_LOW);
    clock.advance(100); // 10 us: the low half wraps into the high half
    expect(r(GOLDFISH_RTC.TIME_HIGH)).toBe(1);
    expect(lo).toBe(0xffff_ff00);
    r(GOLDFISH_RTC.TIME_LOW);
    expect(r(GOLDFISH_RTC.TIME_HIGH)).toBe(2);
  });

  it('lets the guest set the time and keeps counting from it', () => {
    const { clock, time, setTime } = setup();
    const t = 1_800_000_000n * 1_000_000_000n;
    setTime(t);
    expect(time()).toBe(t);
    clock.advance(10_000_000);
    expect(time()).toBe(t + 1_000_000_000n);
  });

  it('raises its interrupt when an enabled alarm comes due, until cleared', () => {
    const { clock, irq, rtc, r, w, time, setAlarm } = setup();
    const now = time();
    setAlarm(now + 1_000_000n); // 1 ms
    w(GOLDFISH_RTC.IRQ_ENABLED, 1);
    expect(r(GOLDFISH_RTC.ALARM_STATUS)).toBe(1);
    expect(rtc.nextDeadline()).toBe(10_000);
    clock.advance(9_999);
    rtc.update();
    expect(irq.level).toBe(false);
    clock.advance(1);
    rtc.update();
    expect(irq.level).toBe(true);
    expect(r(GOLDFISH_RTC.ALARM_STATUS)).toBe(0);
    expect(rtc.nextDeadline()).toBe(Infinity);
    w(GOLDFISH_RTC.CLEAR_INTERRUPT, 1);
    expect(irq.level).toBe(false);
  });

  it('fires an alarm set in the past at once, but signals only while IRQ_ENABLED', () => {
    const { irq, w, time, setAlarm } = setup();
    setAlarm(time() - 1n);
    expect(irq.level).toBe(false);
    w(GOLDFISH_RTC.IRQ_ENABLED, 1);
    expect(irq.level).toBe(true);
    w(GOLDFISH_RTC.IRQ_ENABLED, 0);
    expect(irq.level).toBe(false);
  });

  it('disarms on CLEAR_ALARM', () => {
    const { clock, irq, rtc, r, w, time, setAlarm } = setup();
    w(GOLDFISH_RTC.IRQ_ENABLED, 1);
    setAlarm(time() + 100n);
    w(GOLDFISH_RTC.CLEAR_ALARM, 1);
    expect(r(GOLDFISH_RTC.ALARM_STATUS)).toBe(0);
    clock.advance(1_000);
    rtc.update();
    expect(irq.level).toBe(false);
  });

  it('keeps time across a reset but forgets the alarm', () => {
    const { irq, rtc, r, w, time, setAlarm } = setup();
    w(GOLDFISH_RTC.IRQ_ENABLED, 1);
    setAlarm(time() - 1n);
    expect(irq.level).toBe(true);
    const before = time();
    rtc.reset();
    expect(irq.level).toBe(false);
    expect(r(GOLDFISH_RTC.IRQ_ENABLED)).toBe(0);
    expect(r(GOLDFISH_RTC.ALARM_STATUS)).toBe(0);
    expect(time()).toBe(before);
  });

  it('decodes aligned 32-bit accesses only and reads 0 elsewhere', () => {
    const { rtc } = setup();
    const out = { lo: 0, hi: 0 };
    expect(rtc.read(0, 8, out)).toBe(false);
    expect(rtc.read(2, 4, out)).toBe(false);
    expect(rtc.read(0x40, 4, out)).toBe(true);
    expect(out.lo).toBe(0);
  });
});
