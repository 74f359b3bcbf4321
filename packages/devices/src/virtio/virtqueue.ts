import type { DmaPort } from '../dma-port.js';
import { hexAddress } from '../memory-map.js';
import { TWO_32 } from '../word64.js';
import { VIRTQ_AVAIL_F_NO_INTERRUPT, VIRTQ_DESC_F, VIRTQ_MAX_SIZE } from './virtio-constants.js';

/**
 * A split virtqueue as the device sees it (virtio 1.2 section 2.7), read
 * and written in guest memory over a {@link DmaPort}:
 *
 *     descriptor table  16 bytes each: addr u64, len u32, flags u16, next u16
 *     available ring    flags u16, idx u16, ring[size] u16, used_event u16
 *     used ring         flags u16, idx u16, ring[size] {id u32, len u32}, avail_event u16
 *
 * The driver's mistakes never reach the host as exceptions or endless
 * loops: an avail index that moved more than the queue size, a head or next
 * index outside the table, a chain longer than its table (a loop), a nested
 * or misshapen indirect table, a device-readable buffer after a writable one
 * (2.7.4.2), or any ring, table or buffer outside guest memory are reported
 * to the owner (the transport), which sets DEVICE_NEEDS_RESET (2.1.2); the
 * queue then yields nothing until the device is reset.
 */

/** What a queue needs from the transport that owns it. */
export interface VirtqueueOwner {
  readonly dma: DmaPort;
  /** True once the device needs a reset: queues then stop. */
  readonly failed: boolean;
  /** Reports a driver error that leaves the device needing a reset. */
  fail(reason: string): void;
}

/** One guest buffer of a chain. */
export interface BufferSegment {
  readonly addr: number;
  readonly len: number;
}

/**
 * One request: the device-readable buffers then the device-writable ones of
 * a descriptor chain, addressed as two contiguous byte streams.
 */
export class DescriptorChain {
  readonly readableLength: number;
  readonly writableLength: number;

  constructor(
    private readonly owner: VirtqueueOwner,
    /** Index of the chain's head in the descriptor table: the id returned in the used ring. */
    readonly head: number,
    readonly readable: readonly BufferSegment[],
    readonly writable: readonly BufferSegment[],
  ) {
    this.readableLength = readable.reduce((n, s) => n + s.len, 0);
    this.writableLength = writable.reduce((n, s) => n + s.len, 0);
  }

  /**
   * Copies device-readable bytes from position `offset` of the readable
   * stream into `into`. Returns the number of bytes copied (less than
   * `into.length` where the stream ends), or -1 when a buffer is not in
   * guest memory (the device then needs a reset).
   */
  read(offset: number, into: Uint8Array): number {
    return this.transfer(this.readable, offset, into.length, (addr, at, n) => this.owner.dma.read(addr, into.subarray(at, at + n)));
  }

  /** Copies `bytes` to the device-writable stream at `offset`; returns bytes copied or -1 as {@link read}. */
  write(offset: number, bytes: Uint8Array): number {
    return this.transfer(this.writable, offset, bytes.length, (addr, at, n) => this.owner.dma.write(addr, bytes.subarray(at, at + n)));
  }

  private transfer(segments: readonly BufferSegment[], offset: number, length: number, move: (addr: number, at: number, n: number) => boolean): number {
    let skip = offset;
    let done = 0;
    for (const s of segments) {
      if (done === length) break;
      if (skip >= s.len) {
        skip -= s.len;
        continue;
      }
      const n = Math.min(s.len - skip, length - done);
      if (!move(s.addr + skip, done, n)) {
        this.owner.fail(`buffer at ${hexAddress(s.addr)} (+${s.len}) of descriptor chain ${this.head} is not in guest memory`);
        return -1;
      }
      done += n;
      skip = 0;
    }
    return done;
  }
}

const DESC_SIZE = 16;
/** Guest addresses must stay below 2^53 to be exact numbers; above that nothing is memory anyway. */
const MAX_ADDRESS_HI = 0x20_0000;

export class SplitVirtqueue {
  /** QueueNum: the size the driver chose (power of 2, at most {@link maxSize}). */
  size: number;
  ready = false;
  /** VIRTIO_F_RING_EVENT_IDX and VIRTIO_F_RING_INDIRECT_DESC as negotiated (set by the transport). */
  eventIdx = false;
  indirect = false;
  /** Queue addresses as written by the driver, halves: descriptor table, driver area (avail), device area (used). */
  readonly addresses = new Int32Array(6);
  private lastAvail = 0;
  private usedIdx = 0;
  private signalledUsed = 0;
  private signalledValid = false;
  private pushed = false;
  private readonly word = new Uint8Array(16);
  private readonly view = new DataView(this.word.buffer);

