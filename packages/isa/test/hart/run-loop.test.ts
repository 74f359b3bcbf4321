// The batched run loop (Hart.run) against one instruction at a time
// (Hart.step): the loop keeps pc and the code page in locals, settles
// instret once per batch, leaves x0 to the handlers bound for rd = 0, and
// takes loads and stores through per-hart RAM TLBs. None of that may be
// visible: every state the loop leaves must be the one the steps leave.
import { describe, expect, it } from 'vitest';
import { CSR, Exception, type Hart } from '@rvhv/isa';
import { createMachine, encode, getCsr, getX, loadProgram, RAM_BASE, setX, writeHalves, writeWords, type TestMachine } from './harness.js';
import * as hv from './h-helpers.js';

const MTVEC = RAM_BASE + 0x3000;
const DATA = RAM_BASE + 0x6000;
/** An encoding of the custom-0 opcode: no table row, an illegal instruction. */
const ILLEGAL = 0x0000000b;

/**
 * A program that crosses pages, mixes compressed and 32-bit instructions,
 * has a 32-bit instruction straddling a page boundary, loads and stores,
 * writes x0, reads minstret/mcycle, and takes two traps, one raised by an
 * instruction (ecall) and one by the fetch (an illegal encoding), whose
 * handler skips them; it ends in a spin loop.
 */
function loadMixedProgram(m: TestMachine): void {
  const h = m.hart;
  h.csr[CSR.mtvec * 2] = MTVEC | 0;
  // Trap handler: mepc += 4; mret.
  writeWords(m, MTVEC, [
    encode('csrrs', { rd: 28, csr: CSR.mepc, rs1: 0 }),
    encode('addi', { rd: 28, rs1: 28, imm: 4 }),
    encode('csrrw', { rd: 0, csr: CSR.mepc, rs1: 28 }),
    encode('mret'),
  ]);
  loadProgram(m, [
    encode('lui', { rd: 10, imm: (DATA >>> 12) & 0xfffff }), // x10 = DATA (sign-extended: fix the high word below)
    encode('slli', { rd: 10, rs1: 10, imm: 32 }),
    encode('srli', { rd: 10, rs1: 10, imm: 32 }),
    encode('addi', { rd: 5, rs1: 0, imm: 40 }), // loop count
    // loop (RAM_BASE + 16):
    encode('ld', { rd: 6, rs1: 10, imm: 0 }),
    encode('add', { rd: 7, rs1: 7, rs2: 6 }),
    encode('xor', { rd: 8, rs1: 8, rs2: 7 }),
    encode('addi', { rd: 0, rs1: 8, imm: 3 }), // writes x0
    encode('sd', { rs1: 10, rs2: 7, imm: 8 }),
    encode('addi', { rd: 6, rs1: 6, imm: 1 }),
    encode('sd', { rs1: 10, rs2: 6, imm: 0 }),
    encode('addi', { rd: 5, rs1: 5, imm: -1 }),
    encode('bne', { rs1: 5, rs2: 0, imm: -32 }),
    encode('ecall'), // the handler skips it
    encode('csrrs', { rd: 11, csr: CSR.minstret, rs1: 0 }),
    encode('csrrs', { rd: 12, csr: CSR.mcycle, rs1: 0 }),
    ILLEGAL, // and this (fetched in the middle of a batch)
    encode('jal', { rd: 1, imm: 0xffe - 68 }), // (at RAM_BASE + 68) to RAM_BASE + 0xffe:
  ]);
  // a 32-bit instruction across the page boundary, then a compressed one and a spin.
  const at = RAM_BASE + 0xffe;
  writeHalves(m, at, [encode('addi', { rd: 13, rs1: 0, imm: 77 }) & 0xffff, encode('addi', { rd: 13, rs1: 0, imm: 77 }) >>> 16]);
  writeHalves(m, at + 4, [encode('c.addi', { rd: 13, imm: 5 }), encode('c.j', { imm: 0 })]); // then spin on the c.j
}

/** Everything the two ways of running must agree on. */
function state(h: Hart, m: TestMachine): unknown {
  return {
    pc: h.pc,
    x: Array.from(h.x),
    cycles: h.cycles,
    instret: h.instret,
    mepc: getCsr(h, CSR.mepc),
    mcause: getCsr(h, CSR.mcause),
    mtval: getCsr(h, CSR.mtval),
    data: [m.ram.view.getBigUint64(DATA - RAM_BASE, true), m.ram.view.getBigUint64(DATA + 8 - RAM_BASE, true)],
  };
}

