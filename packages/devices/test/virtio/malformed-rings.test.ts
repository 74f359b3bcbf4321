import { describe, expect, it } from 'vitest';
import {
  MemoryBlockBackend,
  SeededEntropy,
  VIRTIO_BLK_T,
  VIRTIO_F,
  VIRTIO_INT,
  VIRTIO_MMIO,
  VIRTIO_STATUS,
  VIRTQ_DESC_F,
  VirtioBlk,
  VirtioMmio,
  VirtioRng,
} from '../../src/index.js';
import { IrqProbe } from '../irq-probe.js';
import { GuestMemory, RAM_BASE, TestDriver, layoutFor } from './test-driver.js';

const BUF = RAM_BASE + 0x8000;
const TABLE = RAM_BASE + 0xb000;
const { NEXT, WRITE, INDIRECT } = VIRTQ_DESC_F;

/** An entropy device with queue 0 of size 8 set up; `indirect` negotiates VIRTIO_F_RING_INDIRECT_DESC. */
function setup(indirect = true) {
  const mem = new GuestMemory();
  const irq = new IrqProbe();
  const mmio = new VirtioMmio({ device: new VirtioRng({ entropy: new SeededEntropy(7) }), dma: mem, irq });
  const driver = new TestDriver(mmio, mem);
  driver.start(1, [indirect ? 1 << VIRTIO_F.RING_INDIRECT_DESC : 0, 0]);
  const desc = driver.queues.get(0)!.layout.desc;
  /** Expects the device to have given up: NEEDS_RESET, a config-change interrupt, nothing used. */
  const expectNeedsReset = (pattern: RegExp) => {
    expect(driver.r(VIRTIO_MMIO.STATUS) & VIRTIO_STATUS.DEVICE_NEEDS_RESET).toBe(VIRTIO_STATUS.DEVICE_NEEDS_RESET);
    expect(irq.level).toBe(true);
    expect(driver.r(VIRTIO_MMIO.INTERRUPT_STATUS) & VIRTIO_INT.CONFIG_CHANGE).toBe(VIRTIO_INT.CONFIG_CHANGE);
    expect(driver.usedIdx(0)).toBe(0);
    expect(mmio.errors.at(-1)).toMatch(pattern);
  };
  return { mem, irq, mmio, driver, desc, expectNeedsReset };
}

