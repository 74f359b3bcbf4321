import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exception } from '../../src/hart/causes.js';
import { createMachine, encode, execute, getX, lastTrap, RAM_BASE, readMemory64, setX, writeMemory64 } from './harness.js';
import { int64, s64, u64 } from './int64-reference.js';
import { sext32, zext32 } from './exec-check.js';

const b = BigInt;
const DATA = RAM_BASE + 0x4000;

describe('LR/SC', () => {
  it('sc.w succeeds after lr.w on the same address (rd = 0) and stores the low word', () => {
    const m = createMachine();
    writeMemory64(m, DATA, 0x11111111_80000001n);
    let h = execute(m, encode('lr.w', { rd: 10, rs1: 11 }), { 11: b(DATA) });
    expect(getX(h, 10)).toBe(-0x7fffffffn); // sign-extended
    h = execute(m, encode('sc.w', { rd: 12, rs1: 11, rs2: 13 }), { 13: 0x7_2222_2222n });
    expect(getX(h, 12)).toBe(0n);
    expect(readMemory64(m, DATA)).toBe(0x11111111_22222222n);
  });

  it('sc.d succeeds after lr.d and stores all 64 bits', () => {
    const m = createMachine();
    writeMemory64(m, DATA + 8, -5n);
    let h = execute(m, encode('lr.d', { rd: 10, rs1: 11 }), { 11: b(DATA + 8) });
    expect(getX(h, 10)).toBe(-5n);
    h = execute(m, encode('sc.d', { rd: 12, rs1: 11, rs2: 13, aq: 1, rl: 1 }), { 13: 0x0123456789abcdefn });
    expect(getX(h, 12)).toBe(0n);
    expect(readMemory64(m, DATA + 8)).toBe(0x0123456789abcdefn);
  });

  it('sc fails (rd = 1, no store) without a reservation, and every sc clears the reservation', () => {
    const m = createMachine();
    writeMemory64(m, DATA, 7n);
    const sc = encode('sc.d', { rd: 12, rs1: 11, rs2: 13 });
    let h = execute(m, sc, { 11: b(DATA), 13: 99n });
    expect(getX(h, 12)).toBe(1n);
    expect(readMemory64(m, DATA)).toBe(7n);
    execute(m, encode('lr.d', { rd: 10, rs1: 11 }), { 11: b(DATA) });
    expect(getX(execute(m, sc, { 13: 99n }), 12)).toBe(0n);
    h = execute(m, sc, { 13: 100n });
    expect(getX(h, 12)).toBe(1n);
    expect(readMemory64(m, DATA)).toBe(99n);
  });

  it('sc to another address than the reservation fails and drops the reservation', () => {
    const m = createMachine();
    execute(m, encode('lr.w', { rd: 10, rs1: 11 }), { 11: b(DATA) });
    expect(getX(execute(m, encode('sc.w', { rd: 12, rs1: 11, rs2: 13 }), { 11: b(DATA + 64), 13: 1n }), 12)).toBe(1n);
    expect(getX(execute(m, encode('sc.w', { rd: 12, rs1: 11, rs2: 13 }), { 11: b(DATA), 13: 1n }), 12)).toBe(1n);
  });

  it("another hart's store to the reserved granule makes sc fail", () => {
    const m = createMachine({ harts: 2 });
    execute(m, encode('lr.w', { rd: 10, rs1: 11 }), { 11: b(DATA) });
    const other = m.harts[1]!;
    setX(other, 11, b(DATA + 4));
    setX(other, 12, 5n);
    m.memory.noteRamWrite(0x100, 4); // an unrelated write changes nothing
    other.pc = RAM_BASE + 0x100;
    m.ram.view.setUint32(0x100, encode('sw', { rs1: 11, rs2: 12 }), true);
    other.step();
    expect(readMemory64(m, DATA) >> 32n).toBe(5n);
    expect(getX(execute(m, encode('sc.w', { rd: 12, rs1: 11, rs2: 13 }), { 11: b(DATA), 13: 1n }), 12)).toBe(1n);
  });

  it('misaligned lr raises load-address-misaligned, misaligned sc store/AMO-misaligned; rd unchanged', () => {
    const m = createMachine();
    let h = execute(m, encode('lr.w', { rd: 10, rs1: 11 }), { 10: 3n, 11: b(DATA + 2) });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.loadMisaligned), mepc: b(RAM_BASE), mtval: b(DATA + 2) });
    expect(getX(h, 10)).toBe(3n);
    h = execute(m, encode('lr.d', { rd: 10, rs1: 11 }), { 11: b(DATA + 4) });
    expect(lastTrap(h).mcause).toBe(b(Exception.loadMisaligned));
    h = execute(m, encode('sc.d', { rd: 10, rs1: 11, rs2: 12 }), { 11: b(DATA + 4) });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeMisaligned), mepc: b(RAM_BASE), mtval: b(DATA + 4) });
    expect(getX(h, 10)).toBe(3n);
  });

  it('lr outside RAM is a load access fault, sc outside RAM a store access fault', () => {
    const m = createMachine();
    let h = execute(m, encode('lr.d', { rd: 10, rs1: 11 }), { 11: 0x1000n });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.loadAccessFault), mepc: b(RAM_BASE), mtval: 0x1000n });
    h = execute(m, encode('sc.w', { rd: 10, rs1: 11 }), { 11: 0x1000n });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeAccessFault), mepc: b(RAM_BASE), mtval: 0x1000n });
  });
});

