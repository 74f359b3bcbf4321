import type { AccessWidth } from '@rvhv/mmu';
import { ByteQueue } from '../byte-queue.js';
import type { ConsoleInput } from '../console-input.js';
import type { ConsolePort } from '../console-port.js';
import { VIRTIO_ID } from './virtio-constants.js';
import type { VirtioContext, VirtioDevice } from './virtio-device.js';

/**
 * virtio-console (virtio 1.2 section 5.3) with port 0 only (no
 * VIRTIO_CONSOLE_F_MULTIPORT): queue 0 (receiveq) carries host input to the
 * guest, queue 1 (transmitq) guest output to a {@link ConsolePort}.
 *
 * Host input waits in a host-side queue until the driver has receive
 * buffers, so none is lost. VIRTIO_CONSOLE_F_EMERG_WRITE is offered:
 * writing `emerg_wr` in the configuration space prints its low byte, which
 * works before the queues are set up. VIRTIO_CONSOLE_F_SIZE is offered when
 * a terminal size is given.
 */
export const VIRTIO_CONSOLE_F = { SIZE: 0, MULTIPORT: 1, EMERG_WRITE: 2 } as const;

/** Offsets in struct virtio_console_config (5.3.4). */
const CONFIG = { cols: 0, rows: 2, maxNrPorts: 4, emergWr: 8, size: 12 } as const;
const RECEIVEQ = 0;
const TRANSMITQ = 1;
/** Largest piece of one transmit buffer handed to the console at once. */
const CHUNK = 64 * 1024;

export interface VirtioConsoleOptions {
  readonly console: ConsolePort;
  /** Terminal size to report (enables VIRTIO_CONSOLE_F_SIZE). */
  readonly size?: { readonly cols: number; readonly rows: number };
  /** QueueNumMax of both queues (default 64). */
  readonly queueSize?: number;
}

export class VirtioConsole implements VirtioDevice, ConsoleInput {
  readonly deviceId = VIRTIO_ID.CONSOLE;
  readonly features: readonly [number, number];
  readonly queueSizes: readonly number[];
  readonly config = new Uint8Array(CONFIG.size);
  private readonly console: ConsolePort;
  private readonly configView = new DataView(this.config.buffer);
  private readonly host = new ByteQueue();
  private context: VirtioContext | undefined;

  constructor(options: VirtioConsoleOptions) {
    this.console = options.console;
    const queueSize = options.queueSize ?? 64;
    this.queueSizes = [queueSize, queueSize];
    this.features = [(1 << VIRTIO_CONSOLE_F.EMERG_WRITE) | (options.size !== undefined ? 1 << VIRTIO_CONSOLE_F.SIZE : 0), 0];
    this.configView.setUint32(CONFIG.maxNrPorts, 1, true);
    if (options.size !== undefined) this.setSize(options.size.cols, options.size.rows);
  }

  /** Bytes of host input the guest has not taken yet. */
  get queuedInput(): number {
    return this.host.length;
  }

  attach(context: VirtioContext): void {
    this.context = context;
  }

  /** Host input: delivered to the driver's receive buffers now or as soon as it provides some. */
  receive(bytes: Uint8Array): void {
    this.host.push(bytes);
    this.deliver();
  }

  /** The terminal was resized: reported in the configuration space (meaningful with VIRTIO_CONSOLE_F_SIZE). */
  resize(cols: number, rows: number): void {
    this.setSize(cols, rows);
    this.context?.configChanged();
  }

  writeConfig(offset: number, _width: AccessWidth, value: number): void {
    if (offset === CONFIG.emergWr) this.console.write(Uint8Array.of(value & 0xff));
  }

  reset(): void {}

  notify(index: number): void {
    if (index === RECEIVEQ) this.deliver();
    else if (index === TRANSMITQ) this.transmit();
  }

  private setSize(cols: number, rows: number): void {
    this.configView.setUint16(CONFIG.cols, cols, true);
    this.configView.setUint16(CONFIG.rows, rows, true);
  }

  private transmit(): void {
    const ctx = this.context;
    if (ctx === undefined || !ctx.active) return;
    const q = ctx.queue(TRANSMITQ);
    for (let chain = q.pop(); chain !== undefined; chain = q.pop()) {
      for (let done = 0; done < chain.readableLength; ) {
        const piece = new Uint8Array(Math.min(CHUNK, chain.readableLength - done));
        if (chain.read(done, piece) < 0) return;
        this.console.write(piece);
        done += piece.length;
      }
      q.push(chain, 0);
    }
    ctx.usedBuffers(q);
  }

  private deliver(): void {
    const ctx = this.context;
    if (ctx === undefined || !ctx.active || this.host.length === 0) return;
    const q = ctx.queue(RECEIVEQ);
    while (this.host.length > 0 && q.hasAvailable()) {
      const chain = q.pop();
      if (chain === undefined) break;
      const bytes = new Uint8Array(Math.min(chain.writableLength, this.host.length));
      this.host.take(bytes);
      if (chain.write(0, bytes) < 0) return;
      q.push(chain, bytes.length);
    }
    ctx.usedBuffers(q);
  }
}