describe('malformed virtqueues', () => {
  it('stops at a descriptor loop', () => {
    const { driver, desc, expectNeedsReset } = setup();
    driver.writeDescriptor(desc, 0, BUF, 4, WRITE | NEXT, 1);
    driver.writeDescriptor(desc, 1, BUF + 4, 4, WRITE | NEXT, 0);
    driver.publish(0, 0);
    driver.notify(0);
    expectNeedsReset(/loop/);
  });

  it('stops at a next index beyond the table', () => {
    const { driver, desc, expectNeedsReset } = setup();
    driver.writeDescriptor(desc, 0, BUF, 4, WRITE | NEXT, 8);
    driver.publish(0, 0);
    driver.notify(0);
    expectNeedsReset(/beyond its table/);
  });

  it('stops at a head index beyond the queue size', () => {
    const { driver, expectNeedsReset } = setup();
    driver.publish(0, 9);
    driver.notify(0);
    expectNeedsReset(/descriptor 9/);
  });

  it('stops when the available index moves by more than the queue size', () => {
    const { driver, mem, expectNeedsReset } = setup();
    mem.setU16(driver.queues.get(0)!.layout.avail + 2, 9);
    driver.notify(0);
    expectNeedsReset(/available index moved/);
  });

  it('stops at a descriptor table outside guest memory', () => {
    const mem = new GuestMemory();
    const irq = new IrqProbe();
    const mmio = new VirtioMmio({ device: new VirtioRng({ entropy: new SeededEntropy() }), dma: mem, irq });
    const driver = new TestDriver(mmio, mem);
    driver.negotiate([0, 1]);
    driver.setupQueue(0, { ...layoutFor(0), desc: RAM_BASE + 0x4_0000 - 0x40 }); // the table's end leaves RAM
    driver.driverOk();
    driver.publish(0, 6);
    driver.notify(0);
    expect(driver.r(VIRTIO_MMIO.STATUS) & VIRTIO_STATUS.DEVICE_NEEDS_RESET).not.toBe(0);
    expect(mmio.errors[0]).toMatch(/descriptor table/);
    expect(irq.level).toBe(true);
  });

  it('stops at a buffer outside guest memory, or at an address beyond 2^53', () => {
    const a = setup();
    a.driver.add(0, [{ addr: 0x1000, len: 16, write: true }]);
    a.driver.notify(0);
    a.expectNeedsReset(/not in guest memory/);
    const b = setup();
    b.driver.writeDescriptor(b.desc, 0, 0, 16, WRITE, 0);
    b.mem.setU32(b.desc + 4, 0xffff_ffff);
    b.driver.publish(0, 0);
    b.driver.notify(0);
    b.expectNeedsReset(/beyond guest memory/);
  });

  it('stops at a device-readable buffer after a device-writable one', () => {
    const { driver, expectNeedsReset } = setup();
    driver.add(0, [
      { addr: BUF, len: 4, write: true },
      { addr: BUF + 4, len: 4 },
    ]);
    driver.notify(0);
    expectNeedsReset(/readable buffer after a device-writable/);
  });

  it('refuses an indirect descriptor when the feature was not negotiated', () => {
    const { driver, expectNeedsReset } = setup(false);
    driver.add(0, [{ addr: BUF, len: 4, write: true }], TABLE);
    driver.notify(0);
    expectNeedsReset(/indirect/);
  });

  it('refuses nested indirect tables, INDIRECT with NEXT, and tables of partial descriptors', () => {
    const nested = setup();
    nested.driver.writeDescriptor(TABLE, 0, TABLE + 0x100, 16, INDIRECT, 0);
    nested.driver.writeDescriptor(nested.desc, 0, TABLE, 16, INDIRECT, 0);
    nested.driver.publish(0, 0);
    nested.driver.notify(0);
    nested.expectNeedsReset(/indirect/);

    const withNext = setup();
    withNext.driver.writeDescriptor(TABLE, 0, BUF, 4, WRITE, 0);
    withNext.driver.writeDescriptor(withNext.desc, 0, TABLE, 16, INDIRECT | NEXT, 1);
    withNext.driver.publish(0, 0);
    withNext.driver.notify(0);
    withNext.expectNeedsReset(/indirect/);

    const partial = setup();
    partial.driver.writeDescriptor(partial.desc, 0, TABLE, 24, INDIRECT, 0);
    partial.driver.publish(0, 0);
    partial.driver.notify(0);
    partial.expectNeedsReset(/indirect/);
  });

  it('stops at a loop inside an indirect table', () => {
    const { driver, desc, expectNeedsReset } = setup();
    driver.writeDescriptor(TABLE, 0, BUF, 4, WRITE | NEXT, 1);
    driver.writeDescriptor(TABLE, 1, BUF, 4, WRITE | NEXT, 0);
    driver.writeDescriptor(desc, 0, TABLE, 32, INDIRECT, 0);
    driver.publish(0, 0);
    driver.notify(0);
    expectNeedsReset(/loop/);
  });

  it('does nothing more until reset, then works again', () => {
    const { driver, mem, mmio, desc, irq } = setup();
    driver.writeDescriptor(desc, 0, BUF, 4, WRITE | NEXT, 0);
    driver.publish(0, 0);
    driver.notify(0);
    expect(mmio.failed).toBe(true);
    driver.add(0, [{ addr: BUF, len: 4, write: true }]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(0);
    // Reset and bring the device up again.
    mem.bytes.fill(0, 0x1000, 0x2000);
    driver.start(1);
    expect(driver.r(VIRTIO_MMIO.STATUS) & VIRTIO_STATUS.DEVICE_NEEDS_RESET).toBe(0);
    expect(irq.level).toBe(false);
    driver.add(0, [{ addr: BUF, len: 8, write: true }]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(1);
    expect(driver.used(0, 0).len).toBe(8);
    expect(mmio.errors).toHaveLength(1);
  });

  it('treats a virtio-blk chain without header or status byte as a driver error', () => {
    const mem = new GuestMemory();
    const irq = new IrqProbe();
    const mmio = new VirtioMmio({ device: new VirtioBlk({ backend: new MemoryBlockBackend(new Uint8Array(4096)) }), dma: mem, irq });
    const driver = new TestDriver(mmio, mem);
    driver.start(1);
    mem.setU32(BUF, VIRTIO_BLK_T.IN);
    driver.add(0, [{ addr: BUF, len: 8 }, { addr: BUF + 0x100, len: 1, write: true }]);
    driver.notify(0);
    expect(mmio.failed).toBe(true);
    expect(mmio.errors[0]).toMatch(/header/);
    expect(irq.level).toBe(true);
  });
});

describe('virtio-rng', () => {
  it('fills device-writable buffers with the entropy source, reproducibly', () => {
    const run = () => {
      const { driver, mem } = setup();
      driver.add(0, [
        { addr: BUF, len: 8, write: true },
        { addr: BUF + 0x100, len: 8, write: true },
      ]);
      driver.notify(0);
      expect(driver.used(0, 0).len).toBe(16);
      return [...mem.slice(BUF, 8), ...mem.slice(BUF + 0x100, 8)];
    };
    const first = run();
    expect(first).toEqual(run());
    expect(new Set(first).size).toBeGreaterThan(4);
  });
});
