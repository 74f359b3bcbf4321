// The H extension's CSRs at the hart level (H spec 8.2, 8.4): which mode may
// access what, how V=1 redirects supervisor CSRs to their VS replicas, and
// the WARL/alias rules of each register.
import { describe, expect, it } from 'vitest';
import { CSR, Exception, type CsrName } from '@rvhv/isa';
import { attempt, csrAttempt, csrRead, csrWrite, encode, getCsr, makeHart, type Mode } from './h-helpers.js';

const HYPERVISOR_CSRS: CsrName[] = [
  'hstatus',
  'hedeleg',
  'hideleg',
  'hie',
  'htimedelta',
  'hcounteren',
  'hgeie',
  'henvcfg',
  'htval',
  'hip',
  'hvip',
  'htinst',
  'hgatp',
];
const VS_CSRS: CsrName[] = ['vsstatus', 'vsie', 'vstvec', 'vsscratch', 'vsepc', 'vscause', 'vstval', 'vsip', 'vsatp'];

describe('misa and reset state', () => {
  it('advertises H and starts in M-mode with V=0 and VSXL = UXL = 64', () => {
    const h = makeHart();
    expect(csrRead(h, 'M', 'misa') & (1n << 7n)).toBe(1n << 7n);
    expect(h.virt).toBe(false);
    expect((csrRead(h, 'M', 'hstatus') >> 32n) & 3n).toBe(2n);
    expect((csrRead(h, 'M', 'vsstatus') >> 32n) & 3n).toBe(2n);
  });
});

describe('access rules', () => {
  it('lets M and HS access hypervisor and VS CSRs', () => {
    for (const mode of ['M', 'HS'] as Mode[]) {
      for (const name of [...HYPERVISOR_CSRS, ...VS_CSRS, 'hgeip' as CsrName]) {
        const h = makeHart();
        expect(csrAttempt(h, mode, CSR[name], false), `${mode} reads ${name}`).toEqual({ trap: false });
      }
    }
  });

  it('raises a virtual instruction for hypervisor and VS CSRs from VS and VU, an illegal instruction from U', () => {
    for (const name of [...HYPERVISOR_CSRS, ...VS_CSRS]) {
      for (const [mode, cause] of [
        ['VS', Exception.virtualInstruction],
        ['VU', Exception.virtualInstruction],
        ['U', Exception.illegalInstruction],
      ] as [Mode, number][]) {
        for (const write of [false, true]) {
          const h = makeHart();
          const out = csrAttempt(h, mode, CSR[name], write);
          expect(out, `${mode} ${write ? 'writes' : 'reads'} ${name}`).toMatchObject({ trap: true, to: 'M', cause });
        }
      }
    }
  });

  it('raises a virtual instruction for supervisor CSRs from VU, an illegal instruction from U', () => {
    for (const name of ['sstatus', 'sie', 'stvec', 'scounteren', 'senvcfg', 'sscratch', 'sepc', 'scause', 'stval', 'sip', 'satp'] as CsrName[]) {
      const h = makeHart();
      expect(csrAttempt(h, 'VU', CSR[name], false), name).toMatchObject({ trap: true, cause: Exception.virtualInstruction });
      expect(csrAttempt(h, 'U', CSR[name], false), name).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
    }
  });

  it('raises an illegal instruction for M-level CSRs from V=1 and for unimplemented CSRs', () => {
    for (const mode of ['VS', 'VU'] as Mode[]) {
      for (const name of ['mstatus', 'mtval2', 'mtinst', 'mscratch'] as CsrName[]) {
        const h = makeHart();
        expect(csrAttempt(h, mode, CSR[name], false)).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
      }
      // hcontext is not implemented: always illegal, never virtual (H spec 8.6.1: "implemented" CSRs only).
      expect(csrAttempt(makeHart(), mode, CSR.hcontext, false)).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
    }
  });

  it('raises an illegal instruction for a write to read-only hgeip, even from VS', () => {
    for (const mode of ['HS', 'VS'] as Mode[]) {
      expect(csrAttempt(makeHart(), mode, CSR.hgeip, true)).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
    }
    // A read from VS is a virtual instruction: HS may read hgeip.
    expect(csrAttempt(makeHart(), 'VS', CSR.hgeip, false)).toMatchObject({ trap: true, cause: Exception.virtualInstruction });
  });

  it('reports the instruction bits as tval of a virtual-instruction trap', () => {
    const h = makeHart();
    const out = csrAttempt(h, 'VS', CSR.hstatus, false);
    expect(out).toMatchObject({ trap: true, cause: Exception.virtualInstruction });
    if (out.trap) expect(out.tval).toBe(BigInt(encode('csrrs', { rd: 30, csr: CSR.hstatus, rs1: 0 })));
  });
});

