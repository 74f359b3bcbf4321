import type { AccessWidth } from '@rvhv/mmu';
import type { SplitVirtqueue } from './virtqueue.js';

/**
 * What a virtio device (blk, console, rng, net) implements: its identity,
 * features, queues and configuration space. The transport (virtio-mmio)
 * owns feature negotiation, status, queue registers and interrupts, and
 * hands the device a {@link VirtioContext} to work its queues with.
 */
export interface VirtioDevice {
  /** Device type (virtio 1.2 section 5). */
  readonly deviceId: number;
  /** Device-specific feature bits offered, as 32-bit words [bits 0..31, bits 32..63]. The transport adds VERSION_1, INDIRECT_DESC and EVENT_IDX. */
  readonly features: readonly [number, number];
  /** QueueNumMax of each queue (powers of 2). */
  readonly queueSizes: readonly number[];
  /** The device-specific configuration space, kept current by the device; the transport reads it little-endian. */
  readonly config: Uint8Array;
  /** Called once by the transport the device is plugged into. */
  attach(context: VirtioContext): void;
  /** The driver wrote `value` (`width` bytes) at `offset` of the configuration space (within its size). */
  writeConfig?(offset: number, width: AccessWidth, value: number): void;
  /** Queue `index` may have new buffers: the driver notified it, or the driver just became ready. */
  notify(index: number): void;
  /** Device reset (status 0): forget in-flight guest state; host-side queues (pending input) stay. */
  reset(): void;
}

/** The transport's side, as a device sees it. */
export interface VirtioContext {
  /** Queue `index` of this device. */
  queue(index: number): SplitVirtqueue;
  /** Whether the driver is ready (DRIVER_OK after FEATURES_OK) and the device has not failed: queues may be used. */
  readonly active: boolean;
  /** Whether feature `bit` was negotiated. */
  hasFeature(bit: number): boolean;
  /** Interrupts the driver for the chains pushed to `queue`, unless it suppressed that (2.7.7, 2.7.10). */
  usedBuffers(queue: SplitVirtqueue): void;
  /** The configuration space changed: bumps ConfigGeneration and sends a configuration change notification. */
  configChanged(): void;
  /** A driver error: the device needs a reset (DEVICE_NEEDS_RESET, 2.1.2). */
  fail(reason: string): void;
}
