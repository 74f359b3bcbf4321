import { describe, expect, it } from 'vitest';
import { Pmp, PMP_A_SHIFT, PMP_L, PMP_R, PMP_W, PMP_X, PmpMatch, PmpPrivilege } from '@rvhv/mmu';

const TOR = PmpMatch.tor << PMP_A_SHIFT;
const NA4 = PmpMatch.na4 << PMP_A_SHIFT;
const NAPOT = PmpMatch.napot << PMP_A_SHIFT;
const SU = PmpPrivilege.supervisorOrUser;
const MM = PmpPrivilege.machine;

function cfg(pmp: Pmp, entry: number, value: number): void {
  const out = { lo: 0, hi: 0 };
  const n = entry < 8 ? 0 : 2;
  pmp.readCfg(n, out);
  const k = entry % 8;
  if (k < 4) out.lo = (out.lo & ~(0xff << (k * 8))) | (value << (k * 8));
  else out.hi = (out.hi & ~(0xff << ((k - 4) * 8))) | (value << ((k - 4) * 8));
  pmp.writeCfg(n, out.lo, out.hi);
}

function cfgByte(pmp: Pmp, entry: number): number {
  const out = { lo: 0, hi: 0 };
  pmp.readCfg(entry < 8 ? 0 : 2, out);
  const k = entry % 8;
  return (k < 4 ? out.lo >>> (k * 8) : out.hi >>> ((k - 4) * 8)) & 0xff;
}

/** pmpaddr value for a NAPOT region of `size` bytes at `base`. */
function napot(base: number, size: number): number {
  return base / 4 + size / 8 - 1;
}

function addr(pmp: Pmp, entry: number, value: number): void {
  pmp.writeAddr(entry, value % 2 ** 32 | 0, Math.floor(value / 2 ** 32));
}

describe('PMP CSRs', () => {
  it('pmpcfg0/2 pack eight entries each; odd and out-of-range pmpcfg read zero', () => {
    const pmp = new Pmp();
    pmp.writeCfg(0, 0x0f0b_0901, 0x1f1d_1b19);
    pmp.writeCfg(2, 0x0000_0003, 0);
    const out = { lo: 0, hi: 0 };
    pmp.readCfg(0, out);
    expect(out).toEqual({ lo: 0x0f0b_0901, hi: 0x1f1d_1b19 });
    pmp.readCfg(2, out);
    expect(out).toEqual({ lo: 3, hi: 0 });
    pmp.readCfg(4, out);
    expect(out).toEqual({ lo: 0, hi: 0 });
    pmp.writeCfg(1, -1, -1);
    pmp.readCfg(1, out);
    expect(out).toEqual({ lo: 0, hi: 0 });
  });

  it('bits 6:5 are reserved (read zero)', () => {
    const pmp = new Pmp();
    cfg(pmp, 3, 0x7f);
    expect(cfgByte(pmp, 3)).toBe(0x1f);
  });

  it('the reserved R=0, W=1 combination is not accepted', () => {
    const pmp = new Pmp();
    cfg(pmp, 0, NAPOT | PMP_R);
    cfg(pmp, 0, NAPOT | PMP_W);
    expect(cfgByte(pmp, 0)).toBe(NAPOT | PMP_R);
    cfg(pmp, 1, TOR | PMP_W | PMP_X);
    expect(cfgByte(pmp, 1)).toBe(0);
  });

  it('pmpaddr holds 54 bits (G=0: all of them read back)', () => {
    const pmp = new Pmp();
    pmp.writeAddr(5, -1, -1);
    const out = { lo: 0, hi: 0 };
    pmp.readAddr(5, out);
    expect(out).toEqual({ lo: -1, hi: 0x3f_ffff });
    pmp.readAddr(40, out);
    expect(out).toEqual({ lo: 0, hi: 0 });
  });

  it('a locked entry ignores cfg and addr writes; a locked TOR entry also locks the previous pmpaddr', () => {
    const pmp = new Pmp();
    addr(pmp, 2, 0x100);
    addr(pmp, 3, 0x200);
    cfg(pmp, 3, TOR | PMP_R | PMP_L);
    cfg(pmp, 3, 0);
    expect(cfgByte(pmp, 3)).toBe(TOR | PMP_R | PMP_L);
    addr(pmp, 3, 0x300);
    addr(pmp, 2, 0x50);
    const out = { lo: 0, hi: 0 };
    pmp.readAddr(3, out);
    expect(out.lo).toBe(0x200);
    pmp.readAddr(2, out);
    expect(out.lo).toBe(0x100);
    // The lock holds even with A=OFF, and other bytes of the same CSR stay writable.
    cfg(pmp, 5, PMP_L);
    cfg(pmp, 5, NAPOT | PMP_R);
    expect(cfgByte(pmp, 5)).toBe(PMP_L);
    cfg(pmp, 4, NA4 | PMP_X);
    expect(cfgByte(pmp, 4)).toBe(NA4 | PMP_X);
  });
});

