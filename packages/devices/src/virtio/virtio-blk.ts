import type { AccessWidth } from '@rvhv/mmu';
import { SECTOR_SIZE, type BlockBackend } from '../block-backend.js';
import { TWO_32 } from '../word64.js';
import { VIRTIO_ID } from './virtio-constants.js';
import type { VirtioContext, VirtioDevice } from './virtio-device.js';
import type { DescriptorChain } from './virtqueue.js';

/**
 * virtio-blk (virtio 1.2 section 5.2), one request queue.
 *
 * A request is a chain of: the header (type u32, reserved u32, sector u64)
 * and, for writes, discards and write-zeroes, the data, all device-readable;
 * then, device-writable, the data of reads and get-id and finally one status
 * byte. Requests are carried out at once against the {@link BlockBackend}.
 * A chain too short for a header and a status byte is a driver error (the
 * device needs a reset); bad requests inside a well-formed chain (past the
 * end of the disk, not whole sectors, writes to a read-only disk) complete
 * with VIRTIO_BLK_S_IOERR, unknown types with VIRTIO_BLK_S_UNSUPP.
 *
 * Features: SEG_MAX, BLK_SIZE (512), FLUSH (the guest sees a volatile write
 * cache and flushes it; put a {@link WriteBackBlockBackend} in front of a
 * host file to make that literal), RO for read-only disks, DISCARD and
 * WRITE_ZEROES unless disabled.
 */
export const VIRTIO_BLK_F = { SIZE_MAX: 1, SEG_MAX: 2, GEOMETRY: 4, RO: 5, BLK_SIZE: 6, FLUSH: 9, TOPOLOGY: 10, CONFIG_WCE: 11, MQ: 12, DISCARD: 13, WRITE_ZEROES: 14 } as const;
export const VIRTIO_BLK_T = { IN: 0, OUT: 1, FLUSH: 4, GET_ID: 8, GET_LIFETIME: 10, DISCARD: 11, WRITE_ZEROES: 13, SECURE_ERASE: 14 } as const;
export const VIRTIO_BLK_S = { OK: 0, IOERR: 1, UNSUPP: 2 } as const;
/** Length of the get-id answer (VIRTIO_BLK_ID_BYTES). */
export const VIRTIO_BLK_ID_BYTES = 20;

/** Offsets in struct virtio_blk_config (5.2.4). */
const CONFIG = {
  capacity: 0,
  sizeMax: 8,
  segMax: 12,
  blkSize: 20,
  maxDiscardSectors: 36,
  maxDiscardSeg: 40,
  discardSectorAlignment: 44,
  maxWriteZeroesSectors: 48,
  maxWriteZeroesSeg: 52,
  writeZeroesMayUnmap: 56,
  /** Through write_zeroes_may_unmap and its padding (what QEMU exposes with these features). */
  size: 60,
} as const;

const HEADER_SIZE = 16;
/** One discard / write-zeroes range: sector u64, num_sectors u32, flags u32. */
const RANGE_SIZE = 16;
const WRITE_ZEROES_FLAG_UNMAP = 1;
/** Ranges accepted in one discard or write-zeroes request. */
const MAX_RANGES = 32;
/** Largest piece moved between guest memory and the backend at once. */
const CHUNK = 64 * 1024;
const U32_MAX = 0xffff_ffff;

export interface VirtioBlkOptions {
  readonly backend: BlockBackend;
  /** Present the disk read-only (VIRTIO_BLK_F_RO) even if the backend is writable. */
  readonly readOnly?: boolean;
  /** Serial number returned by get-id (at most 20 bytes are used). */
  readonly serial?: string;
  /** Offer DISCARD and WRITE_ZEROES (default true). */
  readonly discard?: boolean;
  /** QueueNumMax (default 256, as QEMU). */
  readonly queueSize?: number;
}

export class VirtioBlk implements VirtioDevice {
  readonly deviceId = VIRTIO_ID.BLOCK;
  readonly features: readonly [number, number];
  readonly queueSizes: readonly number[];
  readonly config = new Uint8Array(CONFIG.size);
  readonly backend: BlockBackend;
  readonly readOnly: boolean;
  private readonly serial: Uint8Array;
  private readonly discardEnabled: boolean;
  private readonly configView = new DataView(this.config.buffer);
  private context: VirtioContext | undefined;
  private readonly header = new Uint8Array(HEADER_SIZE);
  private readonly headerView = new DataView(this.header.buffer);

