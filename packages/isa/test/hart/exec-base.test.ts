import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exception } from '../../src/hart/causes.js';
import { checkRegImm, checkRegReg, sext32, zext32 } from './exec-check.js';
import {
  createMachine,
  encode,
  execute,
  getX,
  lastTrap,
  loadProgram,
  RAM_BASE,
  readMemory64,
  setX,
  writeHalves,
  writeMemory64,
} from './harness.js';
import { int64, u64 } from './int64-reference.js';

const b = BigInt;

describe('RV64I register-register', () => {
  const models: [string, (a: bigint, c: bigint) => bigint][] = [
    ['add', (a, c) => a + c],
    ['sub', (a, c) => a - c],
    ['sll', (a, c) => a << (c & 63n)],
    ['srl', (a, c) => u64(a) >> (c & 63n)],
    ['sra', (a, c) => a >> (c & 63n)],
    ['slt', (a, c) => (a < c ? 1n : 0n)],
    ['sltu', (a, c) => (u64(a) < u64(c) ? 1n : 0n)],
    ['xor', (a, c) => a ^ c],
    ['or', (a, c) => a | c],
    ['and', (a, c) => a & c],
    ['addw', (a, c) => sext32(a + c)],
    ['subw', (a, c) => sext32(a - c)],
    ['sllw', (a, c) => sext32(a << (c & 31n))],
    ['srlw', (a, c) => sext32(zext32(a) >> (c & 31n))],
    ['sraw', (a, c) => sext32(a) >> (c & 31n)],
  ];
  for (const [name, model] of models) it(name, () => checkRegReg(name, model));
});

describe('RV64I register-immediate', () => {
  const models: [string, (a: bigint, imm: number) => bigint][] = [
    ['addi', (a, i) => a + b(i)],
    ['slti', (a, i) => (a < b(i) ? 1n : 0n)],
    // The immediate is sign-extended, then compared unsigned: sltiu rd, rs, -1 is "rs != 2^64-1".
    ['sltiu', (a, i) => (u64(a) < u64(b(i)) ? 1n : 0n)],
    ['xori', (a, i) => a ^ b(i)],
    ['ori', (a, i) => a | b(i)],
    ['andi', (a, i) => a & b(i)],
    ['slli', (a, i) => a << b(i)],
    ['srli', (a, i) => u64(a) >> b(i)],
    ['srai', (a, i) => a >> b(i)],
    ['addiw', (a, i) => sext32(a + b(i))],
    ['slliw', (a, i) => sext32(a << b(i))],
    ['srliw', (a, i) => sext32(zext32(a) >> b(i))],
    ['sraiw', (a, i) => sext32(a) >> b(i)],
  ];
  for (const [name, model] of models) it(name, () => checkRegImm(name, model));

  it('sltiu with immediate 1 is seqz, with -1 compares against 2^64-1', () => {
    const m = createMachine();
    expect(getX(execute(m, encode('sltiu', { rd: 5, rs1: 6, imm: 1 }), { 6: 0n }), 5)).toBe(1n);
    expect(getX(execute(m, encode('sltiu', { rd: 5, rs1: 6, imm: 1 }), { 6: 1n << 40n }), 5)).toBe(0n);
    expect(getX(execute(m, encode('sltiu', { rd: 5, rs1: 6, imm: -1 }), { 6: -2n }), 5)).toBe(1n);
    expect(getX(execute(m, encode('sltiu', { rd: 5, rs1: 6, imm: -1 }), { 6: -1n }), 5)).toBe(0n);
  });

  it('writes to x0 are discarded', () => {
    const m = createMachine();
    const h = execute(m, encode('addi', { rd: 0, rs1: 0, imm: 5 }));
    expect(getX(h, 0)).toBe(0n);
  });
});

