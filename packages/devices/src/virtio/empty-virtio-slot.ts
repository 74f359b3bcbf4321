import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { MmioDevice } from '../device.js';
import { VIRTIO_ID, VIRTIO_MMIO, VIRTIO_MMIO_MAGIC, VIRTIO_MMIO_VERSION, VIRTIO_VENDOR_QEMU } from './virtio-constants.js';

/**
 * A virtio-mmio slot with no device behind it: magic value and version as
 * usual, DeviceID 0 ("no device", virtio 1.2 section 4.2.2: the driver must
 * ignore such a slot), everything else 0, writes ignored. QEMU's `virt`
 * board fills its 8 slots this way when fewer devices are configured.
 */
export class EmptyVirtioSlot implements MmioDevice {
  constructor(private readonly vendorId = VIRTIO_VENDOR_QEMU) {}

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    out.lo = 0;
    out.hi = 0;
    if (width !== 4) return true;
    if (offset === VIRTIO_MMIO.MAGIC_VALUE) out.lo = VIRTIO_MMIO_MAGIC;
    else if (offset === VIRTIO_MMIO.VERSION) out.lo = VIRTIO_MMIO_VERSION;
    else if (offset === VIRTIO_MMIO.DEVICE_ID) out.lo = VIRTIO_ID.NONE;
    else if (offset === VIRTIO_MMIO.VENDOR_ID) out.lo = this.vendorId;
    return true;
  }

  write(): boolean {
    return true;
  }
}