describe('VS replicas of the supervisor CSRs', () => {
  const pairs: [CsrName, CsrName][] = [
    ['sscratch', 'vsscratch'],
    ['sepc', 'vsepc'],
    ['scause', 'vscause'],
    ['stval', 'vstval'],
    ['stvec', 'vstvec'],
  ];

  it('redirects S CSR numbers to the VS CSRs when V=1 and leaves the HS ones untouched', () => {
    for (const [s, vs] of pairs) {
      const h = makeHart();
      csrWrite(h, 'M', s, 0x1110n);
      csrWrite(h, 'M', vs, 0x2220n);
      expect(csrRead(h, 'VS', s), s).toBe(0x2220n);
      csrWrite(h, 'VS', s, 0x3330n);
      expect(csrRead(h, 'M', vs), vs).toBe(0x3330n);
      expect(csrRead(h, 'M', s), s).toBe(0x1110n);
      expect(csrRead(h, 'HS', s), s).toBe(0x1110n);
    }
  });

  it('gives VS-mode vsstatus as sstatus, with its own SD', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', 0n);
    csrWrite(h, 'VS', 'sstatus', (3n << 13n) | 2n); // FS = Dirty, SIE
    const vs = csrRead(h, 'M', 'vsstatus');
    expect(vs & 2n).toBe(2n);
    expect((vs >> 13n) & 3n).toBe(3n);
    expect(vs >> 63n).toBe(1n);
    expect((vs >> 32n) & 3n).toBe(2n); // UXL stays 64
    const m = csrRead(h, 'M', 'mstatus');
    expect(m & 2n).toBe(0n);
    expect((m >> 13n) & 3n).toBe(0n);
    expect(csrRead(h, 'VS', 'sstatus')).toBe(vs);
  });

  it('keeps scounteren and senvcfg shared (no VS replica)', () => {
    const h = makeHart();
    csrWrite(h, 'VS', 'scounteren', 5n);
    expect(csrRead(h, 'HS', 'scounteren')).toBe(5n);
    csrWrite(h, 'VS', 'senvcfg', 1n);
    expect(csrRead(h, 'HS', 'senvcfg')).toBe(1n);
  });

  it('redirects satp to vsatp, with VTVM trapping VS and TVM trapping only HS', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'satp', 0n);
    csrWrite(h, 'VS', 'satp', 0n);
    csrWrite(h, 'M', 'hstatus', 1n << 20n); // VTVM
    expect(csrAttempt(h, 'VS', CSR.satp, false)).toMatchObject({ trap: true, cause: Exception.virtualInstruction });
    expect(csrAttempt(h, 'HS', CSR.satp, false)).toEqual({ trap: false });
    csrWrite(h, 'M', 'hstatus', 0n);
    csrWrite(h, 'M', 'mstatus', 1n << 20n); // TVM
    expect(csrAttempt(h, 'VS', CSR.satp, false)).toEqual({ trap: false });
    expect(csrAttempt(h, 'HS', CSR.satp, false)).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
    expect(csrAttempt(h, 'HS', CSR.vsatp, false)).toEqual({ trap: false }); // TVM does not cover vsatp
    expect(csrAttempt(h, 'HS', CSR.hgatp, false)).toMatchObject({ trap: true, cause: Exception.illegalInstruction });
    expect(csrAttempt(h, 'M', CSR.hgatp, false)).toEqual({ trap: false });
  });

  it('ignores a satp write with an unsupported MODE from VS-mode (no write to vsatp)', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'vsatp', 0x1234n);
    csrWrite(h, 'VS', 'satp', (15n << 60n) | 0x55n);
    expect(csrRead(h, 'M', 'vsatp')).toBe(0x1234n);
  });
});

describe('hstatus', () => {
  it('holds the writable fields and fixes VSXL, VSBE', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hstatus', 0xffff_ffff_ffff_ffffn);
    const v = csrRead(h, 'HS', 'hstatus');
    const writable = (1n << 6n) | (1n << 7n) | (1n << 8n) | (1n << 9n) | (1n << 20n) | (1n << 21n) | (1n << 22n);
    expect(v).toBe(writable | (2n << 32n)); // VGEIN read-only zero with GEILEN = 0, VSBE = 0, VSXL = 64
  });

  it('keeps VGEIN within 0..GEILEN (WLRL)', () => {
    const h = makeHart({ geilen: 4 });
    csrWrite(h, 'HS', 'hstatus', 3n << 12n);
    expect((csrRead(h, 'HS', 'hstatus') >> 12n) & 0x3fn).toBe(3n);
    csrWrite(h, 'HS', 'hstatus', 9n << 12n);
    expect((csrRead(h, 'HS', 'hstatus') >> 12n) & 0x3fn).toBe(3n);
    csrWrite(h, 'HS', 'hstatus', 4n << 12n);
    expect((csrRead(h, 'HS', 'hstatus') >> 12n) & 0x3fn).toBe(4n);
  });
});