describe('PMP matching', () => {
  it('no entry: M allowed, S/U denied (entries are implemented)', () => {
    const pmp = new Pmp();
    expect(pmp.allows(0x8000_0000, 8, PMP_R | PMP_W | PMP_X, MM)).toBe(true);
    expect(pmp.allows(0x8000_0000, 1, PMP_R, SU)).toBe(false);
  });

  it('TOR, NA4 and NAPOT ranges', () => {
    const pmp = new Pmp();
    addr(pmp, 0, 0x1000 / 4);
    addr(pmp, 1, 0x2000 / 4);
    cfg(pmp, 1, TOR | PMP_R); // [0x1000, 0x2000)
    addr(pmp, 2, 0x3000 / 4);
    cfg(pmp, 2, NA4 | PMP_W | PMP_R); // [0x3000, 0x3004)
    addr(pmp, 3, napot(0x1_0000, 0x1_0000));
    cfg(pmp, 3, NAPOT | PMP_X); // [0x10000, 0x20000)
    expect(pmp.allows(0x1000, 4, PMP_R, SU)).toBe(true);
    expect(pmp.allows(0x1ffc, 4, PMP_R, SU)).toBe(true);
    expect(pmp.allows(0x2000, 4, PMP_R, SU)).toBe(false);
    expect(pmp.allows(0xffc, 4, PMP_R, SU)).toBe(false);
    expect(pmp.allows(0x3000, 4, PMP_W, SU)).toBe(true);
    expect(pmp.allows(0x3004, 1, PMP_W, SU)).toBe(false);
    expect(pmp.allows(0x1_0000, 4, PMP_X, SU)).toBe(true);
    expect(pmp.allows(0x1_fffc, 4, PMP_X, SU)).toBe(true);
    expect(pmp.allows(0x2_0000, 4, PMP_X, SU)).toBe(false);
    expect(pmp.allows(0x1_0000, 4, PMP_R, SU)).toBe(false);
  });

  it('entry 0 in TOR mode has 0 as its bottom; an inverted TOR range matches nothing', () => {
    const pmp = new Pmp();
    addr(pmp, 0, 0x100 / 4);
    cfg(pmp, 0, TOR | PMP_R);
    expect(pmp.allows(0, 4, PMP_R, SU)).toBe(true);
    addr(pmp, 1, 0x10 / 4);
    cfg(pmp, 1, TOR | PMP_R);
    expect(pmp.allows(0x100, 4, PMP_R, SU)).toBe(false);
  });

  it('the lowest-numbered matching entry wins', () => {
    const pmp = new Pmp();
    addr(pmp, 0, napot(0x8000_0000, 0x1000));
    cfg(pmp, 0, NAPOT); // no permissions for the first page
    addr(pmp, 1, napot(0x8000_0000, 0x10_0000));
    cfg(pmp, 1, NAPOT | PMP_R | PMP_W | PMP_X);
    expect(pmp.allows(0x8000_0010, 4, PMP_R, SU)).toBe(false);
    expect(pmp.allows(0x8000_1010, 4, PMP_R, SU)).toBe(true);
  });

  it('an access matching only partly fails, whatever the permissions', () => {
    const pmp = new Pmp();
    addr(pmp, 0, napot(0x8000_0000, 0x1000));
    cfg(pmp, 0, NAPOT | PMP_R | PMP_L);
    addr(pmp, 1, napot(0x8000_0000, 0x10_0000));
    cfg(pmp, 1, NAPOT | PMP_R);
    expect(pmp.allows(0x8000_0ffc, 8, PMP_R, SU)).toBe(false);
    expect(pmp.allows(0x8000_0ffc, 8, PMP_R, MM)).toBe(false);
    expect(pmp.allows(0x8000_0ff8, 8, PMP_R, MM)).toBe(true);
  });

  it('M-mode ignores unlocked entries and obeys locked ones', () => {
    const pmp = new Pmp();
    addr(pmp, 0, napot(0x8000_0000, 0x1000));
    cfg(pmp, 0, NAPOT);
    expect(pmp.allows(0x8000_0000, 4, PMP_W, MM)).toBe(true);
    cfg(pmp, 0, NAPOT | PMP_R | PMP_L);
    expect(pmp.allows(0x8000_0000, 4, PMP_R, MM)).toBe(true);
    expect(pmp.allows(0x8000_0000, 4, PMP_W, MM)).toBe(false);
    expect(pmp.allows(0x8000_0000, 4, PMP_X, MM)).toBe(false);
  });

  it('a NAPOT pmpaddr of all ones covers the whole physical address space', () => {
    const pmp = new Pmp();
    pmp.writeAddr(0, -1, -1);
    cfg(pmp, 0, NAPOT | PMP_R);
    expect(pmp.allows(0, 8, PMP_R, SU)).toBe(true);
    expect(pmp.allows(2 ** 53 - 8, 8, PMP_R, SU)).toBe(true);
  });

  it('reports whole-page permissions, or -1 when an entry covers part of the page', () => {
    const pmp = new Pmp();
    addr(pmp, 0, 0x8000_0800 / 4);
    cfg(pmp, 0, NA4 | PMP_R);
    addr(pmp, 1, napot(0x8000_0000, 0x10_0000));
    cfg(pmp, 1, NAPOT | PMP_R | PMP_W);
    expect(pmp.rangePermissions(0x8000_0000, 0x8000_1000, SU)).toBe(-1);
    expect(pmp.rangePermissions(0x8000_1000, 0x8000_2000, SU)).toBe(PMP_R | PMP_W);
    expect(pmp.rangePermissions(0x9000_0000, 0x9000_1000, SU)).toBe(0);
  });

  it('notifies changes (the translator flushes its TLB)', () => {
    const pmp = new Pmp();
    let changes = 0;
    pmp.onChange = () => changes++;
    addr(pmp, 0, 5);
    cfg(pmp, 0, NA4 | PMP_R);
    expect(changes).toBe(2);
  });
});
