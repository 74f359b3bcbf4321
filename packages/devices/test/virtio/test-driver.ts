import { VIRTIO_F, VIRTIO_MMIO, VIRTIO_STATUS, VIRTQ_DESC_F, type DmaPort, type MmioDevice } from '../../src/index.js';

export const RAM_BASE = 0x8000_0000;
export const RAM_SIZE = 0x4_0000;

/** Guest RAM for bus-master tests: a byte array at RAM_BASE behind a DmaPort. */
export class GuestMemory implements DmaPort {
  readonly bytes = new Uint8Array(RAM_SIZE);
  readonly view = new DataView(this.bytes.buffer);

  read(paddr: number, into: Uint8Array): boolean {
    const off = paddr - RAM_BASE;
    if (off < 0 || off + into.length > RAM_SIZE) return false;
    into.set(this.bytes.subarray(off, off + into.length));
    return true;
  }

  write(paddr: number, data: Uint8Array): boolean {
    const off = paddr - RAM_BASE;
    if (off < 0 || off + data.length > RAM_SIZE) return false;
    this.bytes.set(data, off);
    return true;
  }

  u8(a: number): number {
    return this.bytes[a - RAM_BASE]!;
  }
  u16(a: number): number {
    return this.view.getUint16(a - RAM_BASE, true);
  }
  u32(a: number): number {
    return this.view.getUint32(a - RAM_BASE, true);
  }
  setU16(a: number, v: number): void {
    this.view.setUint16(a - RAM_BASE, v, true);
  }
  setU32(a: number, v: number): void {
    this.view.setUint32(a - RAM_BASE, v >>> 0, true);
  }
  setU64(a: number, v: number): void {
    this.view.setUint32(a - RAM_BASE, v % 0x1_0000_0000, true);
    this.view.setUint32(a - RAM_BASE + 4, Math.floor(v / 0x1_0000_0000), true);
  }
  set(a: number, data: Uint8Array): void {
    this.bytes.set(data, a - RAM_BASE);
  }
  slice(a: number, n: number): Uint8Array {
    return this.bytes.slice(a - RAM_BASE, a - RAM_BASE + n);
  }
}

/** One buffer of a chain the test driver builds. */
export interface Buffer {
  readonly addr: number;
  readonly len: number;
  readonly write?: boolean;
}

export interface QueueLayout {
  readonly size: number;
  readonly desc: number;
  readonly avail: number;
  readonly used: number;
}

/** Queue i lives at RAM_BASE + 0x1000 * (i + 1): table, then avail at +0x400, used at +0x800. */
export function layoutFor(index: number, size = 8): QueueLayout {
  const base = RAM_BASE + 0x1000 * (index + 1);
  return { size, desc: base, avail: base + 0x400, used: base + 0x800 };
}

/**
 * A minimal virtio driver following virtio 1.2 section 3.1.1 and 4.2.3,
 * speaking to a device through its registers and building split rings in
 * GuestMemory by hand.
 */
export class TestDriver {
  readonly queues = new Map<number, { layout: QueueLayout; nextDesc: number; availIdx: number }>();

  constructor(
    readonly device: MmioDevice,
    readonly mem: GuestMemory,
  ) {}

  r(reg: number): number {
    const out = { lo: 0, hi: 0 };
    this.device.read(reg, 4, out);
    return out.lo >>> 0;
  }

  w(reg: number, value: number): void {
    this.device.write(reg, 4, value | 0, 0);
  }

  /** Device features as [lo, hi]. */
  deviceFeatures(): [number, number] {
    this.w(VIRTIO_MMIO.DEVICE_FEATURES_SEL, 0);
    const lo = this.r(VIRTIO_MMIO.DEVICE_FEATURES);
    this.w(VIRTIO_MMIO.DEVICE_FEATURES_SEL, 1);
    return [lo, this.r(VIRTIO_MMIO.DEVICE_FEATURES)];
  }

  /** Status ACKNOWLEDGE, DRIVER, features, FEATURES_OK; returns whether FEATURES_OK stuck. */
  negotiate(features: [number, number]): boolean {
    this.w(VIRTIO_MMIO.STATUS, 0);
    this.w(VIRTIO_MMIO.STATUS, VIRTIO_STATUS.ACKNOWLEDGE);
    this.w(VIRTIO_MMIO.STATUS, VIRTIO_STATUS.ACKNOWLEDGE | VIRTIO_STATUS.DRIVER);
    this.w(VIRTIO_MMIO.DRIVER_FEATURES_SEL, 0);
    this.w(VIRTIO_MMIO.DRIVER_FEATURES, features[0]);
    this.w(VIRTIO_MMIO.DRIVER_FEATURES_SEL, 1);
    this.w(VIRTIO_MMIO.DRIVER_FEATURES, features[1]);
    this.w(VIRTIO_MMIO.STATUS, VIRTIO_STATUS.ACKNOWLEDGE | VIRTIO_STATUS.DRIVER | VIRTIO_STATUS.FEATURES_OK);
    return (this.r(VIRTIO_MMIO.STATUS) & VIRTIO_STATUS.FEATURES_OK) !== 0;
  }