describe('delegation registers', () => {
  it('medeleg: the H exceptions are delegable, ecall from M is not', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'medeleg', 0xffff_ffffn);
    expect(csrRead(h, 'M', 'medeleg')).toBe(0xf0b7ffn);
  });

  it('hedeleg: bits 9-11 and 20-23 are read-only zero', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hedeleg', 0xffff_ffff_ffff_ffffn);
    const v = csrRead(h, 'HS', 'hedeleg');
    expect(v).toBe(0xb1ffn);
    for (const bit of [9, 10, 11, 16, 20, 21, 22, 23]) expect((v >> BigInt(bit)) & 1n, `bit ${bit}`).toBe(0n);
  });

  it('hideleg: only the VS-level interrupts 2, 6, 10', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hideleg', 0xffffn);
    expect(csrRead(h, 'HS', 'hideleg')).toBe(0x444n);
  });

  it('mideleg: VS-level interrupt bits are read-only one, SGEI too when GEILEN > 0', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mideleg', 0n);
    expect(csrRead(h, 'M', 'mideleg')).toBe(0x444n);
    csrWrite(h, 'M', 'mideleg', 0xffffn);
    expect(csrRead(h, 'M', 'mideleg')).toBe(0x666n);
    const g = makeHart({ geilen: 2 });
    csrWrite(g, 'M', 'mideleg', 0n);
    expect(csrRead(g, 'M', 'mideleg')).toBe(0x1444n);
  });
});

