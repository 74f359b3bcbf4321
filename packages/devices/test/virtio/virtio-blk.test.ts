import { describe, expect, it } from 'vitest';
import {
  MemoryBlockBackend,
  VIRTIO_BLK_F,
  VIRTIO_BLK_S,
  VIRTIO_BLK_T,
  VIRTIO_F,
  VIRTIO_INT,
  VIRTIO_MMIO,
  VirtioBlk,
  VirtioMmio,
  WriteBackBlockBackend,
  type BlockBackend,
} from '../../src/index.js';
import { IrqProbe } from '../irq-probe.js';
import { GuestMemory, RAM_BASE, TestDriver } from './test-driver.js';

const HEADER = RAM_BASE + 0x8000;
const DATA = RAM_BASE + 0x9000;
const STATUS = RAM_BASE + 0xa000;
const INDIRECT = RAM_BASE + 0xb000;
const SECTORS = 64;

/** A disk whose sector n is filled with the byte n. */
function image(): Uint8Array {
  const bytes = new Uint8Array(SECTORS * 512);
  for (let s = 0; s < SECTORS; s++) bytes.fill(s, s * 512, (s + 1) * 512);
  return bytes;
}

function setup(options: { backend?: BlockBackend; readOnly?: boolean; serial?: string; features?: [number, number] } = {}) {
  const mem = new GuestMemory();
  const irq = new IrqProbe();
  const backend = options.backend ?? new MemoryBlockBackend(image());
  const blk = new VirtioBlk({ backend, readOnly: options.readOnly, serial: options.serial ?? 'rvhv-disk-0' });
  const mmio = new VirtioMmio({ device: blk, dma: mem, irq });
  const driver = new TestDriver(mmio, mem);
  driver.start(1, options.features ?? [0, 0]);
  return { mem, irq, blk, mmio, driver, backend };
}

/** Writes a request header at HEADER. */
function header(mem: GuestMemory, type: number, sector = 0): void {
  mem.setU32(HEADER, type);
  mem.setU32(HEADER + 4, 0);
  mem.setU64(HEADER + 8, sector);
}

