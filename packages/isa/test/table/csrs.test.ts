import { describe, expect, it } from 'vitest';
import { CSR, CSRS, RV32_ONLY_CSRS, csrName, csrNumber } from '@rvhv/isa';

describe('CSR table', () => {
  it('has unique 12-bit numbers and names, and both lookups agree', () => {
    expect(new Set(CSRS.map((c) => c.number)).size).toBe(CSRS.length);
    for (const { name, number } of CSRS) {
      expect(number).toBeGreaterThanOrEqual(0);
      expect(number).toBeLessThan(0x1000);
      expect(csrNumber(name)).toBe(number);
      expect(csrName(number)).toBe(name);
      expect(CSR[name]).toBe(number);
    }
    expect(csrName(0x7c0)).toBeUndefined();
    expect(csrNumber('nope')).toBeUndefined();
  });

  it('numbers the CSRs as the privileged spec 1.12 does', () => {
    const expected: Record<string, number> = {
      fflags: 0x001, frm: 0x002, fcsr: 0x003, cycle: 0xc00, time: 0xc01, instret: 0xc02, hpmcounter31: 0xc1f,
      sstatus: 0x100, sie: 0x104, stvec: 0x105, scounteren: 0x106, senvcfg: 0x10a, sscratch: 0x140, sepc: 0x141,
      scause: 0x142, stval: 0x143, sip: 0x144, stimecmp: 0x14d, satp: 0x180,
      hstatus: 0x600, hedeleg: 0x602, hideleg: 0x603, hie: 0x604, htimedelta: 0x605, hcounteren: 0x606,
      hgeie: 0x607, henvcfg: 0x60a, htval: 0x643, hip: 0x644, hvip: 0x645, htinst: 0x64a, hgatp: 0x680,
      hgeip: 0xe12, vsstatus: 0x200, vsie: 0x204, vstvec: 0x205, vsscratch: 0x240, vsepc: 0x241, vscause: 0x242,
      vstval: 0x243, vsip: 0x244, vstimecmp: 0x24d, vsatp: 0x280,
      mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15, mstatus: 0x300,
      misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305, mcounteren: 0x306, menvcfg: 0x30a,
      mcountinhibit: 0x320, mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
      mtinst: 0x34a, mtval2: 0x34b, mseccfg: 0x747, pmpcfg0: 0x3a0, pmpcfg15: 0x3af, pmpaddr0: 0x3b0,
      pmpaddr63: 0x3ef, mcycle: 0xb00, minstret: 0xb02, mhpmcounter3: 0xb03, mhpmcounter31: 0xb1f,
      mhpmevent3: 0x323, mhpmevent31: 0x33f, tselect: 0x7a0, tdata1: 0x7a1, tdata2: 0x7a2, tdata3: 0x7a3,
      dcsr: 0x7b0, dpc: 0x7b1, dscratch0: 0x7b2, dscratch1: 0x7b3,
    };
    for (const [name, number] of Object.entries(expected)) expect(csrNumber(name), name).toBe(number);
  });

  it('lists all counters, event selectors and PMP registers', () => {
    for (let i = 3; i <= 31; i++) {
      for (const name of [`hpmcounter${i}`, `hpmcounter${i}h`, `mhpmcounter${i}`, `mhpmcounter${i}h`, `mhpmevent${i}`]) {
        expect(csrNumber(name), name).toBeDefined();
      }
    }
    for (let i = 0; i < 16; i++) expect(csrNumber(`pmpcfg${i}`)).toBe(0x3a0 + i);
    for (let i = 0; i < 64; i++) expect(csrNumber(`pmpaddr${i}`)).toBe(0x3b0 + i);
  });

  it('marks the RV32-only halves', () => {
    for (const name of ['cycleh', 'mstatush', 'pmpcfg1', 'pmpcfg15', 'mhpmcounter31h', 'henvcfgh', 'stimecmph']) {
      expect(RV32_ONLY_CSRS.has(name as never), name).toBe(true);
    }
    for (const name of ['cycle', 'mstatus', 'pmpcfg0', 'pmpcfg14', 'henvcfg', 'hpmcounter31']) {
      expect(RV32_ONLY_CSRS.has(name as never), name).toBe(false);
    }
  });
});