  constructor(
    private readonly owner: VirtqueueOwner,
    readonly index: number,
    /** QueueNumMax. */
    readonly maxSize: number,
  ) {
    if (maxSize < 1 || maxSize > VIRTQ_MAX_SIZE || (maxSize & (maxSize - 1)) !== 0) {
      throw new RangeError(`virtqueue size ${maxSize} is not a power of 2 up to ${VIRTQ_MAX_SIZE}`);
    }
    this.size = maxSize;
  }

  /** Queue reset: not ready, addresses zero, indices back to 0. */
  reset(): void {
    this.ready = false;
    this.size = this.maxSize;
    this.addresses.fill(0);
    this.eventIdx = false;
    this.indirect = false;
    this.restart();
  }

  /** Starts the rings over from index 0 (when the driver makes the queue ready). */
  restart(): void {
    this.lastAvail = 0;
    this.usedIdx = 0;
    this.signalledUsed = 0;
    this.signalledValid = false;
    this.pushed = false;
  }

  /** Whether the queue may be used: ready, of a valid size, the device not failed. */
  get usable(): boolean {
    return this.ready && !this.owner.failed;
  }

  /** Whether the size the driver set is one a split queue may have (2.7: a power of 2, at most QueueNumMax). */
  get sizeValid(): boolean {
    return this.size >= 1 && this.size <= this.maxSize && (this.size & (this.size - 1)) === 0;
  }

  /** Whether the driver has made chains available that the device has not taken. */
  hasAvailable(): boolean {
    if (!this.usable) return false;
    const idx = this.availIdx();
    return idx >= 0 && idx !== this.lastAvail;
  }

  /** Takes the next available descriptor chain, or undefined when there is none (or the driver broke the queue). */
  pop(): DescriptorChain | undefined {
    if (!this.usable) return undefined;
    const idx = this.availIdx();
    if (idx < 0) return undefined;
    const waiting = (idx - this.lastAvail) & 0xffff;
    if (waiting === 0) {
      this.publishAvailEvent();
      return undefined;
    }
    if (waiting > this.size) {
      this.fail(`available index moved from ${this.lastAvail} to ${idx}, more than the queue size ${this.size}`);
      return undefined;
    }
    const driver = this.area(2);
    const slot = this.read16(driver + 4 + 2 * (this.lastAvail % this.size));
    if (slot < 0) return this.missing('available ring', driver);
    if (slot >= this.size) {
      this.fail(`available ring names descriptor ${slot}, beyond the queue size ${this.size}`);
      return undefined;
    }
    const chain = this.walk(slot);
    if (chain === undefined) return undefined;
    this.lastAvail = (this.lastAvail + 1) & 0xffff;
    this.publishAvailEvent();
    return chain;
  }

  /** Returns a chain to the driver: a used ring entry saying `written` bytes were written to its writable buffers. */
  push(chain: DescriptorChain, written: number): void {
    if (!this.usable) return;
    const device = this.area(4);
    const entry = device + 4 + 8 * (this.usedIdx % this.size);
    this.view.setUint32(0, chain.head, true);
    this.view.setUint32(4, Math.min(written, chain.writableLength) >>> 0, true);
    if (device < 0 || !this.owner.dma.write(entry, this.word.subarray(0, 8))) {
      this.missing('used ring', device);
      return;
    }
    this.usedIdx = (this.usedIdx + 1) & 0xffff;
    this.view.setUint16(0, this.usedIdx, true);
    if (!this.owner.dma.write(device + 2, this.word.subarray(0, 2))) {
      this.missing('used ring', device);
      return;
    }
    this.pushed = true;
  }

  /**
   * Whether the driver wants an interrupt for the chains pushed since the
   * last call (false when none were): with EVENT_IDX, when the used index
   * passed used_event (2.7.10, vring_need_event); without, unless the
   * driver set VIRTQ_AVAIL_F_NO_INTERRUPT (2.7.7).
   */
  takeInterrupt(): boolean {
    if (!this.pushed || !this.usable) return false;
    this.pushed = false;
    const driver = this.area(2);
    if (this.eventIdx) {
      const usedEvent = this.read16(driver + 4 + 2 * this.size);
      if (usedEvent < 0) {
        this.missing('available ring', driver);
        return false;
      }
      const old = this.signalledUsed;
      const valid = this.signalledValid;
      this.signalledUsed = this.usedIdx;
      this.signalledValid = true;
      return !valid || ((this.usedIdx - usedEvent - 1) & 0xffff) < ((this.usedIdx - old) & 0xffff);
    }
    const flags = this.read16(driver);
    if (flags < 0) {
      this.missing('available ring', driver);
      return false;
    }
    return (flags & VIRTQ_AVAIL_F_NO_INTERRUPT) === 0;
  }