describe('RV64I upper immediates', () => {
  it('lui sign-extends imm << 12 from 32 bits', () => {
    const m = createMachine();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xfffff }), (imm) => {
        const h = execute(m, encode('lui', { rd: 7, imm }));
        expect(getX(h, 7)).toBe(sext32(b(imm) << 12n));
      }),
    );
    expect(getX(execute(m, encode('lui', { rd: 7, imm: 0x80000 })), 7)).toBe(-0x80000000n);
  });

  it('auipc adds the sign-extended immediate to the pc of the auipc', () => {
    const m = createMachine();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xfffff }), fc.integer({ min: 0, max: 1000 }), (imm, slot) => {
        const pc = RAM_BASE + 4 * slot;
        const h = execute(m, encode('auipc', { rd: 9, imm }), {}, pc);
        expect(getX(h, 9)).toBe(b(pc) + sext32(b(imm) << 12n));
      }),
    );
  });
});

describe('RV64I jumps', () => {
  it('jal links pc + 4 and jumps pc-relative, backwards too', () => {
    const m = createMachine();
    const pc = RAM_BASE + 0x100;
    let h = execute(m, encode('jal', { rd: 1, imm: -0x40 }), {}, pc);
    expect(h.pc).toBe(pc - 0x40);
    expect(getX(h, 1)).toBe(b(pc + 4));
    h = execute(m, encode('jal', { rd: 0, imm: 0xffffe }), {}, pc);
    expect(h.pc).toBe(pc + 0xffffe);
  });

  it('jalr clears bit 0 of the target and links after reading rs1 (rd = rs1)', () => {
    const m = createMachine();
    const pc = RAM_BASE + 0x200;
    let h = execute(m, encode('jalr', { rd: 5, rs1: 5, imm: 3 }), { 5: b(RAM_BASE + 0x1000) }, pc);
    expect(h.pc).toBe(RAM_BASE + 0x1002);
    expect(getX(h, 5)).toBe(b(pc + 4));
    h = execute(m, encode('jalr', { rd: 1, rs1: 6, imm: -1 }), { 6: b(RAM_BASE + 0x10) }, pc);
    expect(h.pc).toBe(RAM_BASE + 0xe);
    expect(getX(h, 1)).toBe(b(pc + 4));
  });

  it('jalr to a negative (sign-extended high) address clears bit 0', () => {
    const m = createMachine();
    const h = execute(m, encode('jalr', { rd: 0, rs1: 6, imm: 0 }), { 6: -0x7fffffffn });
    expect(h.pc).toBe(-0x80000000);
  });

  it('compressed jumps link pc + 2 (c.jalr, c.jal is not RV64)', () => {
    const m = createMachine();
    const pc = RAM_BASE + 0x300;
    writeHalves(m, pc, [encode('c.jalr', { rs1: 7 })]);
    setX(m.hart, 7, b(RAM_BASE + 0x1235));
    m.hart.pc = pc;
    m.hart.step();
    expect(m.hart.pc).toBe(RAM_BASE + 0x1234);
    expect(getX(m.hart, 1)).toBe(b(pc + 2));
    writeHalves(m, pc, [encode('c.j', { imm: -8 })]);
    m.hart.pc = pc;
    m.hart.step();
    expect(m.hart.pc).toBe(pc - 8);
  });
});

