/**
 * Randomness for the guest (virtio-rng), supplied by the host. Tests and
 * deterministic runs use {@link SeededEntropy}; real runs use
 * {@link CryptoEntropy}, which works in Node and in browsers alike.
 */
export interface EntropySource {
  /** Fills `into` with random bytes. */
  fill(into: Uint8Array): void;
}

/** The Web Crypto API's `crypto.getRandomValues` (a global in Node 20 and every browser). */
export class CryptoEntropy implements EntropySource {
  fill(into: Uint8Array): void {
    // getRandomValues takes at most 65536 bytes per call.
    for (let at = 0; at < into.length; at += 65536) crypto.getRandomValues(into.subarray(at, Math.min(into.length, at + 65536)));
  }
}

/**
 * A reproducible pseudo-random stream (SplitMix32 from a 32-bit seed):
 * the same seed gives the same bytes, so runs that use it repeat exactly.
 * Not for anything that needs real randomness.
 */
export class SeededEntropy implements EntropySource {
  private state: number;

  constructor(seed = 0x9e37_79b9) {
    this.state = seed | 0;
  }

  fill(into: Uint8Array): void {
    for (let i = 0; i < into.length; i += 4) {
      let z = (this.state = (this.state + 0x9e37_79b9) | 0);
      z = Math.imul(z ^ (z >>> 16), 0x85eb_ca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2_ae35);
      z ^= z >>> 16;
      for (let k = 0; k < 4 && i + k < into.length; k++) into[i + k] = (z >>> (8 * k)) & 0xff;
    }
  }
}
