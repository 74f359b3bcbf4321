import { describe, expect, it } from 'vitest';
import { PLIC, Plic, plicSize, type MmioDevice } from '../src/index.js';
import { IrqProbe } from './irq-probe.js';

/** Two harts: contexts 0 (hart 0 M), 1 (hart 0 S), 2 (hart 1 M), 3 (hart 1 S). */
function setup() {
  const outputs = Array.from({ length: 4 }, () => new IrqProbe());
  const plic = new Plic({ contexts: outputs });
  return { plic, outputs };
}

const r32 = (d: MmioDevice, offset: number): number => {
  const out = { lo: 0, hi: 0 };
  if (!d.read(offset, 4, out)) throw new Error(`read at ${offset.toString(16)} faulted`);
  return out.lo >>> 0;
};
const w32 = (d: MmioDevice, offset: number, value: number): void => {
  if (!d.write(offset, 4, value | 0, 0)) throw new Error(`write at ${offset.toString(16)} faulted`);
};
const priority = (s: number) => PLIC.priority + 4 * s;
const enable = (ctx: number, word = 0) => PLIC.enable + PLIC.enableStride * ctx + 4 * word;
const threshold = (ctx: number) => PLIC.context + PLIC.contextStride * ctx;
const claim = (ctx: number) => PLIC.context + PLIC.contextStride * ctx + 4;

