import { describe, expect, it } from 'vitest';
import {
  EmptyVirtioSlot,
  SeededEntropy,
  VIRTIO_F,
  VIRTIO_INT,
  VIRTIO_MMIO,
  VIRTIO_MMIO_MAGIC,
  VIRTIO_STATUS,
  VIRTIO_VENDOR_QEMU,
  VirtioMmio,
  VirtioRng,
  type VirtioContext,
  type VirtioDevice,
} from '../../src/index.js';
import { IrqProbe } from '../irq-probe.js';
import { GuestMemory, RAM_BASE, TestDriver } from './test-driver.js';

function rngSetup() {
  const mem = new GuestMemory();
  const irq = new IrqProbe();
  const mmio = new VirtioMmio({ device: new VirtioRng({ entropy: new SeededEntropy(1) }), dma: mem, irq });
  return { mem, irq, mmio, driver: new TestDriver(mmio, mem) };
}

/** A device with a config space the test can change. */
class ConfigDevice implements VirtioDevice {
  readonly deviceId = 42;
  readonly features: readonly [number, number] = [1 << 3, 0];
  readonly queueSizes = [4];
  readonly config = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  readonly writes: Array<[number, number, number]> = [];
  context: VirtioContext | undefined;
  resets = 0;
  attach(c: VirtioContext) {
    this.context = c;
  }
  writeConfig(offset: number, width: number, value: number) {
    this.writes.push([offset, width, value]);
  }
  notify() {}
  reset() {
    this.resets++;
  }
}

