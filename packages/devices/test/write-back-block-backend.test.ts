import { describe, expect, it } from 'vitest';
import { MemoryBlockBackend, WriteBackBlockBackend } from '../src/index.js';

/** A lower backend that counts its writes. */
class CountingBackend extends MemoryBlockBackend {
  readonly writes: Array<[number, number]> = [];
  override write(offset: number, bytes: Uint8Array): boolean {
    this.writes.push([offset, bytes.length]);
    return super.write(offset, bytes);
  }
}

describe('WriteBackBlockBackend', () => {
  it('keeps writes until flush, then writes them in address order, coalesced, and flushes below', () => {
    const lower = new CountingBackend(new Uint8Array(8 * 512).fill(1));
    const cache = new WriteBackBlockBackend(lower);
    expect(cache.write(3 * 512, new Uint8Array(512).fill(3))).toBe(true);
    expect(cache.write(1 * 512, new Uint8Array(1024).fill(2))).toBe(true);
    expect(lower.writes).toEqual([]);
    expect(cache.dirtyBytes).toBe(3 * 512);
    expect(cache.flush()).toBe(true);
    expect(lower.writes).toEqual([[512, 3 * 512]]);
    expect(lower.flushes).toBe(1);
    expect(lower.image[512]).toBe(2);
    expect(lower.image[3 * 512 + 511]).toBe(3);
    expect(cache.dirtyBytes).toBe(0);
  });

  it('merges partial-sector writes with the sector contents and reads them back', () => {
    const lower = new MemoryBlockBackend(new Uint8Array(4 * 512).fill(7));
    const cache = new WriteBackBlockBackend(lower);
    cache.write(510, Uint8Array.of(1, 2, 3, 4));
    const into = new Uint8Array(8);
    expect(cache.read(508, into)).toBe(true);
    expect([...into]).toEqual([7, 7, 1, 2, 3, 4, 7, 7]);
    expect(lower.image[510]).toBe(7);
    cache.flush();
    expect([...lower.image.subarray(508, 516)]).toEqual([7, 7, 1, 2, 3, 4, 7, 7]);
  });

  it('drops unflushed writes to discarded whole sectors and refuses writes when read-only', () => {
    const lower = new MemoryBlockBackend(new Uint8Array(4 * 512));
    const cache = new WriteBackBlockBackend(lower);
    cache.write(0, new Uint8Array(1024).fill(9));
    expect(cache.discard(0, 700)).toBe(true); // only sector 0 lies wholly inside
    expect(cache.dirtyBytes).toBe(512);
    const ro = new WriteBackBlockBackend(new MemoryBlockBackend(new Uint8Array(512), { readOnly: true }));
    expect(ro.readOnly).toBe(true);
    expect(ro.write(0, new Uint8Array(1))).toBe(false);
  });

  it('refuses ranges beyond the medium', () => {
    const cache = new WriteBackBlockBackend(new MemoryBlockBackend(new Uint8Array(1024)));
    expect(cache.write(1000, new Uint8Array(100))).toBe(false);
    expect(cache.read(1000, new Uint8Array(100))).toBe(false);
  });
});

describe('MemoryBlockBackend', () => {
  it('reads, writes and discards in range only, and reports flushes', () => {
    let saved: Uint8Array | undefined;
    const m = new MemoryBlockBackend(new Uint8Array(1024), { onFlush: (image) => void (saved = image) });
    expect(m.write(1020, new Uint8Array(8))).toBe(false);
    expect(m.write(1020, Uint8Array.of(1, 2, 3, 4))).toBe(true);
    expect(m.discard(1022, 2)).toBe(true);
    const into = new Uint8Array(4);
    m.read(1020, into);
    expect([...into]).toEqual([1, 2, 0, 0]);
    expect(m.flush()).toBe(true);
    expect(saved).toBe(m.image);
    expect(new MemoryBlockBackend(new Uint8Array(8), { onFlush: () => false }).flush()).toBe(false);
  });
});
