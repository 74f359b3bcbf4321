// The hart with two-stage translation (H spec 8.5, 8.6.2, 8.6.3): guest-page
// faults with htval/mtval2, GVA and htinst/mtinst (transformed instructions
// and the implicit-access pseudo-instructions), HLV/HLVX/HSV through vsatp
// and hgatp with SPVP, MPRV with MPV, page-crossing accesses, fences, and
// the translation CSRs.
import { describe, expect, it } from 'vitest';
import { CSR, Exception, type Hart } from '@rvhv/isa';
import {
  atp,
  attempt,
  CODE,
  csrRead,
  csrWrite,
  encode,
  getCsr,
  makeHart,
  PageTables,
  PTE,
  RAM_BASE,
  RWX,
  setCsr,
  setMode,
  setXreg,
  xreg,
} from './h-helpers.js';

const SV39 = 8n;
const SPV = 1n << 7n;
const GVA = 1n << 6n;
const MGVA = 1n << 38n;
const MPV = 1n << 39n;

/** Guest-page faults and page/access faults delegated to HS-mode. */
const DELEGATED =
  (1n << 20n) | (1n << 21n) | (1n << 23n) | (1n << 12n) | (1n << 13n) | (1n << 15n) | (1n << 5n) | (1n << 7n) | (1n << 4n) | (1n << 6n);

interface Guest {
  h: Hart;
  pt: PageTables;
  groot: number;
}

/**
 * A hart whose G-stage (Sv39x4) maps guest physical 0x8000_0000 (2 MiB,
 * covering all RAM) to the same host addresses, user RWX; nothing else.
 */
function guest(delegate = true): Guest {
  const h = makeHart();
  const pt = new PageTables(h, RAM_BASE + 0x80000);
  const groot = pt.table(true);
  pt.map(groot, 0x8000_0000n, 0x8000_0000n, RWX | PTE.U, { level: 1, x4: true });
  csrWrite(h, 'M', 'hgatp', atp(SV39, groot));
  if (delegate) csrWrite(h, 'M', 'medeleg', DELEGATED);
  return { h, pt, groot };
}

