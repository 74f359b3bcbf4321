import type { EntropySource } from '../entropy.js';
import { VIRTIO_ID } from './virtio-constants.js';
import type { VirtioContext, VirtioDevice } from './virtio-device.js';

/**
 * virtio-rng, the entropy device (virtio 1.2 section 5.4): one request
 * queue whose device-writable buffers are filled with bytes from an
 * {@link EntropySource}. No features, no configuration space.
 */
export interface VirtioRngOptions {
  readonly entropy: EntropySource;
  /** QueueNumMax (default 64). */
  readonly queueSize?: number;
}

/** Most bytes given for one request: a driver asking for more gets a short answer, which the spec allows. */
const MAX_REQUEST = 64 * 1024;

export class VirtioRng implements VirtioDevice {
  readonly deviceId = VIRTIO_ID.ENTROPY;
  readonly features: readonly [number, number] = [0, 0];
  readonly queueSizes: readonly number[];
  readonly config = new Uint8Array(0);
  private readonly entropy: EntropySource;
  private context: VirtioContext | undefined;

  constructor(options: VirtioRngOptions) {
    this.entropy = options.entropy;
    this.queueSizes = [options.queueSize ?? 64];
  }

  attach(context: VirtioContext): void {
    this.context = context;
  }

  reset(): void {}

  notify(index: number): void {
    const ctx = this.context;
    if (ctx === undefined || index !== 0) return;
    const q = ctx.queue(0);
    for (let chain = q.pop(); chain !== undefined; chain = q.pop()) {
      const bytes = new Uint8Array(Math.min(chain.writableLength, MAX_REQUEST));
      this.entropy.fill(bytes);
      if (chain.write(0, bytes) < 0) return;
      q.push(chain, bytes.length);
    }
    ctx.usedBuffers(q);
  }
}