describe('RV64I branches', () => {
  const models: [string, (a: bigint, c: bigint) => boolean][] = [
    ['beq', (a, c) => a === c],
    ['bne', (a, c) => a !== c],
    ['blt', (a, c) => a < c],
    ['bge', (a, c) => a >= c],
    ['bltu', (a, c) => u64(a) < u64(c)],
    ['bgeu', (a, c) => u64(a) >= u64(c)],
  ];
  const m = createMachine();
  const pc = RAM_BASE + 0x8000;
  for (const [name, taken] of models) {
    it(`${name} goes to pc + imm when taken, else pc + 4`, () => {
      const offset = fc.oneof(fc.constantFrom(-4096, 4094, 8, -2), fc.integer({ min: -2048, max: 2047 }).map((i) => i * 2));
      // Operand pairs that differ only in the high word, only in the low word, or not at all.
      const pair = fc.oneof(
        fc.tuple(int64, int64),
        int64.map((a): [bigint, bigint] => [a, a]),
        fc.tuple(int64, fc.integer({ min: 0, max: 31 })).map(([a, k]): [bigint, bigint] => [a, BigInt.asIntN(64, a ^ (1n << b(k + 32)))]),
        fc.tuple(int64, fc.integer({ min: 0, max: 31 })).map(([a, k]): [bigint, bigint] => [a, BigInt.asIntN(64, a ^ (1n << b(k)))]),
      );
      fc.assert(
        fc.property(pair, offset, ([a, c], imm) => {
          const h = execute(m, encode(name, { rs1: 3, rs2: 4, imm }), { 3: a, 4: c }, pc);
          expect(h.pc).toBe(taken(a, c) ? pc + imm : pc + 4);
        }),
        { numRuns: 500 },
      );
      // Same register on both sides.
      const h = execute(m, encode(name, { rs1: 3, rs2: 3, imm: 16 }), { 3: -5n }, pc);
      expect(h.pc).toBe(taken(-5n, -5n) ? pc + 16 : pc + 4);
    });
  }
});

describe('RV64I loads and stores', () => {
  const DATA = RAM_BASE + 0x4000;

  it('loads sign- or zero-extend each width, with negative offsets', () => {
    const m = createMachine();
    writeMemory64(m, DATA, -0x0123456789abcdefn); // bytes 11 32 54 76 98 ba dc fe
    const value = u64(-0x0123456789abcdefn);
    const loads: [string, number, boolean][] = [
      ['lb', 1, true],
      ['lbu', 1, false],
      ['lh', 2, true],
      ['lhu', 2, false],
      ['lw', 4, true],
      ['lwu', 4, false],
      ['ld', 8, true],
    ];
    for (const [name, width, signed] of loads) {
      for (let offset = 0; offset + width <= 8; offset += width) {
        const h = execute(m, encode(name, { rd: 10, rs1: 11, imm: offset - 16 }), { 11: b(DATA + 16) });
        const raw = (value >> b(8 * offset)) & ((1n << b(8 * width)) - 1n);
        const want = signed ? BigInt.asIntN(8 * width, raw) : raw;
        expect(getX(h, 10), `${name} at +${offset}`).toBe(want);
      }
    }
  });

  it('stores write the low bytes of rs2 only', () => {
    const m = createMachine();
    const stores: [string, number][] = [
      ['sb', 1],
      ['sh', 2],
      ['sw', 4],
      ['sd', 8],
    ];
    fc.assert(
      fc.property(int64, int64, fc.constantFrom(...stores), fc.integer({ min: -16, max: 16 }), (old, v, [name, width], imm) => {
        writeMemory64(m, DATA, old);
        const base = DATA - imm;
        execute(m, encode(name, { rs1: 12, rs2: 13, imm }), { 12: b(base), 13: v });
        const mask = width === 8 ? (1n << 64n) - 1n : (1n << b(8 * width)) - 1n;
        expect(u64(readMemory64(m, DATA))).toBe((u64(old) & ~mask) | (u64(v) & mask));
      }),
      { numRuns: 300 },
    );
  });

  it('a load with rd = rs1 reads the address first', () => {
    const m = createMachine();
    writeMemory64(m, DATA, 42n);
    expect(getX(execute(m, encode('ld', { rd: 5, rs1: 5, imm: 0 }), { 5: b(DATA) }), 5)).toBe(42n);
  });

  it('a load outside RAM raises a load access fault: mtval = address, mepc = pc, rd unchanged', () => {
    const m = createMachine();
    const pc = RAM_BASE + 0x40;
    const h = execute(m, encode('lw', { rd: 10, rs1: 11, imm: 8 }), { 10: 77n, 11: 0x1000n }, pc);
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.loadAccessFault), mepc: b(pc), mtval: 0x1008n });
    expect(getX(h, 10)).toBe(77n);
    expect(h.instret).toBe(0);
  });

  it('a store outside RAM raises a store access fault', () => {
    const m = createMachine();
    const h = execute(m, encode('sd', { rs1: 11, rs2: 12, imm: -8 }), { 11: 0x2000n, 12: 1n });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeAccessFault), mepc: b(RAM_BASE), mtval: 0x1ff8n });
  });

  it('misaligned accesses trap when the policy says so, and work otherwise', () => {
    const trapping = createMachine({ misaligned: 'trap' });
    let h = execute(trapping, encode('lw', { rd: 10, rs1: 11, imm: 2 }), { 10: 5n, 11: b(DATA) });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.loadMisaligned), mepc: b(RAM_BASE), mtval: b(DATA + 2) });
    expect(getX(h, 10)).toBe(5n);
    h = execute(trapping, encode('sh', { rs1: 11, rs2: 10, imm: 1 }), { 11: b(DATA) });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.storeMisaligned), mepc: b(RAM_BASE), mtval: b(DATA + 1) });

    const performing = createMachine();
    writeMemory64(performing, DATA, 0x1122334455667788n);
    h = execute(performing, encode('lw', { rd: 10, rs1: 11, imm: 1 }), { 11: b(DATA) });
    expect(getX(h, 10)).toBe(0x44556677n);
    h = execute(performing, encode('sd', { rs1: 11, rs2: 12, imm: 3 }), { 11: b(DATA), 12: -1n });
    expect(u64(readMemory64(performing, DATA))).toBe(0xffffffffff667788n);
  });

  it('a store over code already executed makes the hart run the new instruction', () => {
    const m = createMachine();
    // 0: addi x5, x5, 1 ; 4: sw x6, 0(x7) (overwrites 0 with addi x5, x5, 16) ; 8: jal x0, -8
    loadProgram(m, [encode('addi', { rd: 5, rs1: 5, imm: 1 }), encode('sw', { rs1: 7, rs2: 6 }), encode('jal', { imm: -8 })]);
    setX(m.hart, 6, b(encode('addi', { rd: 5, rs1: 5, imm: 16 })));
    setX(m.hart, 7, b(RAM_BASE));
    m.hart.run(4);
    expect(getX(m.hart, 5)).toBe(17n);
  });
});

