/**
 * A FIFO of bytes that grows as needed: host input waiting for a device to
 * take it. Chunks are kept as given (copied), so queueing a large paste is
 * one copy and taking bytes does not shift arrays.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes.slice());
    this.count += bytes.length;
  }

  /** Removes and returns the first byte, or -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const chunk = this.chunks[0]!;
    const byte = chunk[this.head++]!;
    this.count--;
    if (this.head === chunk.length) {
      this.chunks.shift();
      this.head = 0;
    }
    return byte;
  }

  /** Removes up to `into.length` bytes into `into`; returns how many. */
  take(into: Uint8Array): number {
    let n = 0;
    while (n < into.length && this.count > 0) {
      const chunk = this.chunks[0]!;
      const k = Math.min(into.length - n, chunk.length - this.head);
      into.set(chunk.subarray(this.head, this.head + k), n);
      n += k;
      this.head += k;
      this.count -= k;
      if (this.head === chunk.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    return n;
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.count = 0;
  }
}
