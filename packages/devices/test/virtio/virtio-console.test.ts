import { describe, expect, it } from 'vitest';
import { BufferedConsole, VIRTIO_CONSOLE_F, VIRTIO_MMIO, VirtioConsole, VirtioMmio } from '../../src/index.js';
import { IrqProbe } from '../irq-probe.js';
import { GuestMemory, RAM_BASE, TestDriver } from './test-driver.js';

const RX = RAM_BASE + 0x8000;
const TX = RAM_BASE + 0x9000;

function setup(size?: { cols: number; rows: number }) {
  const mem = new GuestMemory();
  const irq = new IrqProbe();
  const console = new BufferedConsole();
  const device = new VirtioConsole({ console, size });
  const mmio = new VirtioMmio({ device, dma: mem, irq });
  const driver = new TestDriver(mmio, mem);
  return { mem, irq, console, device, mmio, driver };
}

describe('VirtioConsole', () => {
  it('is device 3 with one port, emergency write, and the terminal size when given', () => {
    const { driver } = setup({ cols: 132, rows: 43 });
    expect(driver.r(VIRTIO_MMIO.DEVICE_ID)).toBe(3);
    const [lo] = driver.deviceFeatures();
    expect((lo >>> VIRTIO_CONSOLE_F.EMERG_WRITE) & 1).toBe(1);
    expect((lo >>> VIRTIO_CONSOLE_F.SIZE) & 1).toBe(1);
    expect((lo >>> VIRTIO_CONSOLE_F.MULTIPORT) & 1).toBe(0);
    expect(driver.r(VIRTIO_MMIO.CONFIG)).toBe(132 | (43 << 16));
    expect(driver.r(VIRTIO_MMIO.CONFIG + 4)).toBe(1);
    expect((setup().driver.deviceFeatures()[0] >>> VIRTIO_CONSOLE_F.SIZE) & 1).toBe(0);
  });

  it('sends transmitq buffers to the console', () => {
    const { driver, mem, console, irq } = setup();
    driver.start(2);
    mem.set(TX, new TextEncoder().encode('hello, '));
    mem.set(TX + 0x100, new TextEncoder().encode('world\n'));
    driver.add(1, [
      { addr: TX, len: 7 },
      { addr: TX + 0x100, len: 6 },
    ]);
    driver.notify(1);
    expect(console.text()).toBe('hello, world\n');
    expect(driver.usedIdx(1)).toBe(1);
    expect(driver.used(1, 0).len).toBe(0);
    expect(irq.level).toBe(true);
  });

  it('keeps host input until the driver posts receive buffers, splitting it over them', () => {
    const { driver, mem, device } = setup();
    device.receive(new TextEncoder().encode('early'));
    driver.start(2);
    expect(device.queuedInput).toBe(5);
    driver.add(0, [{ addr: RX, len: 3, write: true }]);
    driver.notify(0);
    expect(driver.used(0, 0).len).toBe(3);
    expect(new TextDecoder().decode(mem.slice(RX, 3))).toBe('ear');
    expect(device.queuedInput).toBe(2);
    driver.add(0, [{ addr: RX + 0x100, len: 64, write: true }]);
    driver.notify(0);
    expect(driver.used(0, 1).len).toBe(2);
    expect(new TextDecoder().decode(mem.slice(RX + 0x100, 2))).toBe('ly');
    // Buffers posted in advance take later input at once.
    driver.add(0, [{ addr: RX + 0x200, len: 64, write: true }]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(2);
    device.receive(new TextEncoder().encode('x'));
    expect(driver.usedIdx(0)).toBe(3);
    expect(mem.u8(RX + 0x200)).toBe(0x78);
  });

  it('serves receive buffers posted before DRIVER_OK once the driver is ready', () => {
    const { driver, mem, device } = setup();
    driver.negotiate([0, 1]);
    driver.setupQueue(0);
    driver.setupQueue(1);
    device.receive(Uint8Array.of(0x41));
    driver.add(0, [{ addr: RX, len: 8, write: true }]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(0);
    driver.driverOk();
    expect(driver.usedIdx(0)).toBe(1);
    expect(mem.u8(RX)).toBe(0x41);
  });

  it('prints emerg_wr writes', () => {
    const { mmio, console } = setup();
    mmio.write(VIRTIO_MMIO.CONFIG + 8, 4, 0x21, 0);
    expect(console.text()).toBe('!');
  });

  it('reports a resize as a configuration change', () => {
    const { driver, device, irq } = setup({ cols: 80, rows: 24 });
    driver.start(2);
    device.resize(100, 30);
    expect(driver.r(VIRTIO_MMIO.CONFIG)).toBe(100 | (30 << 16));
    expect(driver.r(VIRTIO_MMIO.CONFIG_GENERATION)).toBe(1);
    expect(irq.level).toBe(true);
  });
});
