import { SECTOR_SIZE, type BlockBackend } from './block-backend.js';

/**
 * A write-back cache in front of another backend (a host file): writes
 * stay in memory, reads see them, and they reach the lower backend only
 * on flush, in address order, followed by its own flush. This is the
 * volatile write cache virtio-blk advertises with VIRTIO_BLK_F_FLUSH: what
 * the guest did not flush may be lost, what it flushed is on the host.
 */
export class WriteBackBlockBackend implements BlockBackend {
  readonly lower: BlockBackend;
  /** Dirty sectors by sector number. */
  private readonly dirty = new Map<number, Uint8Array>();

  constructor(lower: BlockBackend) {
    this.lower = lower;
  }

  get size(): number {
    return this.lower.size;
  }

  get readOnly(): boolean {
    return this.lower.readOnly;
  }

  /** Bytes written but not yet flushed to the lower backend. */
  get dirtyBytes(): number {
    return this.dirty.size * SECTOR_SIZE;
  }

  read(offset: number, into: Uint8Array): boolean {
    if (!this.lower.read(offset, into)) return false;
    if (this.dirty.size === 0) return true;
    const end = offset + into.length;
    for (let s = Math.floor(offset / SECTOR_SIZE); s * SECTOR_SIZE < end; s++) {
      const sector = this.dirty.get(s);
      if (sector === undefined) continue;
      const from = Math.max(offset, s * SECTOR_SIZE);
      const to = Math.min(end, (s + 1) * SECTOR_SIZE);
      into.set(sector.subarray(from - s * SECTOR_SIZE, to - s * SECTOR_SIZE), from - offset);
    }
    return true;
  }

  write(offset: number, bytes: Uint8Array): boolean {
    if (this.readOnly || !Number.isSafeInteger(offset) || offset < 0 || offset + bytes.length > this.size) return false;
    const end = offset + bytes.length;
    for (let s = Math.floor(offset / SECTOR_SIZE); s * SECTOR_SIZE < end; s++) {
      const from = Math.max(offset, s * SECTOR_SIZE);
      const to = Math.min(end, (s + 1) * SECTOR_SIZE);
      let sector = this.dirty.get(s);
      if (sector === undefined) {
        sector = new Uint8Array(SECTOR_SIZE);
        // A partly written sector keeps the rest of its current contents.
        if (to - from < SECTOR_SIZE && !this.lower.read(s * SECTOR_SIZE, sector)) return false;
        this.dirty.set(s, sector);
      }
      sector.set(bytes.subarray(from - offset, to - offset), from - s * SECTOR_SIZE);
    }
    return true;
  }

  flush(): boolean {
    const sectors = [...this.dirty.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < sectors.length) {
      // Coalesce runs of consecutive sectors into one write.
      let j = i + 1;
      while (j < sectors.length && sectors[j] === sectors[j - 1]! + 1) j++;
      const run = new Uint8Array((j - i) * SECTOR_SIZE);
      for (let k = i; k < j; k++) run.set(this.dirty.get(sectors[k]!)!, (k - i) * SECTOR_SIZE);
      if (!this.lower.write(sectors[i]! * SECTOR_SIZE, run)) return false;
      for (let k = i; k < j; k++) this.dirty.delete(sectors[k]!);
      i = j;
    }
    return this.lower.flush();
  }

  /** Drops unflushed writes to sectors wholly inside the range: discarded data may read back as anything (virtio 1.2 section 5.2.6). */
  discard(offset: number, length: number): boolean {
    if (this.readOnly) return false;
    const first = Math.ceil(offset / SECTOR_SIZE);
    const end = Math.floor((offset + length) / SECTOR_SIZE);
    for (const s of [...this.dirty.keys()]) if (s >= first && s < end) this.dirty.delete(s);
    return true;
  }
}
