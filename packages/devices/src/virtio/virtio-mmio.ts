import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { IrqLine, MmioDevice } from '../device.js';
import type { DmaPort } from '../dma-port.js';
import {
  VIRTIO_F,
  VIRTIO_INT,
  VIRTIO_MMIO,
  VIRTIO_MMIO_MAGIC,
  VIRTIO_MMIO_VERSION,
  VIRTIO_STATUS,
  VIRTIO_VENDOR_QEMU,
} from './virtio-constants.js';
import type { VirtioContext, VirtioDevice } from './virtio-device.js';
import { SplitVirtqueue, type VirtqueueOwner } from './virtqueue.js';

/**
 * The virtio-mmio transport, modern interface only (version 2; virtio 1.2
 * section 4.2.2), around one {@link VirtioDevice}.
 *
 * The transport offers VIRTIO_F_VERSION_1 (which the driver must accept:
 * FEATURES_OK does not stick without it, nor with a feature that was not
 * offered, 3.1.1), VIRTIO_F_RING_INDIRECT_DESC and VIRTIO_F_RING_EVENT_IDX,
 * plus the device's own features. Queues are used only while the driver is
 * ready (DRIVER_OK) and the device has not failed; notifications that come
 * earlier are served when DRIVER_OK is set.
 *
 * A driver error found in a queue sets DEVICE_NEEDS_RESET and, once
 * DRIVER_OK was set, sends a configuration change interrupt (2.1.2); the
 * device then does nothing until the driver resets it by writing 0 to
 * Status. The reasons are kept in {@link errors} for diagnostics.
 *
 * Accesses: control registers (below 0x100) are 32-bit; the driver must use
 * aligned 4-byte accesses (4.2.2.2), and other accesses read 0 and are
 * ignored, as QEMU does (no fault). The configuration space takes 1-, 2-,
 * 4- and 8-byte accesses; bytes past its end read 0.
 */
export interface VirtioMmioOptions {
  readonly device: VirtioDevice;
  /** Guest memory as the device reaches it (bus-master access). */
  readonly dma: DmaPort;
  readonly irq: IrqLine;
  /** VendorID register; default "QEMU". */
  readonly vendorId?: number;
}

/** Feature bits the transport offers for every device, as [lo, hi] words. */
const TRANSPORT_FEATURES: readonly [number, number] = [
  (1 << VIRTIO_F.RING_INDIRECT_DESC) | (1 << VIRTIO_F.RING_EVENT_IDX),
  1 << (VIRTIO_F.VERSION_1 - 32),
];

export class VirtioMmio implements MmioDevice, VirtioContext, VirtqueueOwner {
  readonly device: VirtioDevice;
  readonly dma: DmaPort;
  /** Driver errors that put the device into DEVICE_NEEDS_RESET, oldest first (kept across resets, at most 16). */
  readonly errors: string[] = [];
  private readonly irq: IrqLine;
  private readonly vendorId: number;
  private readonly queues: SplitVirtqueue[];
  private readonly offered: [number, number];
  private readonly driverFeatures: [number, number] = [0, 0];
  private readonly negotiated: [number, number] = [0, 0];
  private status = 0;
  private deviceFeaturesSel = 0;
  private driverFeaturesSel = 0;
  private queueSel = 0;
  private interruptStatus = 0;
  private configGeneration = 0;
  private broken = false;
  private irqLevel = false;

  constructor(options: VirtioMmioOptions) {
    this.device = options.device;
    this.dma = options.dma;
    this.irq = options.irq;
    this.vendorId = options.vendorId ?? VIRTIO_VENDOR_QEMU;
    this.offered = [options.device.features[0] | TRANSPORT_FEATURES[0], options.device.features[1] | TRANSPORT_FEATURES[1]];
    this.queues = options.device.queueSizes.map((size, i) => new SplitVirtqueue(this, i, size));
    this.irq.set(false);
    this.device.attach(this);
  }

  // ---- VirtqueueOwner / VirtioContext --------------------------------------

  get failed(): boolean {
    return this.broken;
  }

  get active(): boolean {
    const ready = VIRTIO_STATUS.DRIVER_OK | VIRTIO_STATUS.FEATURES_OK;
    return !this.broken && (this.status & ready) === ready;
  }

  queue(index: number): SplitVirtqueue {
    const q = this.queues[index];
    if (q === undefined) throw new RangeError(`virtio device ${this.device.deviceId} has no queue ${index}`);
    return q;
  }

  hasFeature(bit: number): boolean {
    return ((this.negotiated[bit >>> 5]! >>> (bit & 31)) & 1) !== 0;
  }

  usedBuffers(queue: SplitVirtqueue): void {
    if (queue.takeInterrupt()) this.raise(VIRTIO_INT.USED_BUFFER);
  }

  configChanged(): void {
    this.configGeneration = (this.configGeneration + 1) | 0;
    if ((this.status & VIRTIO_STATUS.DRIVER_OK) !== 0) this.raise(VIRTIO_INT.CONFIG_CHANGE);
  }

