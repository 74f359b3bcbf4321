import type { BlockBackend } from './block-backend.js';

export interface MemoryBlockBackendOptions {
  readonly readOnly?: boolean;
  /** Called on every flush with the whole image (e.g. the web app saving it). */
  readonly onFlush?: (image: Uint8Array) => boolean | void;
}

/** A disk image held in memory: reads and writes go to `image` directly. */
export class MemoryBlockBackend implements BlockBackend {
  readonly image: Uint8Array;
  readonly readOnly: boolean;
  private readonly onFlush: ((image: Uint8Array) => boolean | void) | undefined;
  /** Number of flushes requested (for tests and statistics). */
  flushes = 0;

  constructor(image: Uint8Array, options: MemoryBlockBackendOptions = {}) {
    this.image = image;
    this.readOnly = options.readOnly ?? false;
    this.onFlush = options.onFlush;
  }

  get size(): number {
    return this.image.length;
  }

  read(offset: number, into: Uint8Array): boolean {
    if (!this.inRange(offset, into.length)) return false;
    into.set(this.image.subarray(offset, offset + into.length));
    return true;
  }

  write(offset: number, bytes: Uint8Array): boolean {
    if (this.readOnly || !this.inRange(offset, bytes.length)) return false;
    this.image.set(bytes, offset);
    return true;
  }

  flush(): boolean {
    this.flushes++;
    return this.onFlush?.(this.image) !== false;
  }

  discard(offset: number, length: number): boolean {
    if (this.readOnly || !this.inRange(offset, length)) return false;
    this.image.fill(0, offset, offset + length);
    return true;
  }

  private inRange(offset: number, length: number): boolean {
    return Number.isSafeInteger(offset) && offset >= 0 && offset + length <= this.image.length;
  }
}
