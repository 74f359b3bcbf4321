import { describe, expect, it } from 'vitest';
import { CLINT, Clint, ManualClock, type MmioDevice } from '../src/index.js';
import { IrqProbe } from './irq-probe.js';

function setup(harts = 2) {
  const clock = new ManualClock();
  const lines = Array.from({ length: harts }, () => ({ msip: new IrqProbe(), mtip: new IrqProbe() }));
  const clint = new Clint({ clock, harts: lines });
  return { clock, lines, clint };
}

const read = (d: MmioDevice, offset: number, width: 1 | 2 | 4 | 8) => {
  const out = { lo: 0, hi: 0 };
  const ok = d.read(offset, width, out);
  return ok ? { lo: out.lo >>> 0, hi: out.hi >>> 0 } : undefined;
};

describe('Clint', () => {
  it('drives each hart MSIP from bit 0 of its msip word', () => {
    const { clint, lines } = setup();
    expect(clint.write(CLINT.msip + 4, 4, 0xffff_ffff, 0)).toBe(true);
    expect(lines[1]!.msip.level).toBe(true);
    expect(lines[0]!.msip.level).toBe(false);
    expect(read(clint, 4, 4)).toEqual({ lo: 1, hi: 0 });
    clint.write(4, 4, 2, 0);
    expect(lines[1]!.msip.level).toBe(false);
    expect(read(clint, 4, 4)).toEqual({ lo: 0, hi: 0 });
  });

  it('reads 0 and ignores writes for harts that do not exist', () => {
    const { clint } = setup(1);
    expect(clint.write(CLINT.msip + 8, 4, 1, 0)).toBe(true);
    expect(read(clint, CLINT.msip + 8, 4)).toEqual({ lo: 0, hi: 0 });
    expect(clint.write(CLINT.mtimecmp + 8, 8, 5, 0)).toBe(true);
    expect(read(clint, CLINT.mtimecmp + 8, 8)).toEqual({ lo: 0, hi: 0 });
    expect(read(clint, 0xc000, 4)).toEqual({ lo: 0, hi: 0 });
  });

  it('counts mtime from the clock, reset to 0, in 8- and 4-byte reads', () => {
    const clock = new ManualClock(10_000_000, 500);
    const clint = new Clint({ clock, harts: [{ msip: new IrqProbe(), mtip: new IrqProbe() }] });
    expect(clint.mtime()).toBe(0);
    clock.advance(0x1_0000_0005);
    expect(read(clint, CLINT.mtime, 8)).toEqual({ lo: 5, hi: 1 });
    expect(read(clint, CLINT.mtime, 4)).toEqual({ lo: 5, hi: 0 });
    expect(read(clint, CLINT.mtime + 4, 4)).toEqual({ lo: 1, hi: 0 });
    expect(clint.mtime()).toBe(0x1_0000_0005);
  });

  it('raises MTIP when mtime reaches mtimecmp and lowers it when mtimecmp moves ahead', () => {
    const { clock, clint, lines } = setup();
    const mtip = lines[1]!.mtip;
    clint.write(CLINT.mtimecmp + 8, 8, 1000, 0);
    expect(mtip.level).toBe(false);
    clock.advance(999);
    clint.update();
    expect(mtip.level).toBe(false);
    clock.advance(1);
    clint.update();
    expect(mtip.level).toBe(true);
    expect(lines[0]!.mtip.level).toBe(false);
    clint.write(CLINT.mtimecmp + 8, 8, 2000, 0);
    expect(mtip.level).toBe(false);
    expect(read(clint, CLINT.mtimecmp + 8, 8)).toEqual({ lo: 2000, hi: 0 });
  });

  it('fires at once when mtimecmp is written at or below mtime', () => {
    const { clock, clint, lines } = setup();
    clock.advance(50);
    clint.write(CLINT.mtimecmp, 8, 50, 0);
    expect(lines[0]!.mtip.level).toBe(true);
  });

  it('compares mtime and mtimecmp as unsigned 64-bit values through 32-bit half writes', () => {
    const { clock, clint, lines } = setup(1);
    const mtip = lines[0]!.mtip;
    // The RV32 sequence: high half to all ones first so no spurious interrupt, then low, then high.
    clint.write(CLINT.mtimecmp + 4, 4, -1, 0);
    clint.write(CLINT.mtimecmp, 4, 0x10, 0);
    clint.write(CLINT.mtimecmp + 4, 4, 1, 0);
    expect(read(clint, CLINT.mtimecmp, 8)).toEqual({ lo: 0x10, hi: 1 });
    clock.advance(0xffff_ffff);
    clint.update();
    expect(mtip.level).toBe(false);
    clock.advance(0x11);
    clint.update();
    expect(mtip.level).toBe(true);
  });

  it('keeps MTIP low at reset: mtimecmp starts all ones', () => {
    const { clock, clint, lines } = setup();
    expect(read(clint, CLINT.mtimecmp, 8)).toEqual({ lo: 0xffff_ffff, hi: 0xffff_ffff });
    clock.advance(123_456_789);
    clint.update();
    expect(lines.every((l) => !l.mtip.level)).toBe(true);
    expect(clint.nextDeadline()).toBe(Infinity);
  });

  it('lets software set mtime (both widths) and keeps counting from there', () => {
    const { clock, clint } = setup();
    clock.advance(100);
    clint.write(CLINT.mtime, 8, 7, 2);
    expect(read(clint, CLINT.mtime, 8)).toEqual({ lo: 7, hi: 2 });
    clock.advance(3);
    expect(read(clint, CLINT.mtime, 8)).toEqual({ lo: 10, hi: 2 });
    clint.write(CLINT.mtime + 4, 4, 0, 0);
    expect(read(clint, CLINT.mtime, 8)).toEqual({ lo: 10, hi: 0 });
    clint.write(CLINT.mtime, 4, 0xffff_fffe, 0);
    clock.advance(3);
    expect(read(clint, CLINT.mtime, 8)).toEqual({ lo: 1, hi: 1 });
  });

  it('tells the board the clock time of the next timer that will fire', () => {
    const { clock, clint } = setup();
    clock.advance(1000);
    expect(clint.nextDeadline()).toBe(Infinity);
    clint.write(CLINT.mtimecmp, 8, 500, 0); // mtime is 1000 (reset at 0): fires now, not a future deadline
    clint.write(CLINT.mtimecmp + 8, 8, 3000, 0);
    expect(clint.nextDeadline()).toBe(3000);
    // With mtime set ahead of the clock, deadlines are in clock ticks.
    clint.write(CLINT.mtime, 8, 2000, 0);
    expect(clint.nextDeadline()).toBe(2000);
    clock.set(clint.nextDeadline());
    clint.update();
    expect(clint.nextDeadline()).toBe(Infinity);
  });

  it('never reports a comparator of all ones as a deadline, whatever mtime was set to', () => {
    const { clock, clint } = setup();
    clock.advance(1000);
    clint.write(CLINT.mtime, 8, 5, 0); // mtime behind the clock: its offset is negative
    clint.write(CLINT.mtimecmp, 8, -1, -1);
    clint.write(CLINT.mtimecmp + 8, 8, -1, -1);
    expect(clint.nextDeadline()).toBe(Infinity);
    clint.write(CLINT.mtimecmp, 8, 105, 0); // 100 ticks from now
    expect(clint.nextDeadline()).toBe(1100);
  });

  it('faults byte and halfword accesses and misaligned ones, as QEMU', () => {
    const { clint } = setup();
    expect(read(clint, CLINT.mtime, 1)).toBeUndefined();
    expect(read(clint, CLINT.mtime, 2)).toBeUndefined();
    expect(read(clint, CLINT.mtime + 4, 8)).toBeUndefined();
    expect(read(clint, CLINT.msip, 8)).toBeUndefined();
    expect(clint.write(CLINT.msip + 1, 4, 1, 0)).toBe(false);
    expect(read(clint, CLINT.size - 4, 8)).toBeUndefined();
  });

  it('supports an AMO on msip as a read then a write', () => {
    const { clint, lines } = setup();
    const before = read(clint, 0, 4)!;
    clint.write(0, 4, before.lo | 1, 0);
    expect(lines[0]!.msip.level).toBe(true);
  });
});