  /** Reports a driver error through the owner. */
  fail(reason: string): void {
    this.owner.fail(`queue ${this.index}: ${reason}`);
  }

  /** Follows a chain from `head` through the table and at most one indirect table (2.7.5). */
  private walk(head: number): DescriptorChain | undefined {
    const readable: BufferSegment[] = [];
    const writable: BufferSegment[] = [];
    let table = this.area(0);
    let tableSize = this.size;
    let inIndirect = false;
    let i = head;
    let count = 0;
    for (;;) {
      if (i >= tableSize) {
        this.fail(`descriptor chain ${head} links to ${i}, beyond its table of ${tableSize}`);
        return undefined;
      }
      if (++count > tableSize) {
        this.fail(`descriptor chain ${head} is longer than its table of ${tableSize}: a loop`);
        return undefined;
      }
      if (table < 0 || !this.owner.dma.read(table + DESC_SIZE * i, this.word)) {
        this.fail(`descriptor table at ${hexAddress(Math.max(table, 0))} is not in guest memory`);
        return undefined;
      }
      const addrLo = this.view.getUint32(0, true);
      const addrHi = this.view.getUint32(4, true);
      const len = this.view.getUint32(8, true);
      const flags = this.view.getUint16(12, true);
      const next = this.view.getUint16(14, true);
      if (addrHi >= MAX_ADDRESS_HI) {
        this.fail(`descriptor ${i} of chain ${head} has an address beyond guest memory`);
        return undefined;
      }
      const addr = addrHi * TWO_32 + addrLo;
      if ((flags & VIRTQ_DESC_F.INDIRECT) !== 0) {
        // 2.7.5.3: only with the feature, never inside an indirect table, never with NEXT, a whole number of descriptors.
        if (!this.indirect || inIndirect || (flags & VIRTQ_DESC_F.NEXT) !== 0 || len === 0 || len % DESC_SIZE !== 0) {
          this.fail(`descriptor ${i} of chain ${head} is a malformed indirect descriptor`);
          return undefined;
        }
        table = addr;
        tableSize = len / DESC_SIZE;
        inIndirect = true;
        i = 0;
        count = 0;
        continue;
      }
      if ((flags & VIRTQ_DESC_F.WRITE) !== 0) {
        writable.push({ addr, len });
      } else {
        if (writable.length > 0) {
          this.fail(`descriptor chain ${head} has a device-readable buffer after a device-writable one`);
          return undefined;
        }
        readable.push({ addr, len });
      }
      if ((flags & VIRTQ_DESC_F.NEXT) === 0) break;
      i = next;
    }
    return new DescriptorChain(this.owner, head, readable, writable);
  }

  /** With EVENT_IDX, asks to be notified once the driver makes anything beyond what was taken available (avail_event). */
  private publishAvailEvent(): void {
    if (!this.eventIdx) return;
    const device = this.area(4);
    this.view.setUint16(0, this.lastAvail, true);
    if (device < 0 || !this.owner.dma.write(device + 4 + 8 * this.size, this.word.subarray(0, 2))) this.missing('used ring', device);
  }

  private availIdx(): number {
    const driver = this.area(2);
    const idx = this.read16(driver + 2);
    if (idx < 0) this.missing('available ring', driver);
    return idx;
  }

  /** Queue address `which` (0 descriptor table, 2 driver area, 4 device area) as a number, or -1 when not below 2^53. */
  private area(which: number): number {
    const hi = this.addresses[which + 1]! >>> 0;
    return hi >= MAX_ADDRESS_HI ? -1 : hi * TWO_32 + (this.addresses[which]! >>> 0);
  }

  private read16(addr: number): number {
    if (addr < 0 || !this.owner.dma.read(addr, this.word.subarray(0, 2))) return -1;
    return this.view.getUint16(0, true);
  }

  private missing(what: string, addr: number): undefined {
    this.fail(`${what} at ${hexAddress(Math.max(addr, 0))} is not in guest memory`);
    return undefined;
  }
}