describe('guest-page faults of explicit accesses', () => {
  it('a load from an unmapped guest physical page: cause 21 to HS, htval = GPA >> 2, GVA, transformed lw in htinst', () => {
    const { h } = guest();
    setXreg(h, 6, 0x1000_0000n);
    expect(attempt(h, 'VS', encode('lw', { rd: 5, rs1: 6, imm_i: 8 }))).toMatchObject({
      to: 'HS',
      cause: Exception.loadGuestPageFault,
      tval: 0x1000_0008n,
    });
    expect(getCsr(h, 'htval')).toBe(0x1000_0008n >> 2n);
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('lw', { rd: 5, rs1: 0, imm_i: 0 })));
    expect(getCsr(h, 'hstatus') & (SPV | GVA)).toBe(SPV | GVA);
  });

  it('a store: cause 23, transformed sd keeps rs2 and drops rs1 and the offset', () => {
    const { h } = guest();
    setXreg(h, 6, 0x1000_0000n);
    expect(attempt(h, 'VS', encode('sd', { rs2: 7, rs1: 6, imm_s: -16 }))).toMatchObject({
      to: 'HS',
      cause: Exception.storeGuestPageFault,
      tval: 0x0fff_fff0n,
    });
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('sd', { rs2: 7, rs1: 0, imm_s: 0 })));
    expect(getCsr(h, 'htval')).toBe(0x0fff_fff0n >> 2n);
  });

  it('a compressed load: the 32-bit expansion, transformed, with bit 1 cleared', () => {
    const { h } = guest();
    setXreg(h, 8, 0x1000_0000n);
    expect(attempt(h, 'VU', encode('c.lw', { c_rd_p: 9, c_rs1_p: 8, c_uimm7: 4 }))).toMatchObject({
      cause: Exception.loadGuestPageFault,
      tval: 0x1000_0004n,
    });
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('lw', { rd: 9, rs1: 0, imm_i: 0 }) & ~2));
  });

  it('a compressed store (c.sdsp): expansion sd with rs2, bit 1 cleared', () => {
    const { h } = guest();
    setXreg(h, 2, 0x1000_0000n);
    expect(attempt(h, 'VS', encode('c.sdsp', { c_rs2: 11, c_uimm9sp_s: 8 }))).toMatchObject({ cause: Exception.storeGuestPageFault });
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('sd', { rs2: 11, rs1: 0, imm_s: 0 }) & ~2));
  });

  it('AMOs and LR keep every field but rs1', () => {
    const { h } = guest();
    setXreg(h, 6, 0x1000_0000n);
    const amo = encode('amoadd.d', { rd: 5, rs1: 6, rs2: 7 });
    expect(attempt(h, 'VS', amo)).toMatchObject({ cause: Exception.storeGuestPageFault });
    expect(getCsr(h, 'htinst')).toBe(BigInt(amo & ~(0x1f << 15)));
    const lr = encode('lr.w', { rd: 5, rs1: 6 });
    expect(attempt(h, 'VS', lr)).toMatchObject({ cause: Exception.loadGuestPageFault });
    expect(getCsr(h, 'htinst')).toBe(BigInt(lr & ~(0x1f << 15)));
  });

  it('into M-mode (not delegated): mtval2, mtinst, MPV, GVA', () => {
    const { h } = guest(false);
    setXreg(h, 6, 0x1000_0000n);
    expect(attempt(h, 'VS', encode('lw', { rd: 5, rs1: 6 }))).toMatchObject({ to: 'M', cause: Exception.loadGuestPageFault });
    expect(getCsr(h, 'mtval2')).toBe(0x1000_0000n >> 2n);
    expect(getCsr(h, 'mtinst')).toBe(BigInt(encode('lw', { rd: 5, rs1: 0 })));
    expect(getCsr(h, 'mstatus') & (MPV | MGVA)).toBe(MPV | MGVA);
  });

  it('cannot be delegated to VS-mode (hedeleg bits 20-23 are read-only zero)', () => {
    const { h } = guest();
    csrWrite(h, 'M', 'hedeleg', 0xffffffn);
    setXreg(h, 6, 0x1000_0000n);
    expect(attempt(h, 'VU', encode('lw', { rd: 5, rs1: 6 }))).toMatchObject({ to: 'HS', cause: Exception.loadGuestPageFault });
  });

  it('a page fault (not guest-page fault) writes htval = htinst = 0', () => {
    const { h, pt } = guest();
    const vroot = pt.table();
    csrWrite(h, 'M', 'vsatp', atp(SV39, vroot));
    // VS stage maps the code page only; 0x4000_0000 is unmapped at the VS stage.
    pt.map(vroot, BigInt(CODE), BigInt(CODE), RWX);
    setCsr(h, 'htval', 5n);
    setCsr(h, 'htinst', 5n);
    setXreg(h, 6, 0x4000_0000n);
    expect(attempt(h, 'VS', encode('lw', { rd: 5, rs1: 6 }))).toMatchObject({ to: 'HS', cause: Exception.loadPageFault, tval: 0x4000_0000n });
    expect(getCsr(h, 'htval')).toBe(0n);
    expect(getCsr(h, 'htinst')).toBe(0n);
    expect(getCsr(h, 'hstatus') & GVA).toBe(GVA);
  });
});

