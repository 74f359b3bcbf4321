/**
 * Physical memory protection (privileged spec 3.7): 16 entries, modes
 * OFF/TOR/NA4/NAPOT, the lock bit, granularity G=0 (4 bytes), and the
 * pmpcfg/pmpaddr CSR read/write semantics for RV64 (pmpcfg0 holds entries
 * 0-7, pmpcfg2 entries 8-15; odd pmpcfg CSRs do not exist on RV64).
 */
import type { Word64 } from './physical-memory.js';

export const PMP_ENTRIES = 16;

/** pmpcfg bits. */
export const PMP_R = 1 << 0;
export const PMP_W = 1 << 1;
export const PMP_X = 1 << 2;
export const PMP_A_SHIFT = 3;
export const PMP_L = 1 << 7;
/** Bits 6:5 are reserved (read as zero). */
const PMP_CFG_WRITABLE = 0x9f;

/** Address-matching modes (pmpcfg.A). */
export const PmpMatch = { off: 0, tor: 1, na4: 2, napot: 3 } as const;

/** Whose access is checked: M-mode, or S/U-mode (including every page-table walk, whose effective privilege is S). */
export const PmpPrivilege = { machine: 0, supervisorOrUser: 1 } as const;
export type PmpPrivilegeValue = (typeof PmpPrivilege)[keyof typeof PmpPrivilege];

/** pmpaddr holds physical address bits 55:2, i.e. 54 bits (hi word bits 21:0). */
const PMPADDR_HI_MASK = 0x3f_ffff;

const ALL_RWX = PMP_R | PMP_W | PMP_X;

export class Pmp {
  /** pmpcfg bytes, one per entry. */
  readonly cfg = new Uint8Array(PMP_ENTRIES);
  /** pmpaddr halves. */
  readonly addrLo = new Int32Array(PMP_ENTRIES);
  readonly addrHi = new Int32Array(PMP_ENTRIES);
  /** Decoded byte ranges [start, end) per entry; empty (start >= end) when OFF. */
  private readonly start = new Float64Array(PMP_ENTRIES);
  private readonly end = new Float64Array(PMP_ENTRIES);
  /** Number of entries with A != OFF (a cheap "nothing to check" test). */
  private active = 0;

  /** Called after any change of the PMP state (the translator flushes its TLB: cached PMP results are stale). */
  onChange: () => void = () => {};

  // ---- CSR access -----------------------------------------------------------

  /** Reads pmpcfg`n` (n even; 0 and 2 hold the 16 entries, others read zero). */
  readCfg(n: number, out: Word64): void {
    out.lo = 0;
    out.hi = 0;
    const first = n * 4;
    if ((n & 1) !== 0 || first + 8 > PMP_ENTRIES) return;
    const c = this.cfg;
    out.lo = c[first]! | (c[first + 1]! << 8) | (c[first + 2]! << 16) | (c[first + 3]! << 24);
    out.hi = c[first + 4]! | (c[first + 5]! << 8) | (c[first + 6]! << 16) | (c[first + 7]! << 24);
  }

  /**
   * Writes pmpcfg`n`. Locked entries ignore writes (3.7.1 "Locking and
   * Privilege Mode"). The reserved R=0,W=1 combination is legalised by
   * ignoring the write of that entry's byte (QEMU's choice; the spec lets
   * the implementation pick any legal value).
   */
  writeCfg(n: number, lo: number, hi: number): void {
    const first = n * 4;
    if ((n & 1) !== 0 || first + 8 > PMP_ENTRIES) return;
    for (let k = 0; k < 8; k++) {
      const i = first + k;
      const value = ((k < 4 ? lo >>> (k * 8) : hi >>> ((k - 4) * 8)) & 0xff) & PMP_CFG_WRITABLE;
      if ((this.cfg[i]! & PMP_L) !== 0) continue;
      if ((value & (PMP_R | PMP_W)) === PMP_W) continue;
      this.cfg[i] = value;
    }
    this.decode();
  }

  /** Reads pmpaddr`i` (G=0: every implemented bit reads back as written). */
  readAddr(i: number, out: Word64): void {
    if (i >= PMP_ENTRIES) {
      out.lo = 0;
      out.hi = 0;
      return;
    }
    out.lo = this.addrLo[i]!;
    out.hi = this.addrHi[i]!;
  }

