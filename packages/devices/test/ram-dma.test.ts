import { describe, expect, it } from 'vitest';
import { createRam, ramOnly } from '@rvhv/mmu';
import { CoherentMemory, decode } from '@rvhv/isa';
import { ramDma } from '../src/index.js';

describe('ramDma', () => {
  const setup = () => {
    const memory = new CoherentMemory(ramOnly(createRam(0x8000_0000, 0x4000)));
    return { memory, dma: ramDma(memory) };
  };

  it('reads and writes RAM by physical address', () => {
    const { memory, dma } = setup();
    expect(dma.write(0x8000_0010, Uint8Array.of(1, 2, 3))).toBe(true);
    expect(memory.ram.bytes.subarray(0x10, 0x13)).toEqual(Uint8Array.of(1, 2, 3));
    const into = new Uint8Array(4);
    expect(dma.read(0x8000_000f, into)).toBe(true);
    expect(into).toEqual(Uint8Array.of(0, 1, 2, 3));
  });

  it('refuses ranges that leave RAM, copying nothing', () => {
    const { memory, dma } = setup();
    expect(dma.write(0x8000_3ffe, Uint8Array.of(9, 9, 9))).toBe(false);
    expect(memory.ram.bytes[0x3ffe]).toBe(0);
    expect(dma.read(0x7fff_ffff, new Uint8Array(2))).toBe(false);
  });

  it('drops decoded instructions of the pages it writes', () => {
    const { memory, dma } = setup();
    const nop = decode(0x00000013)!;
    memory.cacheInstruction(0x1000, nop);
    dma.write(0x8000_1ff0, new Uint8Array(4));
    expect(memory.cachedInstruction(0x1000)).toBeUndefined();
  });
});