describe('interrupt registers', () => {
  it('hvip holds VSSIP, VSTIP, VSEIP, which show in hip and mip', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hvip', 0xffffn);
    expect(csrRead(h, 'HS', 'hvip')).toBe(0x444n);
    expect(csrRead(h, 'HS', 'hip')).toBe(0x444n);
    expect(csrRead(h, 'M', 'mip') & 0x444n).toBe(0x444n);
  });

  it('hip.VSSIP and mip.VSSIP are writable aliases of hvip.VSSIP; VSTIP and VSEIP are read-only there', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hip', 0x444n);
    expect(csrRead(h, 'HS', 'hvip')).toBe(0x4n);
    csrWrite(h, 'M', 'mip', 0n);
    expect(csrRead(h, 'HS', 'hvip')).toBe(0n);
    csrWrite(h, 'M', 'mip', 0x4n);
    expect(csrRead(h, 'HS', 'hip')).toBe(0x4n);
  });

  it('hie aliases mie bits 2, 6, 10 (and SGEIE only with GEILEN > 0)', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hie', 0xffffn);
    expect(csrRead(h, 'HS', 'hie')).toBe(0x444n);
    expect(csrRead(h, 'M', 'mie')).toBe(0x444n);
    const g = makeHart({ geilen: 1 });
    csrWrite(g, 'HS', 'hie', 0xffffn);
    expect(csrRead(g, 'HS', 'hie')).toBe(0x1444n);
  });

  it('sip and sie show only S-level bits, never the VS-level ones', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mideleg', 0x222n);
    csrWrite(h, 'M', 'mie', 0xfffn);
    csrWrite(h, 'HS', 'hvip', 0x444n);
    expect(csrRead(h, 'HS', 'sie')).toBe(0x222n);
    expect(csrRead(h, 'HS', 'sip')).toBe(0n);
    csrWrite(h, 'HS', 'sie', 0n);
    expect(csrRead(h, 'M', 'mie')).toBe(0xeeen & ~0x222n);
  });

  it('vsip/vsie: VS-level bits shifted down by one where hideleg delegates them, zero elsewhere', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hvip', 0x444n);
    csrWrite(h, 'HS', 'hie', 0x444n);
    expect(csrRead(h, 'VS', 'sip')).toBe(0n);
    expect(csrRead(h, 'VS', 'sie')).toBe(0n);
    csrWrite(h, 'HS', 'hideleg', 0x044n); // VSSI and VSTI only
    expect(csrRead(h, 'VS', 'sip')).toBe(0x22n);
    expect(csrRead(h, 'VS', 'sie')).toBe(0x22n);
    expect(csrRead(h, 'HS', 'vsip')).toBe(0x22n);
    // vsip.SSIP writes hvip.VSSIP; vsip.STIP is read-only.
    csrWrite(h, 'VS', 'sip', 0n);
    expect(csrRead(h, 'HS', 'hvip')).toBe(0x440n);
    // vsie writes hie bits 2 and 6 only (10 is not delegated).
    csrWrite(h, 'VS', 'sie', 0n);
    expect(csrRead(h, 'HS', 'hie')).toBe(0x400n);
    csrWrite(h, 'VS', 'sie', 0x222n);
    expect(csrRead(h, 'HS', 'hie')).toBe(0x444n);
  });

  it('hgeip reflects the guest external lines; hgeie has bits GEILEN:1; SGEIP = hgeip & hgeie', () => {
    const h = makeHart({ geilen: 3 });
    csrWrite(h, 'HS', 'hgeie', 0xffn);
    expect(csrRead(h, 'HS', 'hgeie')).toBe(0xen);
    h.setGuestExternalInterrupt(2, true);
    expect(csrRead(h, 'HS', 'hgeip')).toBe(4n);
    expect(csrRead(h, 'HS', 'hip') & (1n << 12n)).toBe(1n << 12n);
    csrWrite(h, 'HS', 'hgeie', 0x2n);
    expect(csrRead(h, 'HS', 'hip') & (1n << 12n)).toBe(0n);
    expect(() => h.setGuestExternalInterrupt(4, true)).toThrow(RangeError);
  });

  it('hstatus.VGEIN selects the hgeip bit that drives VSEIP', () => {
    const h = makeHart({ geilen: 3 });
    h.setGuestExternalInterrupt(3, true);
    expect(csrRead(h, 'HS', 'hip') & 0x400n).toBe(0n);
    csrWrite(h, 'HS', 'hstatus', 3n << 12n);
    expect(csrRead(h, 'HS', 'hip') & 0x400n).toBe(0x400n);
    csrWrite(h, 'HS', 'hstatus', 2n << 12n);
    expect(csrRead(h, 'HS', 'hip') & 0x400n).toBe(0n);
  });

  it('mip read-modify-write uses the software SEIP bit, not the external line', () => {
    const h = makeHart();
    h.setIrqLine(9, true);
    expect(csrRead(h, 'M', 'mip') & 0x200n).toBe(0x200n);
    csrWrite(h, 'M', 'mip', 0n);
    // csrrsi x0, mip, 2 (set SSIP): SEIP must not become software-pending.
    expect(attempt(h, 'M', encode('csrrsi', { rd: 0, csr: CSR.mip, zimm: 2 }))).toEqual({ trap: false });
    expect(getCsr(h, 'mip') & 0x202n).toBe(2n);
    h.setIrqLine(9, false);
    expect(csrRead(h, 'M', 'mip') & 0x202n).toBe(2n);
  });
});

describe('hgatp', () => {
  it('keeps MODE on an unsupported value but writes the other fields (WARL, not ignored)', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'hgatp', (7n << 60n) | (0xffffn << 44n) | ((1n << 44n) - 1n));
    const v = csrRead(h, 'HS', 'hgatp');
    expect(v >> 60n).toBe(0n);
    expect((v >> 44n) & 0x3fffn).toBe(0x3fffn); // VMIDLEN = 14
    expect(v & 3n).toBe(0n); // PPN[1:0] read-only zero
    expect(v & ((1n << 44n) - 1n)).toBe((1n << 44n) - 4n);
    expect((v >> 58n) & 3n).toBe(0n); // bits 59:58 are zero
  });
});

describe('mstatus H fields', () => {
  it('MPV and GVA are writable; sstatus does not show them', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', (1n << 39n) | (1n << 38n));
    expect((csrRead(h, 'M', 'mstatus') >> 38n) & 3n).toBe(3n);
    expect((csrRead(h, 'HS', 'sstatus') >> 38n) & 3n).toBe(0n);
    expect((csrRead(h, 'M', 'mstatus') >> 32n) & 0xfn).toBe(0xan); // SXL = UXL = 64
  });
});