  constructor(options: VirtioBlkOptions) {
    this.backend = options.backend;
    this.readOnly = (options.readOnly ?? false) || options.backend.readOnly;
    this.discardEnabled = (options.discard ?? true) && !this.readOnly;
    const queueSize = options.queueSize ?? 256;
    this.queueSizes = [queueSize];
    this.serial = new Uint8Array(VIRTIO_BLK_ID_BYTES);
    this.serial.set(new TextEncoder().encode(options.serial ?? '').subarray(0, VIRTIO_BLK_ID_BYTES));
    let f = bit(VIRTIO_BLK_F.SEG_MAX) | bit(VIRTIO_BLK_F.BLK_SIZE) | bit(VIRTIO_BLK_F.FLUSH);
    if (this.readOnly) f |= bit(VIRTIO_BLK_F.RO);
    if (this.discardEnabled) f |= bit(VIRTIO_BLK_F.DISCARD) | bit(VIRTIO_BLK_F.WRITE_ZEROES);
    this.features = [f, 0];
    const v = this.configView;
    // seg_max: the chain also needs the header and status descriptors (as QEMU: queue size - 2).
    v.setUint32(CONFIG.segMax, Math.max(1, queueSize - 2), true);
    v.setUint32(CONFIG.blkSize, SECTOR_SIZE, true);
    v.setUint32(CONFIG.maxDiscardSeg, MAX_RANGES, true);
    v.setUint32(CONFIG.discardSectorAlignment, 1, true);
    v.setUint32(CONFIG.maxWriteZeroesSeg, MAX_RANGES, true);
    v.setUint8(CONFIG.writeZeroesMayUnmap, 0);
    this.setCapacity();
  }

  /** Disk size in sectors. */
  get capacity(): number {
    return Math.floor(this.backend.size / SECTOR_SIZE);
  }

  attach(context: VirtioContext): void {
    this.context = context;
  }

  /** The backend's size changed: updates capacity and tells the driver (configuration change). */
  resized(): void {
    this.setCapacity();
    this.context?.configChanged();
  }

  writeConfig(_offset: number, _width: AccessWidth, _value: number): void {
    // Every field is read-only without VIRTIO_BLK_F_CONFIG_WCE.
  }

  reset(): void {}

  notify(index: number): void {
    const ctx = this.context;
    if (ctx === undefined || index !== 0) return;
    const q = ctx.queue(0);
    for (let chain = q.pop(); chain !== undefined; chain = q.pop()) {
      const written = this.serve(chain);
      if (written < 0) return;
      q.push(chain, written);
    }
    ctx.usedBuffers(q);
  }

  private setCapacity(): void {
    const sectors = this.capacity;
    this.configView.setUint32(CONFIG.capacity, sectors % TWO_32, true);
    this.configView.setUint32(CONFIG.capacity + 4, Math.floor(sectors / TWO_32), true);
    const maxSectors = Math.min(sectors, U32_MAX);
    this.configView.setUint32(CONFIG.maxDiscardSectors, this.discardEnabled ? maxSectors : 0, true);
    this.configView.setUint32(CONFIG.maxWriteZeroesSectors, this.discardEnabled ? maxSectors : 0, true);
  }

  /** Carries out one request; returns the bytes written to its writable buffers, or -1 after a driver error. */
  private serve(chain: DescriptorChain): number {
    if (chain.readableLength < HEADER_SIZE || chain.writableLength < 1) {
      this.context!.fail(`virtio-blk request ${chain.head} lacks a header or a status byte`);
      return -1;
    }
    if (chain.read(0, this.header) < 0) return -1;
    const type = this.headerView.getUint32(0, true);
    const sector = this.headerView.getUint32(12, true) * TWO_32 + this.headerView.getUint32(8, true);
    const inLength = chain.writableLength - 1;
    const outLength = chain.readableLength - HEADER_SIZE;
    let status: number;
    let written = 0;
    switch (type) {
      case VIRTIO_BLK_T.IN: {
        status = this.checkRange(sector, inLength);
        if (status === VIRTIO_BLK_S.OK) {
          status = this.readData(chain, sector * SECTOR_SIZE, inLength);
          if (status < 0) return -1;
          if (status === VIRTIO_BLK_S.OK) written = inLength;
        }
        break;
      }
      case VIRTIO_BLK_T.OUT:
        status = this.readOnly ? VIRTIO_BLK_S.IOERR : this.checkRange(sector, outLength);
        if (status === VIRTIO_BLK_S.OK) status = this.writeData(chain, sector * SECTOR_SIZE, outLength);
        if (status < 0) return -1;
        break;
      case VIRTIO_BLK_T.FLUSH:
        status = this.backend.flush() ? VIRTIO_BLK_S.OK : VIRTIO_BLK_S.IOERR;
        break;
      case VIRTIO_BLK_T.GET_ID: {
        const n = Math.min(VIRTIO_BLK_ID_BYTES, inLength);
        if (chain.write(0, this.serial.subarray(0, n)) < 0) return -1;
        written = n;
        status = VIRTIO_BLK_S.OK;
        break;
      }
      case VIRTIO_BLK_T.DISCARD:
      case VIRTIO_BLK_T.WRITE_ZEROES:
        if (!this.discardEnabled) {
          status = VIRTIO_BLK_S.UNSUPP;
          break;
        }
        status = this.ranges(chain, type, outLength);
        if (status < 0) return -1;
        break;
      default:
        status = VIRTIO_BLK_S.UNSUPP;
    }
    if (chain.write(inLength, Uint8Array.of(status)) < 0) return -1;
    return written + 1;
  }