  /**
   * Writes pmpaddr`i`: ignored when entry i is locked, or when entry i+1 is
   * locked with A=TOR (its bottom is pmpaddr i). Bits 63:54 are WARL zero.
   */
  writeAddr(i: number, lo: number, hi: number): void {
    if (i >= PMP_ENTRIES) return;
    if ((this.cfg[i]! & PMP_L) !== 0) return;
    if (i + 1 < PMP_ENTRIES) {
      const next = this.cfg[i + 1]!;
      if ((next & PMP_L) !== 0 && (next >>> PMP_A_SHIFT) % 4 === PmpMatch.tor) return;
    }
    this.addrLo[i] = lo;
    this.addrHi[i] = hi & PMPADDR_HI_MASK;
    this.decode();
  }

  /** Clears every entry (reset: A=OFF, L=0, as privileged spec 3.4 requires of PMP on reset). */
  reset(): void {
    this.cfg.fill(0);
    this.addrLo.fill(0);
    this.addrHi.fill(0);
    this.decode();
  }

  // ---- checks ---------------------------------------------------------------

  /**
   * Whether an access of `width` bytes at `paddr` needing permissions
   * `need` (PMP_R/W/X bits, both R and X for HLVX) is allowed.
   * The lowest-numbered entry matching any byte decides; it must match
   * every byte or the access fails. No match: M succeeds, S/U fail
   * (entries are implemented) — privileged spec 3.7.1 "Priority and Matching Logic".
   */
  allows(paddr: number, width: number, need: number, privilege: PmpPrivilegeValue): boolean {
    const granted = this.rangePermissions(paddr, paddr + width, privilege);
    return granted >= 0 && (granted & need) === need;
  }

  /**
   * Permissions (RWX bits) granted to every byte of [first, last), or -1
   * when the range is not uniformly covered (the deciding entry matches
   * only part of it, so each access must be checked on its own).
   */
  rangePermissions(first: number, last: number, privilege: PmpPrivilegeValue): number {
    if (this.active !== 0) {
      for (let i = 0; i < PMP_ENTRIES; i++) {
        const s = this.start[i]!;
        const e = this.end[i]!;
        if (s >= e || last <= s || first >= e) continue;
        if (first < s || last > e) return -1;
        const c = this.cfg[i]!;
        // Unlocked entries do not restrict M-mode.
        if (privilege === PmpPrivilege.machine && (c & PMP_L) === 0) return ALL_RWX;
        return c & ALL_RWX;
      }
    }
    return privilege === PmpPrivilege.machine ? ALL_RWX : 0;
  }

  /** Recomputes the byte ranges after a CSR write (3.7.1 "Address Matching"). */
  private decode(): void {
    let active = 0;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const a = (this.cfg[i]! >>> PMP_A_SHIFT) & 3;
      const addr = (this.addrHi[i]! & PMPADDR_HI_MASK) * 4294967296 + (this.addrLo[i]! >>> 0);
      let s = 0;
      let e = 0;
      if (a === PmpMatch.tor) {
        // pmpaddr[i-1] <= y < pmpaddr[i] (entry 0 uses 0 as its bottom); empty when bottom >= top.
        s = i === 0 ? 0 : ((this.addrHi[i - 1]! & PMPADDR_HI_MASK) * 4294967296 + (this.addrLo[i - 1]! >>> 0)) * 4;
        e = addr * 4;
      } else if (a === PmpMatch.na4) {
        s = addr * 4;
        e = s + 4;
      } else if (a === PmpMatch.napot) {
        // yyyy...y0 followed by t ones encodes a 2^(t+3)-byte region; the
        // ones are counted on the halves (2^54 - 1 is not exact as a number).
        const lo = this.addrLo[i]!;
        const hi = this.addrHi[i]! & PMPADDR_HI_MASK;
        const t = lo === -1 ? 32 + trailingOnes(hi) : trailingOnes(lo);
        const baseLo = t >= 32 ? 0 : (lo >>> t) << t;
        const baseHi = t <= 32 ? hi : (hi >>> (t - 32)) << (t - 32);
        s = (baseHi * 4294967296 + (baseLo >>> 0)) * 4;
        e = s + 2 ** (t + 3);
      }
      this.start[i] = s;
      this.end[i] = e;
      if (a !== PmpMatch.off) active++;
    }
    this.active = active;
    this.onChange();
  }
}

/** Number of consecutive one bits at the bottom of a 32-bit value. */
function trailingOnes(x: number): number {
  const zeros = ~x;
  return zeros === 0 ? 32 : 31 - Math.clz32(zeros & -zeros);
}