  setupQueue(index: number, wanted = layoutFor(index)): void {
    this.w(VIRTIO_MMIO.QUEUE_SEL, index);
    const layout = { ...wanted, size: Math.min(wanted.size, this.r(VIRTIO_MMIO.QUEUE_NUM_MAX)) };
    this.w(VIRTIO_MMIO.QUEUE_NUM, layout.size);
    const set = (lowReg: number, addr: number) => {
      this.w(lowReg, addr % 0x1_0000_0000);
      this.w(lowReg + 4, Math.floor(addr / 0x1_0000_0000));
    };
    set(VIRTIO_MMIO.QUEUE_DESC_LOW, layout.desc);
    set(VIRTIO_MMIO.QUEUE_DRIVER_LOW, layout.avail);
    set(VIRTIO_MMIO.QUEUE_DEVICE_LOW, layout.used);
    this.w(VIRTIO_MMIO.QUEUE_READY, 1);
    this.queues.set(index, { layout, nextDesc: 0, availIdx: 0 });
  }

  driverOk(): void {
    this.w(VIRTIO_MMIO.STATUS, this.r(VIRTIO_MMIO.STATUS) | VIRTIO_STATUS.DRIVER_OK);
  }

  /** Full bring-up: features (VERSION_1 plus `extra`), queues 0..count-1, DRIVER_OK. */
  start(queueCount: number, extra: [number, number] = [0, 0]): void {
    if (!this.negotiate([extra[0], extra[1] | (1 << (VIRTIO_F.VERSION_1 - 32))])) throw new Error('FEATURES_OK refused');
    for (let i = 0; i < queueCount; i++) this.setupQueue(i);
    this.driverOk();
  }

  /** Writes one descriptor (table entry `i` of the table at `table`). */
  writeDescriptor(table: number, i: number, addr: number, len: number, flags: number, next: number): void {
    const d = table + 16 * i;
    this.mem.setU64(d, addr);
    this.mem.setU32(d + 8, len);
    this.mem.setU16(d + 12, flags);
    this.mem.setU16(d + 14, next);
  }

  /**
   * Makes a chain of `buffers` available on queue `q`, directly or (with
   * `indirectTable`) through an indirect table at that address. Returns the head.
   */
  add(q: number, buffers: readonly Buffer[], indirectTable?: number): number {
    const state = this.queues.get(q)!;
    const { layout } = state;
    let head: number;
    if (indirectTable !== undefined) {
      buffers.forEach((b, i) => {
        const more = i + 1 < buffers.length;
        this.writeDescriptor(indirectTable, i, b.addr, b.len, (b.write ? VIRTQ_DESC_F.WRITE : 0) | (more ? VIRTQ_DESC_F.NEXT : 0), more ? i + 1 : 0);
      });
      head = this.take(state, 1);
      this.writeDescriptor(layout.desc, head, indirectTable, 16 * buffers.length, VIRTQ_DESC_F.INDIRECT, 0);
    } else {
      head = this.take(state, buffers.length);
      buffers.forEach((b, i) => {
        const more = i + 1 < buffers.length;
        const idx = (head + i) % layout.size;
        this.writeDescriptor(layout.desc, idx, b.addr, b.len, (b.write ? VIRTQ_DESC_F.WRITE : 0) | (more ? VIRTQ_DESC_F.NEXT : 0), (idx + 1) % layout.size);
      });
    }
    this.publish(q, head);
    return head;
  }

  /** Puts `head` in the next available ring slot and bumps avail idx. */
  publish(q: number, head: number): void {
    const state = this.queues.get(q)!;
    const { layout } = state;
    this.mem.setU16(layout.avail + 4 + 2 * (state.availIdx % layout.size), head);
    state.availIdx = (state.availIdx + 1) & 0xffff;
    this.mem.setU16(layout.avail + 2, state.availIdx);
  }

  notify(q: number): void {
    this.w(VIRTIO_MMIO.QUEUE_NOTIFY, q);
  }

  usedIdx(q: number): number {
    return this.mem.u16(this.queues.get(q)!.layout.used + 2);
  }

  used(q: number, i: number): { id: number; len: number } {
    const { layout } = this.queues.get(q)!;
    const e = layout.used + 4 + 8 * (i % layout.size);
    return { id: this.mem.u32(e), len: this.mem.u32(e + 4) };
  }

  /** used_event (EVENT_IDX): the driver's "interrupt me once used idx passes this". */
  setUsedEvent(q: number, v: number): void {
    const { layout } = this.queues.get(q)!;
    this.mem.setU16(layout.avail + 4 + 2 * layout.size, v);
  }

  /** avail_event (EVENT_IDX): where the device wants the next notification. */
  availEvent(q: number): number {
    const { layout } = this.queues.get(q)!;
    return this.mem.u16(layout.used + 4 + 8 * layout.size);
  }

  ack(): number {
    const status = this.r(VIRTIO_MMIO.INTERRUPT_STATUS);
    this.w(VIRTIO_MMIO.INTERRUPT_ACK, status);
    return status;
  }

  private take(state: { layout: QueueLayout; nextDesc: number }, n: number): number {
    const head = state.nextDesc;
    state.nextDesc = (state.nextDesc + n) % state.layout.size;
    return head;
  }
}