describe('illegal instructions', () => {
  it('an encoding with no table row traps with mtval = its bits', () => {
    const m = createMachine();
    const word = (encode('add', { rd: 1, rs1: 2, rs2: 3 }) | (0x7f << 25)) >>> 0;
    const h = execute(m, word, { 1: 9n });
    expect(lastTrap(h)).toEqual({ mcause: b(Exception.illegalInstruction), mepc: b(RAM_BASE), mtval: b(word) });
    expect(getX(h, 1)).toBe(9n);
  });
});

describe('a small program', () => {
  it('sums 1..100 in a loop', () => {
    const m = createMachine();
    loadProgram(m, [
      encode('addi', { rd: 5, rs1: 0, imm: 100 }), // n = 100
      encode('addi', { rd: 6, rs1: 0, imm: 0 }), // sum = 0
      encode('add', { rd: 6, rs1: 6, rs2: 5 }), // loop: sum += n
      encode('addi', { rd: 5, rs1: 5, imm: -1 }), // n--
      encode('bne', { rs1: 5, rs2: 0, imm: -8 }), // while n != 0
      encode('jal', { rd: 0, imm: 0 }), // halt: spin
    ]);
    m.hart.run(2 + 3 * 100 + 10);
    expect(getX(m.hart, 6)).toBe(5050n);
    expect(m.hart.pc).toBe(RAM_BASE + 20);
  });
});
