import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { MmioDevice } from '@rvhv/devices';

/**
 * A read-only memory region (the `virt` board's mask ROM): reads of any
 * width return its bytes, little-endian; bytes past the contents read 0.
 * Writes are ignored, as QEMU ignores writes to a ROM region.
 */
export class ReadOnlyMemory implements MmioDevice {
  private readonly bytes: Uint8Array;

  constructor(size: number, contents: Uint8Array = new Uint8Array(0)) {
    this.bytes = new Uint8Array(size);
    this.program(contents);
  }

  /** Replaces the contents (the board programs its ROM once the boot layout is known); the rest reads 0. */
  program(contents: Uint8Array): void {
    if (contents.length > this.bytes.length) {
      throw new RangeError(`ROM contents (${contents.length} bytes) exceed the region (${this.bytes.length} bytes)`);
    }
    this.bytes.fill(0);
    this.bytes.set(contents);
  }

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    if (offset < 0 || offset + width > this.bytes.length) return false;
    let lo = 0;
    let hi = 0;
    for (let i = Math.min(width, 4) - 1; i >= 0; i--) lo = (lo << 8) | this.bytes[offset + i]!;
    for (let i = width - 1; i >= 4; i--) hi = (hi << 8) | this.bytes[offset + i]!;
    out.lo = lo;
    out.hi = hi;
    return true;
  }

  write(): boolean {
    return true;
  }
}
