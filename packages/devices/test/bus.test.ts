import { describe, expect, it } from 'vitest';
import { createRam, type AccessWidth, type Word64 } from '@rvhv/mmu';
import { Bus, type MmioDevice } from '../src/index.js';

/** A device that records accesses and answers reads with offset * 0x10 + width. */
class Probe implements MmioDevice {
  readonly writes: Array<[number, number, number, number]> = [];
  read(offset: number, width: AccessWidth, out: Word64): boolean {
    out.lo = offset * 0x10 + width;
    out.hi = 0;
    return true;
  }
  write(offset: number, width: AccessWidth, lo: number, hi: number): boolean {
    this.writes.push([offset, width, lo, hi]);
    return true;
  }
}

const ram = createRam(0x8000_0000, 0x10000);

describe('Bus', () => {
  it('routes accesses to the region containing the address, with region-relative offsets', () => {
    const uart = new Probe();
    const clint = new Probe();
    const virtio = new Probe();
    const bus = new Bus(ram, [
      { entry: { name: 'uart', base: 0x1000_0000, size: 0x100 }, device: uart },
      { entry: { name: 'clint', base: 0x0200_0000, size: 0x1_0000 }, device: clint },
      { entry: { name: 'virtio0', base: 0x1000_1000, size: 0x1000 }, device: virtio },
    ]);
    const out = { lo: 0, hi: 0 };
    expect(bus.read(0x1000_0005, 1, out)).toBe(true);
    expect(out.lo).toBe(0x51);
    expect(bus.read(0x0200_bff8, 8, out)).toBe(true);
    expect(out.lo).toBe(0xbff8 * 0x10 + 8);
    expect(bus.write(0x1000_1070, 4, 0x1234, 0)).toBe(true);
    expect(virtio.writes).toEqual([[0x70, 4, 0x1234, 0]]);
    expect(uart.writes).toEqual([]);
    expect(clint.writes).toEqual([]);
  });

  it('lists regions sorted by address and finds each by index', () => {
    const bus = new Bus(ram);
    const names = ['c', 'a', 'b', 'd'];
    const bases = [0x3000, 0x1000, 0x2000, 0x1000_0000];
    names.forEach((name, i) => bus.map({ name, base: bases[i]!, size: 0x100 }, new Probe()));
    expect(bus.regions.map((r) => r.entry.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(bus.regionAt(0x20ff)?.entry.name).toBe('b');
    expect(bus.regionAt(0x2100)).toBeUndefined();
    expect(bus.regionAt(0xfff)).toBeUndefined();
    expect(bus.regionAt(0x1000_0000)?.entry.name).toBe('d');
    expect(bus.indexOf(0x3050)).toBe(2);
  });

  it('faults accesses to unmapped addresses and accesses that cross a region end', () => {
    const probe = new Probe();
    const bus = new Bus(ram, [{ entry: { name: 'dev', base: 0x1000, size: 0x10 }, device: probe }]);
    const out = { lo: 0, hi: 0 };
    expect(bus.read(0x2000, 4, out)).toBe(false);
    expect(bus.read(0x100c, 8, out)).toBe(false);
    expect(bus.write(0x100e, 4, 1, 0)).toBe(false);
    expect(bus.read(0x1008, 8, out)).toBe(true);
    expect(probe.writes).toEqual([]);
  });

  it('passes on a device refusing an access', () => {
    const refusing: MmioDevice = { read: () => false, write: () => false };
    const bus = new Bus(ram, [{ entry: { name: 'ro', base: 0x1000, size: 0x10 }, device: refusing }]);
    expect(bus.read(0x1000, 4, { lo: 0, hi: 0 })).toBe(false);
    expect(bus.write(0x1000, 4, 0, 0)).toBe(false);
  });

  it('rejects memory maps with overlapping or empty regions', () => {
    const bus = new Bus(ram, [{ entry: { name: 'a', base: 0x1000, size: 0x100 }, device: new Probe() }]);
    expect(() => bus.map({ name: 'b', base: 0x10f0, size: 0x100 }, new Probe())).toThrow(/overlaps a/);
    expect(() => bus.map({ name: 'c', base: 0x8000_8000, size: 0x10 }, new Probe())).toThrow(/overlaps RAM/);
    expect(() => bus.map({ name: 'd', base: 0x5000, size: 0 }, new Probe())).toThrow(/invalid range/);
    expect(bus.regions).toHaveLength(1);
  });
});