describe('VirtioMmio', () => {
  it('identifies itself as a version 2 virtio-mmio device', () => {
    const { driver } = rngSetup();
    expect(driver.r(VIRTIO_MMIO.MAGIC_VALUE)).toBe(VIRTIO_MMIO_MAGIC);
    expect(driver.r(VIRTIO_MMIO.VERSION)).toBe(2);
    expect(driver.r(VIRTIO_MMIO.DEVICE_ID)).toBe(4);
    expect(driver.r(VIRTIO_MMIO.VENDOR_ID)).toBe(VIRTIO_VENDOR_QEMU);
  });

  it('offers VERSION_1, INDIRECT_DESC and EVENT_IDX with the device features', () => {
    const mem = new GuestMemory();
    const device = new ConfigDevice();
    const driver = new TestDriver(new VirtioMmio({ device, dma: mem, irq: new IrqProbe() }), mem);
    const [lo, hi] = driver.deviceFeatures();
    expect(lo).toBe(((1 << VIRTIO_F.RING_INDIRECT_DESC) | (1 << VIRTIO_F.RING_EVENT_IDX) | (1 << 3)) >>> 0);
    expect(hi).toBe(1 << (VIRTIO_F.VERSION_1 - 32));
    driver.w(VIRTIO_MMIO.DEVICE_FEATURES_SEL, 2);
    expect(driver.r(VIRTIO_MMIO.DEVICE_FEATURES)).toBe(0);
  });

  it('refuses FEATURES_OK without VERSION_1 or with a feature not offered', () => {
    const { driver } = rngSetup();
    expect(driver.negotiate([0, 0])).toBe(false);
    expect(driver.negotiate([1 << 5, 1])).toBe(false);
    expect(driver.negotiate([1 << VIRTIO_F.RING_EVENT_IDX, 1])).toBe(true);
  });

  it('describes its queues: QueueNumMax, readiness, addresses; absent queues read 0', () => {
    const { driver } = rngSetup();
    driver.negotiate([0, 1]);
    driver.w(VIRTIO_MMIO.QUEUE_SEL, 0);
    expect(driver.r(VIRTIO_MMIO.QUEUE_NUM_MAX)).toBe(64);
    expect(driver.r(VIRTIO_MMIO.QUEUE_READY)).toBe(0);
    driver.setupQueue(0);
    expect(driver.r(VIRTIO_MMIO.QUEUE_READY)).toBe(1);
    expect(driver.r(VIRTIO_MMIO.QUEUE_DESC_LOW)).toBe(RAM_BASE + 0x1000);
    driver.w(VIRTIO_MMIO.QUEUE_SEL, 1);
    expect(driver.r(VIRTIO_MMIO.QUEUE_NUM_MAX)).toBe(0);
    expect(driver.r(VIRTIO_MMIO.QUEUE_READY)).toBe(0);
  });

  it('reads the configuration space little-endian at any width and forwards writes', () => {
    const mem = new GuestMemory();
    const device = new ConfigDevice();
    const mmio = new VirtioMmio({ device, dma: mem, irq: new IrqProbe() });
    const out = { lo: 0, hi: 0 };
    mmio.read(VIRTIO_MMIO.CONFIG + 1, 1, out);
    expect(out.lo).toBe(2);
    mmio.read(VIRTIO_MMIO.CONFIG + 2, 2, out);
    expect(out.lo).toBe(0x0403);
    mmio.read(VIRTIO_MMIO.CONFIG, 8, out);
    expect([out.lo >>> 0, out.hi >>> 0]).toEqual([0x04030201, 0x08070605]);
    mmio.read(VIRTIO_MMIO.CONFIG + 8, 4, out);
    expect(out.lo).toBe(0x0a09);
    mmio.write(VIRTIO_MMIO.CONFIG + 4, 2, 0x1234, 0);
    mmio.write(VIRTIO_MMIO.CONFIG + 9, 4, 1, 0); // past the end: ignored
    expect(device.writes).toEqual([[4, 2, 0x1234]]);
  });

  it('bumps ConfigGeneration and interrupts on a configuration change once the driver is ready', () => {
    const mem = new GuestMemory();
    const device = new ConfigDevice();
    const irq = new IrqProbe();
    const driver = new TestDriver(new VirtioMmio({ device, dma: mem, irq }), mem);
    device.context!.configChanged();
    expect(driver.r(VIRTIO_MMIO.CONFIG_GENERATION)).toBe(1);
    expect(irq.level).toBe(false);
    driver.start(1);
    device.context!.configChanged();
    expect(driver.r(VIRTIO_MMIO.CONFIG_GENERATION)).toBe(2);
    expect(irq.level).toBe(true);
    expect(driver.ack()).toBe(VIRTIO_INT.CONFIG_CHANGE);
    expect(irq.level).toBe(false);
  });

  it('resets everything when Status is written 0', () => {
    const mem = new GuestMemory();
    const device = new ConfigDevice();
    const driver = new TestDriver(new VirtioMmio({ device, dma: mem, irq: new IrqProbe() }), mem);
    driver.start(1);
    expect(device.context!.active).toBe(true);
    driver.w(VIRTIO_MMIO.STATUS, 0);
    expect(driver.r(VIRTIO_MMIO.STATUS)).toBe(0);
    driver.w(VIRTIO_MMIO.QUEUE_SEL, 0);
    expect(driver.r(VIRTIO_MMIO.QUEUE_READY)).toBe(0);
    expect(device.context!.active).toBe(false);
    expect(device.resets).toBe(2); // once by start()'s own reset, once now
  });

  it('answers control registers only to aligned 32-bit accesses, without faulting others', () => {
    const { mmio } = rngSetup();
    const out = { lo: 5, hi: 5 };
    expect(mmio.read(VIRTIO_MMIO.MAGIC_VALUE, 2, out)).toBe(true);
    expect(out).toEqual({ lo: 0, hi: 0 });
    expect(mmio.read(VIRTIO_MMIO.MAGIC_VALUE + 1, 4, out)).toBe(true);
    expect(out.lo).toBe(0);
    expect(mmio.write(VIRTIO_MMIO.STATUS, 1, 1, 0)).toBe(true);
    mmio.read(VIRTIO_MMIO.STATUS, 4, out);
    expect(out.lo).toBe(0);
  });

  it('reports no shared memory regions', () => {
    const { driver } = rngSetup();
    expect(driver.r(VIRTIO_MMIO.SHM_LEN_LOW)).toBe(0xffff_ffff);
    expect(driver.r(VIRTIO_MMIO.SHM_LEN_HIGH)).toBe(0xffff_ffff);
  });

  it('refuses a queue size that is not a power of 2 by needing a reset', () => {
    const { driver, mmio } = rngSetup();
    driver.negotiate([0, 1]);
    driver.w(VIRTIO_MMIO.QUEUE_SEL, 0);
    driver.w(VIRTIO_MMIO.QUEUE_NUM, 6);
    driver.w(VIRTIO_MMIO.QUEUE_READY, 1);
    expect(driver.r(VIRTIO_MMIO.QUEUE_READY)).toBe(0);
    expect(driver.r(VIRTIO_MMIO.STATUS) & VIRTIO_STATUS.DEVICE_NEEDS_RESET).toBe(VIRTIO_STATUS.DEVICE_NEEDS_RESET);
    expect(mmio.errors[0]).toMatch(/size 6/);
  });
});

describe('EmptyVirtioSlot', () => {
  it('reads magic, version 2 and DeviceID 0, and ignores writes', () => {
    const slot = new EmptyVirtioSlot();
    const r = (reg: number) => {
      const out = { lo: 0, hi: 0 };
      slot.read(reg, 4, out);
      return out.lo >>> 0;
    };
    expect(r(VIRTIO_MMIO.MAGIC_VALUE)).toBe(VIRTIO_MMIO_MAGIC);
    expect(r(VIRTIO_MMIO.VERSION)).toBe(2);
    expect(r(VIRTIO_MMIO.DEVICE_ID)).toBe(0);
    expect(r(VIRTIO_MMIO.VENDOR_ID)).toBe(VIRTIO_VENDOR_QEMU);
    expect(slot.write()).toBe(true);
    expect(r(VIRTIO_MMIO.STATUS)).toBe(0);
    expect(r(VIRTIO_MMIO.QUEUE_NUM_MAX)).toBe(0);
  });
});
