import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { Clock } from './clock.js';
import type { IrqLine, MmioDevice } from './device.js';
import { add64, atLeast64, joinWord, splitWord, sub64 } from './word64.js';

/**
 * The CLINT as QEMU's `virt` board lays it out (SiFive CLINT, which the
 * RISC-V ACLINT spec 1.0 keeps compatible): an MSWI device (one `msip`
 * word per hart) followed by an MTIMER device (one `mtimecmp` doubleword
 * per hart and the shared `mtime`).
 *
 *     0x0000 + 4*hart   msip       bit 0 drives the hart's MSIP
 *     0x4000 + 8*hart   mtimecmp   MTIP = (mtime >= mtimecmp), unsigned
 *     0xbff8            mtime      ticks of the timebase (10 MHz on `virt`)
 *
 * Access widths (ACLINT 1.0 sections 3 and 4; QEMU `riscv_aclint.c`): the
 * msip registers are 32-bit and take naturally aligned 4-byte accesses;
 * mtime and mtimecmp are 64-bit and take aligned 8-byte accesses or 4-byte
 * accesses to either half (RV32 software and OpenSBI's 32-bit path). Other
 * widths and misaligned accesses are not decoded: they return false, an
 * access fault, as on QEMU. Offsets that name no register (harts beyond the
 * configured count, the gap between the blocks) read 0 and ignore writes.
 *
 * Time comes from a {@link Clock}: mtime = clock + offset (modulo 2^64), the
 * offset changing when software writes mtime. Since the CLINT cannot watch
 * the clock, the board calls {@link update} between batches of instructions
 * to raise MTIP lines whose deadline passed, and asks {@link nextDeadline}
 * when all harts wait in WFI to know how long the host may idle.
 */
export const CLINT = {
  msip: 0x0000,
  mtimecmp: 0x4000,
  mtime: 0xbff8,
  /** Size of the region on `virt`. */
  size: 0x1_0000,
  /** Most harts the layout has room for (mtimecmp slots below mtime). */
  maxHarts: 4095,
} as const;

/** The interrupt lines of one hart that the CLINT drives: mip.MSIP and mip.MTIP. */
export interface ClintHartLines {
  readonly msip: IrqLine;
  readonly mtip: IrqLine;
}

export interface ClintOptions {
  readonly clock: Clock;
  /** One entry per hart, in hart index order. */
  readonly harts: readonly ClintHartLines[];
}

export class Clint implements MmioDevice {
  readonly clock: Clock;
  private readonly harts: readonly ClintHartLines[];
  private readonly msip: Uint8Array;
  /** mtimecmp of hart i: lo at 2i, hi at 2i+1. */
  private readonly mtimecmp: Int32Array;
  /** Current level of each hart's MTIP line. */
  private readonly mtipLevel: Uint8Array;
  /** mtime - clock.now(), modulo 2^64. */
  private offsetLo = 0;
  private offsetHi = 0;
  private readonly scratch: Word64 = { lo: 0, hi: 0 };
  private readonly time: Word64 = { lo: 0, hi: 0 };

  constructor(options: ClintOptions) {
    const n = options.harts.length;
    if (n < 1 || n > CLINT.maxHarts) throw new RangeError(`a CLINT serves 1..${CLINT.maxHarts} harts, not ${n}`);
    this.clock = options.clock;
    this.harts = options.harts;
    this.msip = new Uint8Array(n);
    this.mtimecmp = new Int32Array(2 * n);
    this.mtipLevel = new Uint8Array(n);
    this.reset();
  }

  /** Number of harts served. */
  get hartCount(): number {
    return this.harts.length;
  }

  /**
   * Device reset: mtime reads 0 (ACLINT 1.0 section 4.1), msip clear.
   * mtimecmp is unspecified at reset; it is set to all ones so that no
   * timer interrupt is pending until software programs one.
   */
  reset(): void {
    splitWord(this.clock.now(), this.scratch);
    sub64(0, 0, this.scratch.lo, this.scratch.hi, this.scratch);
    this.offsetLo = this.scratch.lo;
    this.offsetHi = this.scratch.hi;
    this.mtimecmp.fill(-1);
    for (let h = 0; h < this.harts.length; h++) {
      this.msip[h] = 0;
      this.harts[h]!.msip.set(false);
      this.mtipLevel[h] = 0;
      this.harts[h]!.mtip.set(false);
    }
    this.update();
  }

  /** mtime as halves. */
  readMtime(out: Word64): Word64 {
    splitWord(this.clock.now(), out);
    return add64(out.lo, out.hi, this.offsetLo, this.offsetHi, out);
  }