  fail(reason: string): void {
    if (this.broken) return;
    this.broken = true;
    if (this.errors.length === 16) this.errors.shift();
    this.errors.push(reason);
    this.status |= VIRTIO_STATUS.DEVICE_NEEDS_RESET;
    if ((this.status & VIRTIO_STATUS.DRIVER_OK) !== 0) this.raise(VIRTIO_INT.CONFIG_CHANGE);
  }

  // ---- registers ------------------------------------------------------------

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    out.lo = 0;
    out.hi = 0;
    if (offset >= VIRTIO_MMIO.CONFIG) {
      this.readConfig(offset - VIRTIO_MMIO.CONFIG, width, out);
      return true;
    }
    if (width !== 4 || (offset & 3) !== 0 || offset < 0) return true;
    out.lo = this.readRegister(offset);
    return true;
  }

  write(offset: number, width: AccessWidth, lo: number, hi: number): boolean {
    if (offset >= VIRTIO_MMIO.CONFIG) {
      this.writeConfig(offset - VIRTIO_MMIO.CONFIG, width, lo, hi);
      return true;
    }
    if (width !== 4 || (offset & 3) !== 0 || offset < 0) return true;
    this.writeRegister(offset, lo | 0);
    return true;
  }

  /** Device reset (Status written 0; 4.2.3.1): everything back to its initial state. */
  reset(): void {
    this.status = 0;
    this.deviceFeaturesSel = this.driverFeaturesSel = this.queueSel = 0;
    this.driverFeatures[0] = this.driverFeatures[1] = 0;
    this.negotiated[0] = this.negotiated[1] = 0;
    this.broken = false;
    for (const q of this.queues) q.reset();
    this.interruptStatus = 0;
    this.updateIrq();
    this.device.reset();
  }

  private readRegister(offset: number): number {
    const q = this.queues[this.queueSel];
    switch (offset) {
      case VIRTIO_MMIO.MAGIC_VALUE:
        return VIRTIO_MMIO_MAGIC;
      case VIRTIO_MMIO.VERSION:
        return VIRTIO_MMIO_VERSION;
      case VIRTIO_MMIO.DEVICE_ID:
        return this.device.deviceId;
      case VIRTIO_MMIO.VENDOR_ID:
        return this.vendorId;
      case VIRTIO_MMIO.DEVICE_FEATURES:
        return this.offered[this.deviceFeaturesSel] ?? 0;
      case VIRTIO_MMIO.QUEUE_NUM_MAX:
        return q?.maxSize ?? 0;
      case VIRTIO_MMIO.QUEUE_READY:
        return q?.ready === true ? 1 : 0;
      case VIRTIO_MMIO.INTERRUPT_STATUS:
        return this.interruptStatus;
      case VIRTIO_MMIO.STATUS:
        return this.status;
      case VIRTIO_MMIO.QUEUE_DESC_LOW:
      case VIRTIO_MMIO.QUEUE_DESC_HIGH:
      case VIRTIO_MMIO.QUEUE_DRIVER_LOW:
      case VIRTIO_MMIO.QUEUE_DRIVER_HIGH:
      case VIRTIO_MMIO.QUEUE_DEVICE_LOW:
      case VIRTIO_MMIO.QUEUE_DEVICE_HIGH:
        // Readable in version 2 (QEMU answers these too); the spec lists them as write-only.
        return q === undefined ? 0 : q.addresses[queueAddressSlot(offset)]!;
      case VIRTIO_MMIO.SHM_LEN_LOW:
      case VIRTIO_MMIO.SHM_LEN_HIGH:
      case VIRTIO_MMIO.SHM_BASE_LOW:
      case VIRTIO_MMIO.SHM_BASE_HIGH:
        // No shared memory regions: a region that does not exist has length and base all ones (4.2.2).
        return -1;
      case VIRTIO_MMIO.CONFIG_GENERATION:
        return this.configGeneration;
      default:
        return 0;
    }
  }

  private writeRegister(offset: number, value: number): void {
    const q = this.queues[this.queueSel];
    switch (offset) {
      case VIRTIO_MMIO.DEVICE_FEATURES_SEL:
        this.deviceFeaturesSel = value >>> 0;
        return;
      case VIRTIO_MMIO.DRIVER_FEATURES:
        if (this.driverFeaturesSel < 2 && (this.status & VIRTIO_STATUS.FEATURES_OK) === 0) this.driverFeatures[this.driverFeaturesSel] = value;
        return;
      case VIRTIO_MMIO.DRIVER_FEATURES_SEL:
        this.driverFeaturesSel = value >>> 0;
        return;
      case VIRTIO_MMIO.QUEUE_SEL:
        this.queueSel = value >>> 0;
        return;
      case VIRTIO_MMIO.QUEUE_NUM:
        if (q !== undefined && !q.ready) q.size = value >>> 0;
        return;
      case VIRTIO_MMIO.QUEUE_READY:
        this.writeQueueReady(q, (value & 1) !== 0);
        return;
      case VIRTIO_MMIO.QUEUE_NOTIFY: {
        const n = value >>> 0;
        const target = this.queues[n];
        if (target !== undefined && target.ready && this.active) this.device.notify(n);
        return;
      }
      case VIRTIO_MMIO.INTERRUPT_ACK:
        this.interruptStatus &= ~value;
        this.updateIrq();
        return;
      case VIRTIO_MMIO.STATUS:
        this.writeStatus(value & 0xff);
        return;
      case VIRTIO_MMIO.QUEUE_DESC_LOW:
      case VIRTIO_MMIO.QUEUE_DESC_HIGH:
      case VIRTIO_MMIO.QUEUE_DRIVER_LOW:
      case VIRTIO_MMIO.QUEUE_DRIVER_HIGH:
      case VIRTIO_MMIO.QUEUE_DEVICE_LOW:
      case VIRTIO_MMIO.QUEUE_DEVICE_HIGH:
        // The driver must not change a live queue (4.2.3.2); such writes are ignored.
        if (q !== undefined && !q.ready) q.addresses[queueAddressSlot(offset)] = value;
        return;
      default:
    }
  }

  private writeQueueReady(q: SplitVirtqueue | undefined, ready: boolean): void {
    if (q === undefined || q.ready === ready) return;
    if (!ready) {
      q.ready = false;
      return;
    }
    if (!q.sizeValid) {
      this.fail(`queue ${q.index}: size ${q.size} is not a power of 2 in 1..${q.maxSize}`);
      return;
    }
    q.restart();
    q.eventIdx = this.hasFeature(VIRTIO_F.RING_EVENT_IDX);
    q.indirect = this.hasFeature(VIRTIO_F.RING_INDIRECT_DESC);
    q.ready = true;
  }

  private writeStatus(value: number): void {
    if (value === 0) {
      this.reset();
      return;
    }
    let next = value & ~VIRTIO_STATUS.DEVICE_NEEDS_RESET;
    const newly = next & ~this.status;
    if ((newly & VIRTIO_STATUS.FEATURES_OK) !== 0 && !this.acceptFeatures()) next &= ~VIRTIO_STATUS.FEATURES_OK;
    this.status = next | (this.broken ? VIRTIO_STATUS.DEVICE_NEEDS_RESET : 0);
    if ((newly & VIRTIO_STATUS.DRIVER_OK) !== 0 && this.active) {
      // Buffers made available before DRIVER_OK (receive buffers, typically) are looked at now.
      for (const q of this.queues) if (q.ready && this.active) this.device.notify(q.index);
    }
  }

  /** FEATURES_OK: the driver's features must be offered ones and include VERSION_1 (3.1.1, 6.1). */
  private acceptFeatures(): boolean {
    const [lo, hi] = this.driverFeatures;
    if ((lo & ~this.offered[0]) !== 0 || (hi & ~this.offered[1]) !== 0) return false;
    if ((hi & (1 << (VIRTIO_F.VERSION_1 - 32))) === 0) return false;
    this.negotiated[0] = lo;
    this.negotiated[1] = hi;
    for (const q of this.queues) {
      q.eventIdx = this.hasFeature(VIRTIO_F.RING_EVENT_IDX);
      q.indirect = this.hasFeature(VIRTIO_F.RING_INDIRECT_DESC);
    }
    return true;
  }

  private readConfig(offset: number, width: AccessWidth, out: Word64): void {
    const config = this.device.config;
    let lo = 0;
    let hi = 0;
    for (let i = width - 1; i >= 0; i--) {
      const at = offset + i;
      const byte = at >= 0 && at < config.length ? config[at]! : 0;
      if (i >= 4) hi = (hi << 8) | byte;
      else lo = (lo << 8) | byte;
    }
    out.lo = lo;
    out.hi = hi;
  }

  private writeConfig(offset: number, width: AccessWidth, lo: number, hi: number): void {
    if (offset < 0 || offset + width > this.device.config.length || this.device.writeConfig === undefined) return;
    if (width === 8) {
      this.device.writeConfig(offset, 4, lo);
      this.device.writeConfig(offset + 4, 4, hi);
    } else {
      this.device.writeConfig(offset, width, width === 4 ? lo : lo & ((1 << (8 * width)) - 1));
    }
  }

  private raise(bit: number): void {
    this.interruptStatus |= bit;
    this.updateIrq();
  }

  private updateIrq(): void {
    const level = this.interruptStatus !== 0;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }
}

/** Index into {@link SplitVirtqueue.addresses} of a queue address register. */
function queueAddressSlot(offset: number): number {
  return ((offset - VIRTIO_MMIO.QUEUE_DESC_LOW) >>> 4) * 2 + ((offset & 4) >>> 2);
}
