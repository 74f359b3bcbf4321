/**
 * Numbers of the virtio 1.2 specification (OASIS, 2022) that the transport
 * and the devices share. Section numbers refer to that document.
 */

/** Device status bits (2.1). */
export const VIRTIO_STATUS = {
  ACKNOWLEDGE: 1,
  DRIVER: 2,
  DRIVER_OK: 4,
  FEATURES_OK: 8,
  DEVICE_NEEDS_RESET: 0x40,
  FAILED: 0x80,
} as const;

/** Device-independent feature bits (6). */
export const VIRTIO_F = {
  RING_INDIRECT_DESC: 28,
  RING_EVENT_IDX: 29,
  VERSION_1: 32,
  ACCESS_PLATFORM: 33,
  RING_PACKED: 34,
  IN_ORDER: 35,
} as const;

/** Device IDs (5). 0 marks an empty virtio-mmio slot (4.2.2). */
export const VIRTIO_ID = { NONE: 0, NET: 1, BLOCK: 2, CONSOLE: 3, ENTROPY: 4 } as const;

/** virtio-mmio register offsets (4.2.2, table "MMIO Device Register Layout"). */
export const VIRTIO_MMIO = {
  MAGIC_VALUE: 0x000,
  VERSION: 0x004,
  DEVICE_ID: 0x008,
  VENDOR_ID: 0x00c,
  DEVICE_FEATURES: 0x010,
  DEVICE_FEATURES_SEL: 0x014,
  DRIVER_FEATURES: 0x020,
  DRIVER_FEATURES_SEL: 0x024,
  QUEUE_SEL: 0x030,
  QUEUE_NUM_MAX: 0x034,
  QUEUE_NUM: 0x038,
  QUEUE_READY: 0x044,
  QUEUE_NOTIFY: 0x050,
  INTERRUPT_STATUS: 0x060,
  INTERRUPT_ACK: 0x064,
  STATUS: 0x070,
  QUEUE_DESC_LOW: 0x080,
  QUEUE_DESC_HIGH: 0x084,
  QUEUE_DRIVER_LOW: 0x090,
  QUEUE_DRIVER_HIGH: 0x094,
  QUEUE_DEVICE_LOW: 0x0a0,
  QUEUE_DEVICE_HIGH: 0x0a4,
  SHM_SEL: 0x0ac,
  SHM_LEN_LOW: 0x0b0,
  SHM_LEN_HIGH: 0x0b4,
  SHM_BASE_LOW: 0x0b8,
  SHM_BASE_HIGH: 0x0bc,
  CONFIG_GENERATION: 0x0fc,
  CONFIG: 0x100,
} as const;

/** "virt" in little-endian ASCII. */
export const VIRTIO_MMIO_MAGIC = 0x7472_6976;
/** The modern (non-legacy) virtio-mmio interface. */
export const VIRTIO_MMIO_VERSION = 2;
/** Vendor ID reported by the devices: "QEMU" as QEMU reports it, so guests see familiar values. */
export const VIRTIO_VENDOR_QEMU = 0x554d_4551;
/** Size of one virtio-mmio slot on `virt`. */
export const VIRTIO_MMIO_SLOT_SIZE = 0x1000;

/** InterruptStatus bits (4.2.2). */
export const VIRTIO_INT = { USED_BUFFER: 1, CONFIG_CHANGE: 2 } as const;

/** Split virtqueue descriptor flags (2.7.5). */
export const VIRTQ_DESC_F = { NEXT: 1, WRITE: 2, INDIRECT: 4 } as const;
/** Available ring flags (2.7.6) and used ring flags (2.7.8). */
export const VIRTQ_AVAIL_F_NO_INTERRUPT = 1;
export const VIRTQ_USED_F_NO_NOTIFY = 1;
/** Largest split virtqueue (2.7). */
export const VIRTQ_MAX_SIZE = 32768;