describe('run(n) and n steps', () => {
  it('leave the same state after any number of instructions', () => {
    for (const n of [1, 4, 5, 17, 100, 250, 256, 257, 370, 380, 400, 1000]) {
      const batched = createMachine();
      const stepped = createMachine();
      loadMixedProgram(batched);
      loadMixedProgram(stepped);
      expect(batched.hart.run(n)).toBe(n);
      for (let i = 0; i < n; i++) stepped.hart.step();
      expect(state(batched.hart, batched), `after ${n} instructions`).toEqual(state(stepped.hart, stepped));
    }
  });

  it('the program ran as written: the page-straddling instruction, the trap, the counters', () => {
    const m = createMachine();
    loadMixedProgram(m);
    m.hart.run(1000);
    const h = m.hart;
    expect(getX(h, 13)).toBe(82n);
    expect(getX(h, 0)).toBe(0n);
    expect(getCsr(h, CSR.mcause)).toBe(BigInt(Exception.illegalInstruction));
    expect(getCsr(h, CSR.mepc)).toBe(BigInt(RAM_BASE + 64 + 4)); // the illegal instruction, stepped over by the handler
    expect(getCsr(h, CSR.mtval)).toBe(BigInt(ILLEGAL));
    // 4 + 40 * 9 instructions before the ecall; it traps (not retired), then 4 handler instructions.
    const retiredBeforeCsrr = 4 + 40 * 9 + 4;
    expect(getX(h, 11)).toBe(BigInt(retiredBeforeCsrr));
    // mcycle counts the trapped ecall and the csrr before it too.
    expect(getX(h, 12)).toBe(BigInt(retiredBeforeCsrr + 1 + 1 + 1));
    expect(h.cycles - h.instret).toBe(2);
  });
});

describe('x0 under the run loop', () => {
  it('stays zero whatever writes it', () => {
    const m = createMachine();
    setX(m.hart, 5, 0x1234n);
    setX(m.hart, 7, BigInt(DATA));
    m.ram.view.setUint32(DATA - RAM_BASE, 0xdeadbeef, true);
    loadProgram(m, [
      encode('addi', { rd: 0, rs1: 5, imm: 1 }),
      encode('lui', { rd: 0, imm: 0x12345 }),
      encode('auipc', { rd: 0, imm: 1 }),
      encode('lw', { rd: 0, rs1: 7, imm: 0 }),
      encode('csrrs', { rd: 0, csr: CSR.mscratch, rs1: 5 }),
      encode('jal', { rd: 0, imm: 4 }),
      encode('add', { rd: 6, rs1: 0, rs2: 0 }),
      encode('or', { rd: 8, rs1: 0, rs2: 5 }),
    ]);
    setX(m.hart, 6, 99n);
    m.hart.run(8);
    expect(getX(m.hart, 0)).toBe(0n);
    expect(getX(m.hart, 6)).toBe(0n);
    expect(getX(m.hart, 8)).toBe(0x1234n);
    expect(getCsr(m.hart, CSR.mscratch)).toBe(0x1234n);
  });
});

describe('the misaligned policy', () => {
  it('can change after the hart is made, and the fast path follows it', () => {
    const m = createMachine();
    setX(m.hart, 11, BigInt(DATA));
    loadProgram(m, [encode('lw', { rd: 10, rs1: 11, imm: 0 }), encode('lw', { rd: 10, rs1: 11, imm: 2 })]);
    m.hart.run(2);
    expect(m.hart.instret).toBe(2);
    m.hart.misaligned = 'trap';
    expect(m.hart.misaligned).toBe('trap');
    m.hart.pc = RAM_BASE;
    m.hart.run(2);
    expect(getCsr(m.hart, CSR.mcause)).toBe(BigInt(Exception.loadMisaligned));
    expect(getCsr(m.hart, CSR.mtval)).toBe(BigInt(DATA + 2));
  });
});