describe('Plic', () => {
  it('signals a context when an enabled source of nonzero priority is pending', () => {
    const { plic, outputs } = setup();
    w32(plic, priority(10), 1);
    w32(plic, enable(1), 1 << 10);
    plic.input(10).set(true);
    expect(outputs[1]!.level).toBe(true);
    expect(outputs[0]!.level).toBe(false);
    expect(r32(plic, PLIC.pending)).toBe(1 << 10);
  });

  it('keeps priority-0 sources from interrupting or being claimed', () => {
    const { plic, outputs } = setup();
    w32(plic, enable(0), 1 << 5);
    plic.input(5).set(true);
    expect(plic.isPending(5)).toBe(true);
    expect(outputs[0]!.level).toBe(false);
    expect(r32(plic, claim(0))).toBe(0);
  });

  it('claims the highest priority first, ties going to the lowest id', () => {
    const { plic } = setup();
    w32(plic, enable(0), (1 << 3) | (1 << 7) | (1 << 9));
    w32(plic, enable(0, 1), 1 << (40 - 32));
    w32(plic, priority(3), 2);
    w32(plic, priority(7), 5);
    w32(plic, priority(9), 5);
    w32(plic, priority(40), 3);
    for (const s of [3, 7, 9, 40]) plic.input(s).set(true);
    expect(r32(plic, claim(0))).toBe(7);
    expect(r32(plic, claim(0))).toBe(9);
    expect(r32(plic, claim(0))).toBe(40);
    expect(r32(plic, claim(0))).toBe(3);
    expect(r32(plic, claim(0))).toBe(0);
  });

  it('interrupts and claims only above the threshold', () => {
    const { plic, outputs } = setup();
    w32(plic, enable(0), 1 << 4);
    w32(plic, priority(4), 3);
    w32(plic, threshold(0), 3);
    plic.input(4).set(true);
    expect(outputs[0]!.level).toBe(false);
    expect(r32(plic, claim(0))).toBe(0);
    w32(plic, threshold(0), 2);
    expect(outputs[0]!.level).toBe(true);
    expect(r32(plic, threshold(0))).toBe(2);
    expect(r32(plic, claim(0))).toBe(4);
  });

  it('does not re-pend a claimed source until completion, then re-pends it if still asserted', () => {
    const { plic, outputs } = setup();
    w32(plic, enable(1), 1 << 10);
    w32(plic, priority(10), 1);
    plic.input(10).set(true);
    expect(r32(plic, claim(1))).toBe(10);
    expect(outputs[1]!.level).toBe(false);
    expect(plic.isPending(10)).toBe(false);
    plic.input(10).set(false);
    plic.input(10).set(true);
    expect(plic.isPending(10)).toBe(false);
    expect(r32(plic, claim(1))).toBe(0);
    w32(plic, claim(1), 10);
    expect(plic.isPending(10)).toBe(true);
    expect(outputs[1]!.level).toBe(true);
    expect(r32(plic, claim(1))).toBe(10);
    plic.input(10).set(false);
    w32(plic, claim(1), 10);
    expect(plic.isPending(10)).toBe(false);
    expect(outputs[1]!.level).toBe(false);
  });

  it('ignores a completion for a source not enabled for the context', () => {
    const { plic } = setup();
    w32(plic, enable(0), 1 << 2);
    w32(plic, enable(2), 1 << 2);
    w32(plic, priority(2), 1);
    plic.input(2).set(true);
    expect(r32(plic, claim(0))).toBe(2);
    w32(plic, claim(1), 2); // context 1 does not have source 2 enabled
    expect(r32(plic, claim(0))).toBe(0);
    w32(plic, claim(2), 2); // context 2 does: completes it
    expect(r32(plic, claim(0))).toBe(2);
  });

  it('stops pending a source whose input drops before it is claimed', () => {
    const { plic, outputs } = setup();
    w32(plic, enable(3), 1 << 1);
    w32(plic, priority(1), 7);
    plic.input(1).set(true);
    expect(outputs[3]!.level).toBe(true);
    plic.input(1).set(false);
    expect(outputs[3]!.level).toBe(false);
    expect(r32(plic, claim(3))).toBe(0);
  });

  it('routes one source to every context that enables it; the first claim wins', () => {
    const { plic, outputs } = setup();
    w32(plic, enable(1), 1 << 8);
    w32(plic, enable(3), 1 << 8);
    w32(plic, priority(8), 1);
    plic.input(8).set(true);
    expect(outputs[1]!.level && outputs[3]!.level).toBe(true);
    expect(r32(plic, claim(3))).toBe(8);
    expect(outputs[1]!.level).toBe(false);
    expect(r32(plic, claim(1))).toBe(0);
  });

  it('masks priorities and thresholds to 3 bits, source 0 and missing sources to zero', () => {
    const { plic } = setup();
    w32(plic, priority(1), 0xff);
    expect(r32(plic, priority(1))).toBe(7);
    w32(plic, priority(0), 5);
    expect(r32(plic, priority(0))).toBe(0);
    w32(plic, priority(96), 5);
    expect(r32(plic, priority(96))).toBe(0);
    w32(plic, threshold(1), 0xf);
    expect(r32(plic, threshold(1))).toBe(7);
    w32(plic, enable(0), -1);
    expect(r32(plic, enable(0))).toBe(0xffff_fffe);
    w32(plic, enable(0, 2), -1);
    expect(r32(plic, enable(0, 2))).toBe(0xffff_ffff); // sources 64..95 all exist
    w32(plic, enable(0, 3), -1);
    expect(r32(plic, enable(0, 3))).toBe(0);
  });

  it('treats pending bits as read-only', () => {
    const { plic } = setup();
    w32(plic, PLIC.pending, -1);
    expect(r32(plic, PLIC.pending)).toBe(0);
  });

  it('decodes aligned 32-bit accesses only', () => {
    const { plic } = setup();
    const out = { lo: 0, hi: 0 };
    expect(plic.read(priority(1), 8, out)).toBe(false);
    expect(plic.read(priority(1), 1, out)).toBe(false);
    expect(plic.read(priority(1) + 2, 4, out)).toBe(false);
    expect(plic.write(claim(0), 2, 1, 0)).toBe(false);
    expect(plic.read(plicSize(4) - 4, 4, out)).toBe(true);
  });

  it('reads 0 and ignores writes for contexts beyond its own, anywhere in the virt aperture', () => {
    const { plic, outputs } = setup();
    const out = { lo: 5, hi: 5 };
    expect(plic.read(0x5f_f004, 4, out)).toBe(true);
    expect(out).toEqual({ lo: 0, hi: 0 });
    expect(plic.write(threshold(4), 4, 1, 0)).toBe(true);
    expect(plic.write(enable(4), 4, -1, 0)).toBe(true);
    expect(r32(plic, enable(4))).toBe(0);
    expect(outputs.every((o) => !o.level)).toBe(true);
  });

  it('supports an AMO-style read-modify-write of an enable word', () => {
    const { plic, outputs } = setup();
    w32(plic, priority(33), 1);
    plic.input(33).set(true);
    const word = r32(plic, enable(0, 1));
    w32(plic, enable(0, 1), word | (1 << 1));
    expect(outputs[0]!.level).toBe(true);
    expect(r32(plic, claim(0))).toBe(33);
  });

  it('resets its registers but keeps asserted inputs pending', () => {
    const { plic, outputs } = setup();
    w32(plic, priority(3), 4);
    w32(plic, enable(0), 1 << 3);
    w32(plic, threshold(0), 1);
    plic.input(3).set(true);
    expect(r32(plic, claim(0))).toBe(3);
    plic.reset();
    expect([r32(plic, priority(3)), r32(plic, enable(0)), r32(plic, threshold(0))]).toEqual([0, 0, 0]);
    expect(plic.isPending(3)).toBe(true);
    expect(outputs[0]!.level).toBe(false);
    w32(plic, priority(3), 1);
    w32(plic, enable(0), 1 << 3);
    expect(outputs[0]!.level).toBe(true);
  });

  it('rejects source ids outside 1..95 for inputs', () => {
    const { plic } = setup();
    expect(() => plic.input(0)).toThrow(RangeError);
    expect(() => plic.input(96)).toThrow(RangeError);
  });
});
