export type { MmioDevice, IrqLine } from './device.js';
export { UNCONNECTED_IRQ } from './device.js';
export type { MemoryMapEntry } from './memory-map.js';
export { hexAddress } from './memory-map.js';
export { Bus } from './bus.js';
export type { MappedRegion } from './bus.js';
export type { ConsolePort } from './console-port.js';
export { BufferedConsole, NULL_CONSOLE } from './console-port.js';
export type { DmaPort } from './dma-port.js';
export { ramDma } from './ram-dma.js';
export { Htif, HTIF_DEVICE, HTIF_CONSOLE_COMMAND, HTIF_SYSCALL } from './htif.js';
export type { HtifOptions, HtifState } from './htif.js';
export type { Clock } from './clock.js';
export { ManualClock, CounterClock, WallClock, VIRT_TIMEBASE_FREQUENCY } from './clock.js';
export type { ConsoleInput } from './console-input.js';
export { ByteQueue } from './byte-queue.js';
export { Clint, CLINT } from './clint.js';
export type { ClintOptions, ClintHartLines } from './clint.js';
export { Plic, PLIC, plicSize } from './plic.js';
export type { PlicOptions } from './plic.js';
export { Uart16550a, UART_REG, UART_IER, UART_IIR, UART_FCR, UART_LCR, UART_MCR, UART_LSR, UART_MSR, UART_FIFO_SIZE } from './uart-16550a.js';
export type { Uart16550aOptions } from './uart-16550a.js';
export type { BlockBackend } from './block-backend.js';
export { SECTOR_SIZE } from './block-backend.js';
export { MemoryBlockBackend } from './memory-block-backend.js';
export type { MemoryBlockBackendOptions } from './memory-block-backend.js';
export { WriteBackBlockBackend } from './write-back-block-backend.js';
export type { EntropySource } from './entropy.js';
export { CryptoEntropy, SeededEntropy } from './entropy.js';
export {
  VIRTIO_STATUS,
  VIRTIO_F,
  VIRTIO_ID,
  VIRTIO_MMIO,
  VIRTIO_MMIO_MAGIC,
  VIRTIO_MMIO_VERSION,
  VIRTIO_VENDOR_QEMU,
  VIRTIO_MMIO_SLOT_SIZE,
  VIRTIO_INT,
  VIRTQ_DESC_F,
  VIRTQ_AVAIL_F_NO_INTERRUPT,
  VIRTQ_USED_F_NO_NOTIFY,
  VIRTQ_MAX_SIZE,
} from './virtio/virtio-constants.js';
export type { VirtioDevice, VirtioContext } from './virtio/virtio-device.js';
export { SplitVirtqueue, DescriptorChain } from './virtio/virtqueue.js';
export type { VirtqueueOwner, BufferSegment } from './virtio/virtqueue.js';
export { VirtioMmio } from './virtio/virtio-mmio.js';
export type { VirtioMmioOptions } from './virtio/virtio-mmio.js';
export { EmptyVirtioSlot } from './virtio/empty-virtio-slot.js';
export { VirtioBlk, VIRTIO_BLK_F, VIRTIO_BLK_T, VIRTIO_BLK_S, VIRTIO_BLK_ID_BYTES } from './virtio/virtio-blk.js';
export type { VirtioBlkOptions } from './virtio/virtio-blk.js';
export { VirtioConsole, VIRTIO_CONSOLE_F } from './virtio/virtio-console.js';
export type { VirtioConsoleOptions } from './virtio/virtio-console.js';
export { VirtioRng } from './virtio/virtio-rng.js';
export type { VirtioRngOptions } from './virtio/virtio-rng.js';
export type { PowerEvent } from './power-event.js';
export { SifiveTest, SIFIVE_TEST } from './sifive-test.js';
export { GoldfishRtc, GOLDFISH_RTC } from './goldfish-rtc.js';
export type { GoldfishRtcOptions } from './goldfish-rtc.js';
export type { NetworkBackend } from './network-backend.js';
export { VirtioNet, VIRTIO_NET_F, VIRTIO_NET_S_LINK_UP, VIRTIO_NET_HDR_SIZE, MAX_PENDING_FRAMES } from './virtio/virtio-net.js';
export type { VirtioNetOptions } from './virtio/virtio-net.js';