  /** mtime as a number (exact below 2^53 ticks, 28 years at 10 MHz): the hart's `time` CSR source. */
  mtime(): number {
    const t = this.readMtime(this.time);
    return joinWord(t.lo, t.hi);
  }

  /** Raises or lowers each hart's MTIP for the current time. */
  update(): void {
    const t = this.readMtime(this.time);
    for (let h = 0; h < this.harts.length; h++) this.drive(h, t);
  }

  /**
   * The clock time (in {@link Clock.now} ticks) at which the next MTIP line
   * that is low now will rise, or Infinity when none will (every mtimecmp
   * already reached, or too far away to represent).
   */
  nextDeadline(): number {
    const now = this.clock.now();
    const t = this.readMtime(this.time);
    let best = Infinity;
    for (let h = 0; h < this.harts.length; h++) {
      const cmpLo = this.mtimecmp[2 * h]!;
      const cmpHi = this.mtimecmp[2 * h + 1]!;
      if (atLeast64(t.lo, t.hi, cmpLo, cmpHi)) continue;
      // Ticks still to go: mtimecmp - mtime, positive here. Computing from
      // mtime (not mtimecmp - offset) keeps a far comparator such as all
      // ones from wrapping around into the past when mtime was written.
      const left = sub64(cmpLo, cmpHi, t.lo, t.hi, this.scratch);
      const remaining = joinWord(left.lo, left.hi);
      const ticks = now + remaining;
      if (ticks <= Number.MAX_SAFE_INTEGER && ticks < best) best = ticks;
    }
    return best;
  }

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    if (!this.decodes(offset, width)) return false;
    out.lo = 0;
    out.hi = 0;
    if (offset < CLINT.mtimecmp) {
      const h = offset >>> 2;
      if (h < this.harts.length) out.lo = this.msip[h]!;
      return true;
    }
    if (offset >= CLINT.mtime + 8) return true;
    let lo: number;
    let hi: number;
    if (offset >= CLINT.mtime) {
      const t = this.readMtime(this.time);
      lo = t.lo;
      hi = t.hi;
    } else {
      const h = (offset - CLINT.mtimecmp) >>> 3;
      if (h >= this.harts.length) return true;
      lo = this.mtimecmp[2 * h]!;
      hi = this.mtimecmp[2 * h + 1]!;
    }
    if (width === 8) {
      out.lo = lo;
      out.hi = hi;
    } else {
      out.lo = (offset & 4) === 0 ? lo : hi;
    }
    return true;
  }

  write(offset: number, width: AccessWidth, lo: number, hi: number): boolean {
    if (!this.decodes(offset, width)) return false;
    if (offset < CLINT.mtimecmp) {
      const h = offset >>> 2;
      if (h < this.harts.length) {
        // Only bit 0 of msip is implemented; the rest read as zero (ACLINT 1.0 section 3.1).
        this.msip[h] = lo & 1;
        this.harts[h]!.msip.set((lo & 1) !== 0);
      }
      return true;
    }
    if (offset >= CLINT.mtime + 8) return true;
    if (offset >= CLINT.mtime) {
      const t = this.readMtime(this.time);
      const newLo = width === 8 || (offset & 4) === 0 ? lo : t.lo;
      const newHi = width === 8 ? hi : (offset & 4) !== 0 ? lo : t.hi;
      splitWord(this.clock.now(), this.scratch);
      sub64(newLo, newHi, this.scratch.lo, this.scratch.hi, this.scratch);
      this.offsetLo = this.scratch.lo;
      this.offsetHi = this.scratch.hi;
      this.update();
      return true;
    }
    const h = (offset - CLINT.mtimecmp) >>> 3;
    if (h >= this.harts.length) return true;
    if (width === 8) {
      this.mtimecmp[2 * h] = lo;
      this.mtimecmp[2 * h + 1] = hi;
    } else {
      this.mtimecmp[2 * h + ((offset & 4) >>> 2)] = lo;
    }
    this.drive(h, this.readMtime(this.time));
    return true;
  }

  /** Whether an access of `width` at `offset` is one the CLINT decodes (see the class comment). */
  private decodes(offset: number, width: AccessWidth): boolean {
    if (offset < 0 || offset + width > CLINT.size || (offset & (width - 1)) !== 0) return false;
    return offset < CLINT.mtimecmp ? width === 4 : width === 4 || width === 8;
  }

  private drive(h: number, t: Word64): void {
    const level = atLeast64(t.lo, t.hi, this.mtimecmp[2 * h]!, this.mtimecmp[2 * h + 1]!) ? 1 : 0;
    if (level !== this.mtipLevel[h]) {
      this.mtipLevel[h] = level;
      this.harts[h]!.mtip.set(level === 1);
    }
  }
}
