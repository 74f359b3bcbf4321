import type { NetworkBackend } from '../network-backend.js';
import { VIRTIO_ID } from './virtio-constants.js';
import type { VirtioContext, VirtioDevice } from './virtio-device.js';

/**
 * virtio-net (virtio 1.2 section 5.1) with one receive and one transmit
 * queue and no offloads: every buffer starts with a 12-byte struct
 * virtio_net_hdr (flags, gso_type, hdr_len, gso_size, csum_start,
 * csum_offset, num_buffers; 12 bytes since VERSION_1), all zero here except
 * num_buffers = 1 on received frames.
 *
 * Features: MAC (the configured address) and STATUS (link up). Without
 * VIRTIO_NET_F_MRG_RXBUF each receive chain must hold a whole frame (the
 * driver posts buffers of at least 1514 bytes plus the header); a frame that
 * does not fit is dropped, as a NIC drops what it cannot store. Frames from
 * the host wait while the driver has no receive buffers, up to
 * {@link MAX_PENDING_FRAMES}; beyond that the oldest are dropped.
 */
export const VIRTIO_NET_F = { CSUM: 0, GUEST_CSUM: 1, MTU: 3, MAC: 5, STATUS: 16, MRG_RXBUF: 15, CTRL_VQ: 17, MQ: 22 } as const;
export const VIRTIO_NET_S_LINK_UP = 1;
/** sizeof(struct virtio_net_hdr) with VIRTIO_F_VERSION_1 (5.1.6). */
export const VIRTIO_NET_HDR_SIZE = 12;
/** Host frames kept while the guest has no receive buffers. */
export const MAX_PENDING_FRAMES = 256;
/** Largest frame accepted in either direction (Ethernet with a VLAN tag, no jumbo frames). */
const MAX_FRAME = 1522;
const RECEIVEQ = 0;
const TRANSMITQ = 1;
/** Offsets in struct virtio_net_config (5.1.4). */
const CONFIG = { mac: 0, status: 6, size: 8 } as const;

export interface VirtioNetOptions {
  readonly backend: NetworkBackend;
  /** The MAC address (6 bytes); default 52:54:00:12:34:56, QEMU's first NIC. */
  readonly mac?: Uint8Array;
  /** QueueNumMax of both queues (default 256). */
  readonly queueSize?: number;
}

export class VirtioNet implements VirtioDevice {
  readonly deviceId = VIRTIO_ID.NET;
  readonly features: readonly [number, number] = [(1 << VIRTIO_NET_F.MAC) | (1 << VIRTIO_NET_F.STATUS), 0];
  readonly queueSizes: readonly number[];
  readonly config = new Uint8Array(CONFIG.size);
  /** Frames dropped: too large, no room in the guest's buffer, or too many waiting. */
  dropped = 0;
  private readonly backend: NetworkBackend;
  private readonly pending: Uint8Array[] = [];
  private context: VirtioContext | undefined;

  constructor(options: VirtioNetOptions) {
    this.backend = options.backend;
    const size = options.queueSize ?? 256;
    this.queueSizes = [size, size];
    const mac = options.mac ?? Uint8Array.of(0x52, 0x54, 0x00, 0x12, 0x34, 0x56);
    if (mac.length !== 6) throw new RangeError(`a MAC address has 6 bytes, not ${mac.length}`);
    this.config.set(mac, CONFIG.mac);
    new DataView(this.config.buffer).setUint16(CONFIG.status, VIRTIO_NET_S_LINK_UP, true);
  }

  /** Frames from the host waiting for receive buffers. */
  get pendingFrames(): number {
    return this.pending.length;
  }

  attach(context: VirtioContext): void {
    this.context = context;
  }

  /** A frame from the host network for the guest. */
  receive(frame: Uint8Array): void {
    if (frame.length > MAX_FRAME) {
      this.dropped++;
      return;
    }
    if (this.pending.length === MAX_PENDING_FRAMES) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push(frame.slice());
    this.deliver();
  }

  reset(): void {}

  notify(index: number): void {
    if (index === RECEIVEQ) this.deliver();
    else if (index === TRANSMITQ) this.transmit();
  }

  private transmit(): void {
    const ctx = this.context;
    if (ctx === undefined || !ctx.active) return;
    const q = ctx.queue(TRANSMITQ);
    for (let chain = q.pop(); chain !== undefined; chain = q.pop()) {
      const length = chain.readableLength - VIRTIO_NET_HDR_SIZE;
      if (length > 0 && length <= MAX_FRAME) {
        const frame = new Uint8Array(length);
        if (chain.read(VIRTIO_NET_HDR_SIZE, frame) < 0) return;
        this.backend.send(frame);
      } else {
        this.dropped++;
      }
      q.push(chain, 0);
    }
    ctx.usedBuffers(q);
  }

  private deliver(): void {
    const ctx = this.context;
    if (ctx === undefined || !ctx.active || this.pending.length === 0) return;
    const q = ctx.queue(RECEIVEQ);
    while (this.pending.length > 0 && q.hasAvailable()) {
      const chain = q.pop();
      if (chain === undefined) break;
      const frame = this.pending.shift()!;
      const packet = new Uint8Array(VIRTIO_NET_HDR_SIZE + frame.length);
      // num_buffers = 1 (the last field of the header); everything else zero: no offloads.
      packet[VIRTIO_NET_HDR_SIZE - 2] = 1;
      packet.set(frame, VIRTIO_NET_HDR_SIZE);
      if (packet.length > chain.writableLength) {
        this.dropped++;
        q.push(chain, 0);
        continue;
      }
      if (chain.write(0, packet) < 0) return;
      q.push(chain, packet.length);
    }
    ctx.usedBuffers(q);
  }
}