describe('AMOs', () => {
  const ops: [string, (old: bigint, src: bigint, bits: 32 | 64) => bigint][] = [
    ['amoswap', (_o, s) => s],
    ['amoadd', (o, s) => o + s],
    ['amoxor', (o, s) => o ^ s],
    ['amoand', (o, s) => o & s],
    ['amoor', (o, s) => o | s],
    ['amomin', (o, s, n) => (BigInt.asIntN(n, s) < BigInt.asIntN(n, o) ? s : o)],
    ['amomax', (o, s, n) => (BigInt.asIntN(n, s) > BigInt.asIntN(n, o) ? s : o)],
    ['amominu', (o, s, n) => (BigInt.asUintN(n, s) < BigInt.asUintN(n, o) ? s : o)],
    ['amomaxu', (o, s, n) => (BigInt.asUintN(n, s) > BigInt.asUintN(n, o) ? s : o)],
  ];
  const m = createMachine();
  for (const [op, model] of ops) {
    it(`${op}.d: rd = old, memory = op(old, rs2)`, () => {
      fc.assert(
        fc.property(int64, int64, fc.constantFrom(10, 13), (old, src, rd) => {
          writeMemory64(m, DATA, old);
          const h = execute(m, encode(`${op}.d`, { rd, rs1: 12, rs2: 13 }), { 12: b(DATA), 13: src });
          expect(getX(h, rd)).toBe(old);
          expect(readMemory64(m, DATA)).toBe(s64(model(old, src, 64)));
        }),
        { numRuns: 300 },
      );
    });
    it(`${op}.w: 32-bit op, rd = old word sign-extended, upper word untouched`, () => {
      fc.assert(
        fc.property(int64, int64, fc.constantFrom(10, 13), fc.boolean(), (old, src, rd, upper) => {
          const address = upper ? DATA + 4 : DATA;
          writeMemory64(m, DATA, old);
          const oldWord = upper ? u64(old) >> 32n : zext32(old);
          const h = execute(m, encode(`${op}.w`, { rd, rs1: 12, rs2: 13 }), { 12: b(address), 13: src });
          expect(getX(h, rd)).toBe(sext32(oldWord));
          const newWord = zext32(model(oldWord, zext32(src), 32));
          const want = upper ? (newWord << 32n) | zext32(old) : (u64(old) & ~0xffffffffn) | newWord;
          expect(u64(readMemory64(m, DATA))).toBe(want);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('misaligned AMOs raise store/AMO-address-misaligned; outside RAM store/AMO access fault', () => {
    let h = execute(m, encode('amoadd.w', { rd: 10, rs1: 11, rs2: 12 }), { 10: 4n, 11: b(DATA + 1) });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeMisaligned), mepc: b(RAM_BASE), mtval: b(DATA + 1) });
    expect(getX(h, 10)).toBe(4n);
    h = execute(m, encode('amoor.d', { rd: 10, rs1: 11, rs2: 12 }), { 11: b(DATA + 4) });
    expect(lastTrap(h).mcause).toBe(b(Exception.storeMisaligned));
    h = execute(m, encode('amoswap.d', { rd: 10, rs1: 11, rs2: 12 }), { 11: 0x2000n });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeAccessFault), mepc: b(RAM_BASE), mtval: 0x2000n });
    expect(getX(h, 10)).toBe(4n);
  });

  it('an AMO breaks a reservation on its granule and drops decoded code it overwrites', () => {
    const mm = createMachine();
    execute(mm, encode('lr.d', { rd: 10, rs1: 11 }), { 11: b(DATA) });
    execute(mm, encode('amoadd.w', { rd: 0, rs1: 11, rs2: 12 }), { 12: 1n }, RAM_BASE + 8);
    expect(getX(execute(mm, encode('sc.d', { rd: 13, rs1: 11, rs2: 12 })), 13)).toBe(1n);

    // Execute an instruction at CODE, overwrite it with an AMO, execute it again.
    const code = RAM_BASE + 0x100;
    execute(mm, encode('addi', { rd: 5, rs1: 0, imm: 1 }), {}, code);
    expect(getX(mm.hart, 5)).toBe(1n);
    const replacement = encode('addi', { rd: 5, rs1: 0, imm: 2 });
    setX(mm.hart, 11, b(code));
    setX(mm.hart, 12, b(replacement));
    mm.ram.view.setUint32(0, encode('amoswap.w', { rd: 0, rs1: 11, rs2: 12 }), true);
    mm.memory.noteRamWrite(0, 4);
    mm.hart.pc = RAM_BASE;
    mm.hart.step();
    mm.hart.pc = code;
    mm.hart.step();
    expect(getX(mm.hart, 5)).toBe(2n);
  });
});