describe('VirtioBlk', () => {
  it('reports capacity, blk_size and seg_max in its configuration space', () => {
    const { driver } = setup();
    expect(driver.r(VIRTIO_MMIO.CONFIG)).toBe(SECTORS);
    expect(driver.r(VIRTIO_MMIO.CONFIG + 4)).toBe(0);
    expect(driver.r(VIRTIO_MMIO.CONFIG + 12)).toBe(254);
    expect(driver.r(VIRTIO_MMIO.CONFIG + 20)).toBe(512);
    const [lo] = driver.deviceFeatures();
    for (const f of [VIRTIO_BLK_F.SEG_MAX, VIRTIO_BLK_F.BLK_SIZE, VIRTIO_BLK_F.FLUSH, VIRTIO_BLK_F.DISCARD, VIRTIO_BLK_F.WRITE_ZEROES]) expect((lo >>> f) & 1).toBe(1);
    expect((lo >>> VIRTIO_BLK_F.RO) & 1).toBe(0);
  });

  it('reads sectors into a chain of header, data and status buffers', () => {
    const { mem, irq, driver } = setup();
    header(mem, VIRTIO_BLK_T.IN, 5);
    mem.set(STATUS, Uint8Array.of(0xff));
    const head = driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: DATA, len: 512, write: true },
      { addr: DATA + 0x400, len: 512, write: true },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(1);
    expect(driver.used(0, 0)).toEqual({ id: head, len: 1025 });
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(mem.slice(DATA, 512).every((b) => b === 5)).toBe(true);
    expect(mem.slice(DATA + 0x400, 512).every((b) => b === 6)).toBe(true);
    expect(irq.level).toBe(true);
    expect(driver.ack()).toBe(VIRTIO_INT.USED_BUFFER);
    expect(irq.level).toBe(false);
  });

  it('writes sectors, and a status byte sharing the data buffer is found at the end', () => {
    const backend = new MemoryBlockBackend(image());
    const { mem, driver } = setup({ backend });
    header(mem, VIRTIO_BLK_T.OUT, 2);
    mem.set(DATA, new Uint8Array(1024).fill(0xab));
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: DATA, len: 1024 },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(driver.used(0, 0).len).toBe(1);
    expect(backend.image.subarray(1024, 2048).every((b) => b === 0xab)).toBe(true);
    expect(backend.image[2048]).toBe(4);
    // Header and data in one readable buffer, as some drivers do.
    mem.set(HEADER + 16, new Uint8Array(512).fill(0xcd));
    header(mem, VIRTIO_BLK_T.OUT, 10);
    driver.add(0, [
      { addr: HEADER, len: 16 + 512 },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(backend.image.subarray(10 * 512, 11 * 512).every((b) => b === 0xcd)).toBe(true);
  });

  it('makes writes reach the host only on flush behind a write-back cache', () => {
    const lower = new MemoryBlockBackend(image());
    const cache = new WriteBackBlockBackend(lower);
    const { mem, driver } = setup({ backend: cache });
    header(mem, VIRTIO_BLK_T.OUT, 1);
    mem.set(DATA, new Uint8Array(512).fill(0x77));
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: DATA, len: 512 },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(lower.image[512]).toBe(1);
    // The guest reads its own write back before the flush.
    header(mem, VIRTIO_BLK_T.IN, 1);
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: DATA + 0x800, len: 512, write: true },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(mem.u8(DATA + 0x800)).toBe(0x77);
    header(mem, VIRTIO_BLK_T.FLUSH);
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(lower.image.subarray(512, 1024).every((b) => b === 0x77)).toBe(true);
    expect(lower.flushes).toBe(1);
  });

  it('answers get-id with the serial, zero padded to 20 bytes', () => {
    const { mem, driver } = setup({ serial: 'disk-serial' });
    header(mem, VIRTIO_BLK_T.GET_ID);
    mem.set(DATA, new Uint8Array(20).fill(0xee));
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: DATA, len: 20, write: true },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(new TextDecoder().decode(mem.slice(DATA, 11))).toBe('disk-serial');
    expect([...mem.slice(DATA + 11, 9)].every((b) => b === 0)).toBe(true);
  });

  it('fails requests past the end, of partial sectors, or writes to a read-only disk with IOERR; unknown types with UNSUPP', () => {
    const { mem, driver } = setup();
    const status = (type: number, sector: number, len: number, write: boolean): number => {
      header(mem, type, sector);
      mem.set(STATUS, Uint8Array.of(0xff));
      driver.add(0, [{ addr: HEADER, len: 16 }, { addr: DATA, len, write }, { addr: STATUS, len: 1, write: true }]);
      driver.notify(0);
      return mem.u8(STATUS);
    };
    expect(status(VIRTIO_BLK_T.IN, SECTORS - 1, 1024, true)).toBe(VIRTIO_BLK_S.IOERR);
    expect(status(VIRTIO_BLK_T.IN, 0, 100, true)).toBe(VIRTIO_BLK_S.IOERR);
    expect(status(VIRTIO_BLK_T.OUT, SECTORS, 512, false)).toBe(VIRTIO_BLK_S.IOERR);
    expect(status(99, 0, 512, true)).toBe(VIRTIO_BLK_S.UNSUPP);
    expect(status(VIRTIO_BLK_T.IN, SECTORS - 1, 512, true)).toBe(VIRTIO_BLK_S.OK);

    const ro = setup({ readOnly: true });
    expect((ro.driver.deviceFeatures()[0] >>> VIRTIO_BLK_F.RO) & 1).toBe(1);
    header(ro.mem, VIRTIO_BLK_T.OUT, 0);
    ro.driver.add(0, [{ addr: HEADER, len: 16 }, { addr: DATA, len: 512 }, { addr: STATUS, len: 1, write: true }]);
    ro.driver.notify(0);
    expect(ro.mem.u8(STATUS)).toBe(VIRTIO_BLK_S.IOERR);
    expect((ro.backend as MemoryBlockBackend).image[0]).toBe(0);
  });

  it('discards and writes zeroes over ranges', () => {
    const backend = new MemoryBlockBackend(image());
    const { mem, driver } = setup({ backend });
    header(mem, VIRTIO_BLK_T.WRITE_ZEROES);
    mem.setU64(DATA, 3);
    mem.setU32(DATA + 8, 2);
    mem.setU32(DATA + 12, 0);
    mem.setU64(DATA + 16, 20);
    mem.setU32(DATA + 24, 1);
    mem.setU32(DATA + 28, 1); // unmap allowed
    driver.add(0, [{ addr: HEADER, len: 16 }, { addr: DATA, len: 32 }, { addr: STATUS, len: 1, write: true }]);
    driver.notify(0);
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(backend.image.subarray(3 * 512, 5 * 512).every((b) => b === 0)).toBe(true);
    expect(backend.image.subarray(20 * 512, 21 * 512).every((b) => b === 0)).toBe(true);
    expect(backend.image[5 * 512]).toBe(5);
    header(mem, VIRTIO_BLK_T.DISCARD);
    mem.setU64(DATA, 7);
    mem.setU32(DATA + 8, 1);
    mem.setU32(DATA + 12, 1); // no flags are defined for discard
    driver.add(0, [{ addr: HEADER, len: 16 }, { addr: DATA, len: 16 }, { addr: STATUS, len: 1, write: true }]);
    driver.notify(0);
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.UNSUPP);
  });

  it('follows indirect descriptor tables', () => {
    const { mem, driver } = setup({ features: [1 << VIRTIO_F.RING_INDIRECT_DESC, 0] });
    header(mem, VIRTIO_BLK_T.IN, 9);
    const head = driver.add(
      0,
      [
        { addr: HEADER, len: 16 },
        { addr: DATA, len: 256, write: true },
        { addr: DATA + 0x800, len: 256, write: true },
        { addr: STATUS, len: 1, write: true },
      ],
      INDIRECT,
    );
    driver.notify(0);
    expect(driver.used(0, 0)).toEqual({ id: head, len: 513 });
    expect(mem.u8(STATUS)).toBe(VIRTIO_BLK_S.OK);
    expect(mem.u8(DATA + 255)).toBe(9);
    expect(mem.u8(DATA + 0x800)).toBe(9);
  });

  it('serves every request made available before one notification, in order', () => {
    const { mem, driver } = setup();
    const heads: number[] = [];
    for (let i = 0; i < 2; i++) {
      const h = HEADER + 0x20 * i;
      mem.setU32(h, VIRTIO_BLK_T.IN);
      mem.setU64(h + 8, 30 + i);
      heads.push(
        driver.add(0, [
          { addr: h, len: 16 },
          { addr: DATA + 0x200 * i, len: 512, write: true },
          { addr: STATUS + i, len: 1, write: true },
        ]),
      );
    }
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(2);
    expect([driver.used(0, 0).id, driver.used(0, 1).id]).toEqual(heads);
    expect([mem.u8(DATA), mem.u8(DATA + 0x200)]).toEqual([30, 31]);
  });

  it('suppresses interrupts with event index until used idx passes used_event, and publishes avail_event', () => {
    const { mem, irq, driver } = setup({ features: [1 << VIRTIO_F.RING_EVENT_IDX, 0] });
    const flush = () => {
      header(mem, VIRTIO_BLK_T.FLUSH);
      driver.add(0, [
        { addr: HEADER, len: 16 },
        { addr: STATUS, len: 1, write: true },
      ]);
      driver.notify(0);
    };
    // The first interrupt is always sent. Then used_event = 2 asks for an interrupt once the
    // device has used the entry at ring index 2, i.e. when used idx goes from 2 to 3.
    flush();
    expect(irq.level).toBe(true);
    driver.ack();
    driver.setUsedEvent(0, 2);
    flush(); // used idx 1 -> 2
    expect(driver.usedIdx(0)).toBe(2);
    expect(irq.level).toBe(false);
    flush(); // used idx 2 -> 3
    expect(irq.level).toBe(true);
    expect(driver.availEvent(0)).toBe(3);
  });

  it('honours VIRTQ_AVAIL_F_NO_INTERRUPT without event index', () => {
    const { mem, irq, driver } = setup();
    mem.setU16(driver.queues.get(0)!.layout.avail, 1);
    header(mem, VIRTIO_BLK_T.FLUSH);
    driver.add(0, [
      { addr: HEADER, len: 16 },
      { addr: STATUS, len: 1, write: true },
    ]);
    driver.notify(0);
    expect(driver.usedIdx(0)).toBe(1);
    expect(irq.level).toBe(false);
  });
});