  /** IOERR unless `length` bytes from `sector` are whole sectors on the disk. */
  private checkRange(sector: number, length: number): number {
    if (length % SECTOR_SIZE !== 0 || !Number.isSafeInteger(sector)) return VIRTIO_BLK_S.IOERR;
    return sector + length / SECTOR_SIZE <= this.capacity ? VIRTIO_BLK_S.OK : VIRTIO_BLK_S.IOERR;
  }

  private readData(chain: DescriptorChain, offset: number, length: number): number {
    const buffer = new Uint8Array(Math.min(CHUNK, length));
    for (let done = 0; done < length; ) {
      const piece = buffer.subarray(0, Math.min(CHUNK, length - done));
      if (!this.backend.read(offset + done, piece)) return VIRTIO_BLK_S.IOERR;
      if (chain.write(done, piece) < 0) return -1;
      done += piece.length;
    }
    return VIRTIO_BLK_S.OK;
  }

  private writeData(chain: DescriptorChain, offset: number, length: number): number {
    const buffer = new Uint8Array(Math.min(CHUNK, length));
    for (let done = 0; done < length; ) {
      const piece = buffer.subarray(0, Math.min(CHUNK, length - done));
      if (chain.read(HEADER_SIZE + done, piece) < 0) return -1;
      if (!this.backend.write(offset + done, piece)) return VIRTIO_BLK_S.IOERR;
      done += piece.length;
    }
    return VIRTIO_BLK_S.OK;
  }

  /** DISCARD and WRITE_ZEROES: a list of {sector, num_sectors, flags} ranges (5.2.6). */
  private ranges(chain: DescriptorChain, type: number, length: number): number {
    if (length === 0 || length % RANGE_SIZE !== 0 || length / RANGE_SIZE > MAX_RANGES) return VIRTIO_BLK_S.UNSUPP;
    const data = new Uint8Array(length);
    if (chain.read(HEADER_SIZE, data) < 0) return -1;
    const view = new DataView(data.buffer);
    const allowedFlags = type === VIRTIO_BLK_T.WRITE_ZEROES ? WRITE_ZEROES_FLAG_UNMAP : 0;
    for (let at = 0; at < length; at += RANGE_SIZE) {
      const sector = view.getUint32(at + 4, true) * TWO_32 + view.getUint32(at, true);
      const count = view.getUint32(at + 8, true);
      // Unknown flags make the request unsupported (5.2.6.1).
      if ((view.getUint32(at + 12, true) & ~allowedFlags) !== 0) return VIRTIO_BLK_S.UNSUPP;
      if (this.checkRange(sector, count * SECTOR_SIZE) !== VIRTIO_BLK_S.OK) return VIRTIO_BLK_S.IOERR;
      const ok = type === VIRTIO_BLK_T.DISCARD ? (this.backend.discard?.(sector * SECTOR_SIZE, count * SECTOR_SIZE) ?? true) : this.zero(sector * SECTOR_SIZE, count * SECTOR_SIZE);
      if (!ok) return VIRTIO_BLK_S.IOERR;
    }
    return VIRTIO_BLK_S.OK;
  }

  private zero(offset: number, length: number): boolean {
    const zeros = new Uint8Array(Math.min(CHUNK, length));
    for (let done = 0; done < length; done += zeros.length) {
      if (!this.backend.write(offset + done, zeros.subarray(0, Math.min(zeros.length, length - done)))) return false;
    }
    return true;
  }
}

function bit(n: number): number {
  return 1 << n;
}
