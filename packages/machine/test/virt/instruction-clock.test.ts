import { describe, expect, it } from 'vitest';
import { InstructionClock } from '../../src/index.js';

describe('InstructionClock', () => {
  it('counts 100 instructions per 10 MHz tick with shift 0 (1 ns each), including the running hart’s progress', () => {
    const clock = new InstructionClock(0);
    const hart = { cycles: 5000 };
    clock.beginSlice(hart);
    expect(clock.now()).toBe(0);
    hart.cycles += 250;
    expect(clock.now()).toBe(2);
    hart.cycles += 50;
    expect(clock.now()).toBe(3);
    clock.endSlice();
    hart.cycles += 1000;
    expect(clock.now()).toBe(3);
    expect(clock.instructions).toBe(300);
  });

  it('runs 2^shift times as fast per instruction', () => {
    const clock = new InstructionClock(3);
    const hart = { cycles: 0 };
    clock.beginSlice(hart);
    hart.cycles = 100;
    clock.endSlice();
    expect(clock.now()).toBe(8);
  });

  it('skips forward to a deadline (never back)', () => {
    const clock = new InstructionClock(0);
    clock.skipTo(12345);
    expect(clock.now()).toBe(12345);
    clock.skipTo(10);
    expect(clock.now()).toBe(12345);
    // 128 ns per instruction, 100 ns per tick: the first instruction boundary at or after the deadline.
    const coarse = new InstructionClock(7);
    coarse.skipTo(1001);
    expect(coarse.now()).toBe(1002);
    expect(coarse.instructions).toBe(783);
  });

  it('refuses shifts QEMU does not have', () => {
    expect(() => new InstructionClock(11)).toThrow(RangeError);
  });
});
