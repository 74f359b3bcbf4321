import { describe, expect, it } from 'vitest';
import { CounterClock, ManualClock, WallClock } from '../src/index.js';

describe('clocks', () => {
  it('ManualClock moves only forward, when told', () => {
    const c = new ManualClock(1000, 5);
    expect(c.now()).toBe(5);
    c.advance(10);
    expect(c.now()).toBe(15);
    c.set(3);
    expect(c.now()).toBe(15);
    expect(() => c.advance(-20)).toThrow(RangeError);
    expect(() => c.set(1.5)).toThrow(RangeError);
  });

  it('CounterClock divides a counter the board owns', () => {
    let instret = 0;
    const c = new CounterClock(() => instret, 100);
    expect(c.frequency).toBe(10_000_000);
    instret = 12_399;
    expect(c.now()).toBe(123);
  });

  it('WallClock never goes backwards', () => {
    const c = new WallClock(1_000_000);
    const a = c.now();
    const b = c.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Number.isInteger(a)).toBe(true);
  });
});
