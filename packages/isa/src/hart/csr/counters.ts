import type { Word64 } from '@rvhv/mmu';
import type { Hart } from '../hart.js';

const TWO_32 = 4294967296;

/**
 * A 64-bit counter derived from a running count (cycles or instret) plus
 * an offset set by CSR writes, with the inhibit freeze of mcountinhibit.
 * The offset is kept as halves so any 64-bit value written reads back.
 */
export class Counter {
  private offsetLo = 0;
  private offsetHi = 0;
  private frozen: Word64 | undefined;

  constructor(private readonly source: (h: Hart) => number) {}

  read(h: Hart, out: Word64): void {
    if (this.frozen) {
      out.lo = this.frozen.lo;
      out.hi = this.frozen.hi;
      return;
    }
    const count = this.source(h);
    const countLo = count % TWO_32;
    const sumLo = countLo + (this.offsetLo >>> 0);
    out.lo = sumLo | 0;
    out.hi = (Math.floor(count / TWO_32) + this.offsetHi + (sumLo >= TWO_32 ? 1 : 0)) | 0;
  }

  /** Sets the counter so that it reads `hi:lo` when the running count is `count + bias`. */
  write(h: Hart, lo: number, hi: number, bias: number): void {
    if (this.frozen) {
      this.frozen = { lo, hi };
      return;
    }
    const count = this.source(h) + bias;
    const countLo = count % TWO_32;
    const diffLo = (lo >>> 0) - countLo;
    this.offsetLo = diffLo | 0;
    this.offsetHi = (hi - Math.floor(count / TWO_32) - (diffLo < 0 ? 1 : 0)) | 0;
  }

  /** mcountinhibit: freeze at the current value, or resume counting from it. */
  inhibit(h: Hart, inhibited: boolean): void {
    if (inhibited && !this.frozen) {
      const value = { lo: 0, hi: 0 };
      this.read(h, value);
      this.frozen = value;
    } else if (!inhibited && this.frozen) {
      const value = this.frozen;
      this.frozen = undefined;
      this.write(h, value.lo, value.hi, 0);
    }
  }
}