describe('translated accesses under the run loop', () => {
  const SV39 = 8n;
  const CODE_VA = hv.CODE;
  const DATA_VA = 0x4000_0000;
  const PAGE_A = hv.RAM_BASE + 0x40000;
  const PAGE_B = hv.RAM_BASE + 0x41000;

  /**
   * S-mode with Sv39: RAM identity-mapped as one 2 MiB page (code, tables),
   * DATA_VA mapped to PAGE_A with 4 KiB pages. Returns the hart and where
   * DATA_VA's leaf PTE lives.
   */
  function supervisor(): { h: Hart; leaf: number } {
    const h = hv.makeHart();
    const pt = new hv.PageTables(h, hv.RAM_BASE + 0x20000);
    const root = pt.table();
    pt.map(root, BigInt(hv.RAM_BASE), BigInt(hv.RAM_BASE), hv.RWX, { level: 1 });
    pt.map(root, BigInt(DATA_VA), BigInt(PAGE_A), hv.RWX);
    hv.csrWrite(h, 'M', 'satp', hv.atp(SV39, root));
    // The leaf: root[1] -> level 1 table -> level 0 table, entry 0.
    const view = h.memory.ram.view;
    const l1 = Number((view.getBigUint64(root + 8 - hv.RAM_BASE, true) >> 10n) << 12n);
    const l0 = Number((view.getBigUint64(l1 - hv.RAM_BASE, true) >> 10n) << 12n);
    h.memory.ram.view.setBigUint64(PAGE_A - hv.RAM_BASE, 111n, true);
    h.memory.ram.view.setBigUint64(PAGE_B - hv.RAM_BASE, 222n, true);
    return { h, leaf: l0 };
  }

  function program(h: Hart, words: readonly number[]): void {
    words.forEach((w, i) => hv.place(h, w, CODE_VA + 4 * i));
    hv.setMode(h, 'HS');
    h.pc = CODE_VA;
  }

  it('a page the S-mode code remaps is seen through the new mapping after sfence.vma', () => {
    const { h, leaf } = supervisor();
    hv.setXreg(h, 10, BigInt(DATA_VA));
    hv.setXreg(h, 11, BigInt(leaf));
    hv.setXreg(h, 12, ((BigInt(PAGE_B) >> 12n) << 10n) | hv.RWX);
    program(h, [
      hv.encode('ld', { rd: 5, rs1: 10, imm_i: 0 }),
      hv.encode('sd', { rs1: 11, rs2: 12, imm_s: 0 }), // the leaf now points at PAGE_B
      hv.encode('sfence.vma', { rs1: 0, rs2: 0 }),
      hv.encode('ld', { rd: 6, rs1: 10, imm_i: 0 }),
      hv.encode('sd', { rs1: 10, rs2: 5, imm_s: 8 }),
    ]);
    h.run(5);
    expect(hv.xreg(h, 5)).toBe(111n);
    expect(hv.xreg(h, 6)).toBe(222n);
    expect(h.memory.ram.view.getBigUint64(PAGE_B + 8 - hv.RAM_BASE, true)).toBe(111n);
    expect(h.pc).toBe(CODE_VA + 20);
  });

  it('a store fault after loads from the same page reports the store (the load TLB does not grant stores)', () => {
    const { h, leaf } = supervisor();
    // Make DATA_VA read-only.
    h.memory.ram.view.setBigUint64(leaf - hv.RAM_BASE, ((BigInt(PAGE_A) >> 12n) << 10n) | (hv.RWX & ~hv.PTE.W), true);
    h.memory.noteRamWrite(leaf - hv.RAM_BASE, 8);
    hv.setXreg(h, 10, BigInt(DATA_VA));
    program(h, [hv.encode('ld', { rd: 5, rs1: 10, imm_i: 0 }), hv.encode('ld', { rd: 6, rs1: 10, imm_i: 8 }), hv.encode('sd', { rs1: 10, rs2: 5, imm_s: 16 })]);
    h.run(3);
    expect(hv.xreg(h, 5)).toBe(111n);
    expect(hv.getCsr(h, 'mcause')).toBe(BigInt(Exception.storePageFault));
    expect(hv.getCsr(h, 'mtval')).toBe(BigInt(DATA_VA + 16));
    expect(hv.getCsr(h, 'mepc')).toBe(BigInt(CODE_VA + 8));
  });

  it('a guest-page fault in VS-mode under run reports the transformed instruction in htinst, as under step', () => {
    const outcome = (batched: boolean): { htinst: bigint; htval: bigint; x5: bigint } => {
      const h = hv.makeHart();
      const pt = new hv.PageTables(h, hv.RAM_BASE + 0x80000);
      const groot = pt.table(true);
      pt.map(groot, 0x8000_0000n, 0x8000_0000n, hv.RWX | hv.PTE.U, { level: 1, x4: true });
      hv.csrWrite(h, 'M', 'hgatp', hv.atp(SV39, groot));
      hv.csrWrite(h, 'M', 'medeleg', 1n << 21n);
      hv.setXreg(h, 7, BigInt(hv.DATA));
      const words = [hv.encode('ld', { rd: 5, rs1: 7, imm_i: 0 }), hv.encode('addi', { rd: 8, rs1: 5, imm_i: 1 }), hv.encode('lw', { rd: 9, rs1: 6, imm_i: 8 })];
      words.forEach((w, i) => hv.place(h, w, hv.CODE + 4 * i));
      // Twice: the second time the instructions are decoded already and come from the code page.
      for (const x6 of [BigInt(hv.DATA), 0x1000_0000n]) {
        hv.setXreg(h, 6, x6);
        hv.setMode(h, 'VS');
        h.pc = hv.CODE;
        if (batched) h.run(3);
        else for (let i = 0; i < 3; i++) h.step();
      }
      expect(h.pc).toBe(hv.STVEC);
      return { htinst: hv.getCsr(h, 'htinst'), htval: hv.getCsr(h, 'htval'), x5: hv.xreg(h, 5) };
    };
    const batched = outcome(true);
    expect(batched).toEqual(outcome(false));
    expect(batched.htinst).toBe(BigInt(hv.encode('lw', { rd: 9, rs1: 0, imm_i: 0 })));
    expect(batched.htval).toBe(0x1000_0008n >> 2n);
  });
});