describe('counters with V=1', () => {
  function counterHart(m: bigint, hc: bigint, s: bigint) {
    const h = makeHart();
    csrWrite(h, 'M', 'mcounteren', m);
    csrWrite(h, 'M', 'hcounteren', hc);
    csrWrite(h, 'M', 'scounteren', s);
    return h;
  }

  it('mcounteren off: illegal everywhere below M', () => {
    for (const mode of ['HS', 'U', 'VS', 'VU'] as Mode[]) {
      expect(csrAttempt(counterHart(0n, 7n, 7n), mode, CSR.cycle, false)).toMatchObject({ cause: Exception.illegalInstruction });
    }
  });

  it('hcounteren off: virtual instruction in VS and VU, no effect in HS/U', () => {
    for (const mode of ['VS', 'VU'] as Mode[]) {
      expect(csrAttempt(counterHart(7n, 0n, 7n), mode, CSR.instret, false)).toMatchObject({ cause: Exception.virtualInstruction });
    }
    expect(csrAttempt(counterHart(7n, 0n, 7n), 'HS', CSR.instret, false)).toEqual({ trap: false });
    expect(csrAttempt(counterHart(7n, 0n, 7n), 'U', CSR.instret, false)).toEqual({ trap: false });
  });

  it('scounteren off: virtual instruction in VU, illegal in U, allowed in VS', () => {
    expect(csrAttempt(counterHart(7n, 7n, 0n), 'VU', CSR.time, false)).toMatchObject({ cause: Exception.virtualInstruction });
    expect(csrAttempt(counterHart(7n, 7n, 0n), 'U', CSR.time, false)).toMatchObject({ cause: Exception.illegalInstruction });
    expect(csrAttempt(counterHart(7n, 7n, 0n), 'VS', CSR.time, false)).toEqual({ trap: false });
  });

  it('time reads time + htimedelta with V=1, modulo 2^64', () => {
    let now = 1000;
    const h = makeHart({ readTime: () => now });
    csrWrite(h, 'M', 'mcounteren', 2n);
    csrWrite(h, 'M', 'hcounteren', 2n);
    csrWrite(h, 'HS', 'htimedelta', 500n);
    expect(csrRead(h, 'HS', 'time')).toBe(1000n);
    expect(csrRead(h, 'VS', 'time')).toBe(1500n);
    csrWrite(h, 'HS', 'htimedelta', (1n << 64n) - 400n); // -400
    now = 0x1_0000_0100;
    expect(csrRead(h, 'VS', 'time')).toBe(0x1_0000_0100n - 400n);
    now = 100;
    expect(csrRead(h, 'VS', 'time')).toBe((1n << 64n) - 300n);
  });
});

describe('environment configuration', () => {
  it('henvcfg.STCE is read-only zero while menvcfg.STCE = 0', () => {
    const h = makeHart();
    csrWrite(h, 'HS', 'henvcfg', (1n << 63n) | 1n);
    expect(csrRead(h, 'HS', 'henvcfg')).toBe(1n);
    csrWrite(h, 'M', 'menvcfg', 1n << 63n);
    expect(csrRead(h, 'M', 'menvcfg')).toBe(1n << 63n);
    csrWrite(h, 'HS', 'henvcfg', (1n << 63n) | 1n);
    expect(csrRead(h, 'HS', 'henvcfg')).toBe((1n << 63n) | 1n);
    csrWrite(h, 'M', 'menvcfg', 0n);
    expect(csrRead(h, 'HS', 'henvcfg')).toBe(1n);
  });
});

describe('floating-point state with V=1', () => {
  it('fcsr is illegal (never virtual) when vsstatus.FS or sstatus.FS is Off', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', 1n << 13n);
    csrWrite(h, 'M', 'vsstatus', 0n);
    expect(csrAttempt(h, 'VS', CSR.fcsr, false)).toMatchObject({ cause: Exception.illegalInstruction });
    csrWrite(h, 'M', 'vsstatus', 1n << 13n);
    expect(csrAttempt(h, 'VS', CSR.fcsr, false)).toEqual({ trap: false });
    csrWrite(h, 'M', 'mstatus', 0n);
    expect(csrAttempt(h, 'VU', CSR.fcsr, false)).toMatchObject({ cause: Exception.illegalInstruction });
  });

  it('a float CSR write with V=1 makes both FS fields Dirty', () => {
    const h = makeHart();
    csrWrite(h, 'M', 'mstatus', 1n << 13n);
    csrWrite(h, 'M', 'vsstatus', 1n << 13n);
    csrWrite(h, 'VS', 'fcsr', 1n);
    expect((csrRead(h, 'M', 'mstatus') >> 13n) & 3n).toBe(3n);
    expect((csrRead(h, 'M', 'vsstatus') >> 13n) & 3n).toBe(3n);
    expect(csrRead(h, 'M', 'vsstatus') >> 63n).toBe(1n);
  });
});
