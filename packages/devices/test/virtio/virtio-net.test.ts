import { describe, expect, it } from 'vitest';
import { VIRTIO_MMIO, VIRTIO_NET_F, VIRTIO_NET_HDR_SIZE, VirtioMmio, VirtioNet } from '../../src/index.js';
import { IrqProbe } from '../irq-probe.js';
import { GuestMemory, RAM_BASE, TestDriver } from './test-driver.js';

const RX = RAM_BASE + 0x8000;
const TX = RAM_BASE + 0xa000;

function setup() {
  const mem = new GuestMemory();
  const irq = new IrqProbe();
  const sent: Uint8Array[] = [];
  const device = new VirtioNet({ backend: { send: (f) => sent.push(f) } });
  const driver = new TestDriver(new VirtioMmio({ device, dma: mem, irq }), mem);
  return { mem, irq, sent, device, driver };
}

const frame = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('VirtioNet', () => {
  it('is device 1 with a MAC address and link up', () => {
    const { driver } = setup();
    expect(driver.r(VIRTIO_MMIO.DEVICE_ID)).toBe(1);
    const [lo] = driver.deviceFeatures();
    expect((lo >>> VIRTIO_NET_F.MAC) & 1).toBe(1);
    expect((lo >>> VIRTIO_NET_F.STATUS) & 1).toBe(1);
    expect(driver.r(VIRTIO_MMIO.CONFIG)).toBe(0x12005452);
    expect(driver.r(VIRTIO_MMIO.CONFIG + 4)).toBe(0x0001_5634);
  });

  it('sends transmitted frames without their header to the backend', () => {
    const { driver, mem, sent } = setup();
    driver.start(2);
    mem.set(TX + VIRTIO_NET_HDR_SIZE, frame(60, 0xaa));
    driver.add(1, [
      { addr: TX, len: VIRTIO_NET_HDR_SIZE },
      { addr: TX + VIRTIO_NET_HDR_SIZE, len: 60 },
    ]);
    driver.notify(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(frame(60, 0xaa));
    expect(driver.usedIdx(1)).toBe(1);
  });

  it('delivers host frames into receive buffers with a header, waiting for buffers if needed', () => {
    const { driver, mem, device, irq } = setup();
    driver.start(2);
    device.receive(frame(64, 0x11));
    expect(device.pendingFrames).toBe(1);
    driver.add(0, [{ addr: RX, len: 1526, write: true }]);
    driver.notify(0);
    expect(driver.used(0, 0).len).toBe(VIRTIO_NET_HDR_SIZE + 64);
    expect(mem.u16(RX + 10)).toBe(1); // num_buffers
    expect(mem.u8(RX + VIRTIO_NET_HDR_SIZE)).toBe(0x11);
    expect(irq.level).toBe(true);
  });

  it('drops a frame that does not fit the receive buffer, and oversized frames', () => {
    const { driver, device } = setup();
    driver.start(2);
    driver.add(0, [{ addr: RX, len: 50, write: true }]);
    device.receive(frame(64, 1));
    expect(driver.used(0, 0).len).toBe(0);
    device.receive(frame(4000, 1));
    expect(device.dropped).toBe(2);
  });
});