describe('guest-page faults of implicit VS-stage accesses', () => {
  it('an instruction fetch whose VS-stage root is unmapped: cause 20, pseudo-instruction 0x3000, htval = PTE GPA >> 2', () => {
    const { h } = guest();
    csrWrite(h, 'M', 'vsatp', atp(SV39, 0x9000_0000));
    expect(attempt(h, 'VS', encode('addi', { rd: 5, rs1: 5, imm_i: 1 }))).toMatchObject({
      to: 'HS',
      cause: Exception.instructionGuestPageFault,
      tval: BigInt(CODE),
    });
    // VPN[2] of 0x8000_0000 is 2: the root PTE read is at 0x9000_0010.
    expect(getCsr(h, 'htval')).toBe(0x9000_0010n >> 2n);
    expect(getCsr(h, 'htinst')).toBe(0x3000n);
  });

  it('a load whose VS-stage table lives in an unmapped guest page: cause 21 (the original access type), pseudo read', () => {
    const { h, pt } = guest();
    const vroot = pt.table();
    pt.map(vroot, BigInt(CODE), BigInt(CODE), RWX, { level: 1 });
    // VA 0x4000_0000: root entry 1 points to a table at GPA 0x9000_0000 (no G-stage mapping).
    pt.writePte(vroot + 8, ((0x9000_0000n >> 12n) << 10n) | PTE.V);
    csrWrite(h, 'M', 'vsatp', atp(SV39, vroot));
    setXreg(h, 6, 0x4000_0000n);
    expect(attempt(h, 'VS', encode('ld', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadGuestPageFault, tval: 0x4000_0000n });
    expect(getCsr(h, 'htval')).toBe(0x9000_0000n >> 2n);
    expect(getCsr(h, 'htinst')).toBe(0x3000n);
  });

  it('an A/D update of a VS-stage PTE in a guest page mapped read-only: pseudo write 0x3020', () => {
    const { h, pt, groot } = guest();
    // VA 0x4000_0000 -> root[1] -> level-1 table at GPA 0x4010_0000 -> level-0 table at GPA
    // 0x4010_1000 -> leaf without A. Both guest pages map read-only (host 0x8009_0000/1000).
    const host = RAM_BASE + 0x9_0000;
    pt.map(groot, 0x4010_0000n, BigInt(host), PTE.V | PTE.R | PTE.A | PTE.U, { x4: true });
    pt.map(groot, 0x4010_1000n, BigInt(host + 0x1000), PTE.V | PTE.R | PTE.A | PTE.U, { x4: true });
    const vroot = pt.table();
    pt.map(vroot, BigInt(CODE), BigInt(CODE), RWX, { level: 1 });
    pt.writePte(vroot + 8, ((0x4010_0000n >> 12n) << 10n) | PTE.V);
    pt.writePte(host, ((0x4010_1000n >> 12n) << 10n) | PTE.V);
    pt.writePte(host + 0x1000, ((0x8000_0000n >> 12n) << 10n) | PTE.V | PTE.R | PTE.W); // A = D = 0
    csrWrite(h, 'M', 'vsatp', atp(SV39, vroot));
    csrWrite(h, 'M', 'menvcfg', 1n << 61n); // ADUE: hardware A/D updating
    csrWrite(h, 'M', 'henvcfg', 1n << 61n);
    setXreg(h, 6, 0x4000_0000n);
    expect(attempt(h, 'VS', encode('ld', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadGuestPageFault, tval: 0x4000_0000n });
    expect(getCsr(h, 'htinst')).toBe(0x3020n);
    expect(getCsr(h, 'htval')).toBe(0x4010_1000n >> 2n);
  });
});

describe('page-crossing misaligned accesses', () => {
  it('report the page-boundary address and the offset into the access in htinst', () => {
    const { h, pt, groot } = guest();
    pt.map(groot, 0x4000_0000n, BigInt(RAM_BASE + 0x4_0000), RWX | PTE.U, { x4: true });
    setXreg(h, 6, 0x4000_0ffcn);
    expect(attempt(h, 'VS', encode('ld', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadGuestPageFault, tval: 0x4000_1000n });
    expect(getCsr(h, 'htval')).toBe(0x4000_1000n >> 2n);
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('ld', { rd: 5, rs1: 4 })));
  });

  it('do not write the first page when the second faults, and work when both are mapped', () => {
    const { h, pt, groot } = guest();
    pt.map(groot, 0x4000_0000n, BigInt(RAM_BASE + 0x4_0000), RWX | PTE.U, { x4: true });
    setXreg(h, 6, 0x4000_0ffen);
    setXreg(h, 7, 0x1122_3344_5566_7788n);
    expect(attempt(h, 'VS', encode('sd', { rs1: 6, rs2: 7 }))).toMatchObject({ cause: Exception.storeGuestPageFault, tval: 0x4000_1000n });
    expect(h.memory.ram.view.getUint16(0x4_0ffe, true)).toBe(0);
    expect(getCsr(h, 'htinst')).toBe(BigInt(encode('sd', { rs1: 2, rs2: 7 })));
    pt.map(groot, 0x4000_1000n, BigInt(RAM_BASE + 0x5_0000), RWX | PTE.U, { x4: true });
    attempt(h, 'HS', encode('hfence.gvma'));
    expect(attempt(h, 'VS', encode('sd', { rs1: 6, rs2: 7 }))).toEqual({ trap: false });
    expect(h.memory.ram.view.getUint16(0x4_0ffe, true)).toBe(0x7788);
    expect(h.memory.ram.view.getUint32(0x5_0000, true)).toBe(0x3344_5566);
    expect(attempt(h, 'VS', encode('ld', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    expect(xreg(h, 5)).toBe(0x1122_3344_5566_7788n);
  });
});

describe('HLV, HLVX and HSV through two-stage translation', () => {
  /** VS stage: VA 0x1000_0000 -> GPA 0x4000_0000 with `vflags`; G stage: GPA 0x4000_0000 -> host +0x4_0000 with `gflags`. */
  function vm(vflags: bigint, gflags: bigint): Guest {
    const g = guest();
    const vroot = g.pt.table();
    g.pt.map(vroot, 0x1000_0000n, 0x4000_0000n, vflags);
    g.pt.map(g.groot, 0x4000_0000n, BigInt(RAM_BASE + 0x4_0000), gflags, { x4: true });
    csrWrite(g.h, 'M', 'vsatp', atp(SV39, vroot));
    g.h.memory.ram.view.setUint32(0x4_0000, 0xcafe_f00d, true);
    setXreg(g.h, 6, 0x1000_0000n);
    return g;
  }

  it('read guest virtual memory from HS-mode at privilege SPVP', () => {
    const { h } = vm(RWX, RWX | PTE.U);
    csrWrite(h, 'M', 'hstatus', 1n << 8n); // SPVP = 1: as VS-mode
    expect(attempt(h, 'HS', encode('hlv.wu', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    expect(xreg(h, 5)).toBe(0xcafe_f00dn);
    setXreg(h, 7, 0x1234n);
    expect(attempt(h, 'HS', encode('hsv.h', { rs1: 6, rs2: 7 }))).toEqual({ trap: false });
    expect(h.memory.ram.view.getUint32(0x4_0000, true)).toBe(0xcafe_1234);
  });

  it('follow SPVP: a supervisor page from SPVP = 0 (VU) is a page fault; a user page from SPVP = 1 needs vsstatus.SUM', () => {
    const sup = vm(RWX, RWX | PTE.U);
    csrWrite(sup.h, 'M', 'hstatus', 0n);
    expect(attempt(sup.h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadPageFault, tval: 0x1000_0000n });
    const user = vm(RWX | PTE.U, RWX | PTE.U);
    csrWrite(user.h, 'M', 'hstatus', 1n << 8n);
    expect(attempt(user.h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadPageFault });
    csrWrite(user.h, 'M', 'vsstatus', 1n << 18n); // vsstatus.SUM
    expect(attempt(user.h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    csrWrite(user.h, 'M', 'hstatus', 0n);
    csrWrite(user.h, 'M', 'vsstatus', 0n);
    expect(attempt(user.h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
  });

  it('HLVX needs execute, not read, permission in both stages', () => {
    const xOnly = vm(PTE.V | PTE.X | PTE.A, PTE.V | PTE.X | PTE.A | PTE.U);
    csrWrite(xOnly.h, 'M', 'hstatus', 1n << 8n);
    expect(attempt(xOnly.h, 'HS', encode('hlvx.wu', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    expect(xreg(xOnly.h, 5)).toBe(0xcafe_f00dn);
    expect(attempt(xOnly.h, 'HS', encode('hlvx.hu', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    expect(xreg(xOnly.h, 5)).toBe(0xf00dn);
    expect(attempt(xOnly.h, 'HS', encode('hlv.w', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadPageFault });
    const readOnly = vm(PTE.V | PTE.R | PTE.A, RWX | PTE.U);
    csrWrite(readOnly.h, 'M', 'hstatus', 1n << 8n);
    expect(attempt(readOnly.h, 'HS', encode('hlvx.wu', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadPageFault });
    const gReadOnly = vm(RWX, PTE.V | PTE.R | PTE.A | PTE.U);
    csrWrite(gReadOnly.h, 'M', 'hstatus', 1n << 8n);
    expect(attempt(gReadOnly.h, 'HS', encode('hlvx.wu', { rd: 5, rs1: 6 }))).toMatchObject({ cause: Exception.loadGuestPageFault });
  });

  it('a G-stage fault of HLV from HS: SPV = 0, GVA = 1, transformed HLV in htinst', () => {
    const { h } = vm(RWX, PTE.V | PTE.R | PTE.A | PTE.U);
    csrWrite(h, 'M', 'hstatus', 1n << 8n);
    const hsv = encode('hsv.w', { rs1: 6, rs2: 7 });
    expect(attempt(h, 'HS', hsv)).toMatchObject({ to: 'HS', cause: Exception.storeGuestPageFault, tval: 0x1000_0000n });
    expect(getCsr(h, 'hstatus') & (SPV | GVA)).toBe(GVA);
    expect(getCsr(h, 'htinst')).toBe(BigInt(hsv & ~(0x1f << 15)));
    expect(getCsr(h, 'htval')).toBe(0x4000_0000n >> 2n);
  });

  it('from U-mode with HU = 1', () => {
    const { h } = vm(RWX, RWX | PTE.U);
    csrWrite(h, 'M', 'hstatus', (1n << 9n) | (1n << 8n));
    expect(attempt(h, 'U', encode('hlv.d', { rd: 5, rs1: 6 }))).toEqual({ trap: false });
    expect(xreg(h, 5) & 0xffff_ffffn).toBe(0xcafe_f00dn);
  });
});

describe('MPRV with MPV', () => {
  it('makes M-mode loads two-stage (MPV = 1) and single-stage (MPV = 0)', () => {
    const { h } = guest(false);
    setMode(h, 'M');
    setCsr(h, 'mstatus', (1n << 17n) | (1n << 11n) | MPV); // MPRV, MPP = S, MPV
    h.translationChanged();
    h.pc = CODE;
    h.load(0x1000_0000, 4, true); // unmapped at the G stage
    expect(getCsr(h, 'mcause')).toBe(BigInt(Exception.loadGuestPageFault));
    expect(getCsr(h, 'mtval2')).toBe(0x1000_0000n >> 2n);
    expect(getCsr(h, 'mstatus') & (MGVA | MPV)).toBe(MGVA);
    // MPV = 0: HS-level translation, Bare satp: 0x8000_8000 is plain RAM.
    setMode(h, 'M');
    setCsr(h, 'mstatus', (1n << 17n) | (1n << 11n));
    h.translationChanged();
    h.trapped = false;
    h.memory.ram.view.setUint32(0x8000, 77, true);
    expect(h.load(RAM_BASE + 0x8000, 4, true)).toBe(77);
    expect(h.trapped).toBe(false);
  });
});

describe('translation CSRs', () => {
  it('satp: Sv39 and Sv48 are accepted, Sv57 and reserved modes leave satp unchanged', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'satp', atp(8n, 0x8010_0000) | (5n << 44n));
    expect(csrRead(h, 'M', 'satp')).toBe(atp(8n, 0x8010_0000) | (5n << 44n));
    csrWrite(h, 'M', 'satp', atp(10n, 0x8020_0000));
    expect(csrRead(h, 'M', 'satp')).toBe(atp(8n, 0x8010_0000) | (5n << 44n));
    csrWrite(h, 'M', 'satp', atp(9n, 0x8020_0000));
    expect(csrRead(h, 'M', 'satp') >> 60n).toBe(9n);
  });

  it('hgatp: Sv39x4 and Sv48x4 are accepted; Sv57x4 keeps the old MODE', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hgatp', atp(8n, 0x8010_0000));
    expect(csrRead(h, 'HS', 'hgatp') >> 60n).toBe(8n);
    csrWrite(h, 'HS', 'hgatp', atp(10n, 0x8020_0000));
    const v = csrRead(h, 'HS', 'hgatp');
    expect(v >> 60n).toBe(8n);
    expect(v & 0xfff_ffffn).toBe(0x80200n);
  });

  it('PMP: pmpcfg0/pmpaddr read back; a locked entry binds M-mode too', () => {
    const h = makeHart();
    expect(csrRead(h, 'M', 'pmpcfg0') & 0xffn).toBe(0x1fn);
    // Entry 1: NA4 over 0x8000_8000, locked, no permissions; entry 0 moved after it.
    csrWrite(h, 'M', 'pmpaddr1', 0x1n);
    csrWrite(h, 'M', 'pmpaddr0', BigInt(RAM_BASE + 0x8000) >> 2n);
    csrWrite(h, 'M', 'pmpaddr2', (1n << 54n) - 1n);
    csrWrite(h, 'M', 'pmpcfg0', (0x1fn << 16n) | (0x90n << 0n)); // entry 0: L, NA4, --- ; entry 2: NAPOT RWX
    expect(csrRead(h, 'M', 'pmpcfg0') & 0xffn).toBe(0x90n);
    setMode(h, 'M');
    h.pc = CODE;
    h.load(RAM_BASE + 0x8000, 4, true);
    expect(getCsr(h, 'mcause')).toBe(BigInt(Exception.loadAccessFault));
    expect(csrAttempt(h, CSR.pmpcfg1)).toBe(true);
  });
});

/** Whether a CSR number is illegal (pmpcfg1 exists on RV32 only). */
function csrAttempt(h: Hart, csr: number): boolean {
  const out = attempt(h, 'M', encode('csrrs', { rd: 5, csr, rs1: 0 }));
  return out.trap && out.cause === Exception.illegalInstruction;
}
