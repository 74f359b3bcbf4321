import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { IrqLine, MmioDevice } from './device.js';

/**
 * The platform-level interrupt controller in SiFive's layout (RISC-V PLIC
 * spec 1.0.0; QEMU `sifive_plic.c` with the `virt` board's parameters):
 *
 *     0x000000 + 4*source                 priority (0 = never interrupts)
 *     0x001000 + 4*word                   pending bits, read-only
 *     0x002000 + 0x80*context + 4*word    enable bits of a context
 *     0x200000 + 0x1000*context           priority threshold of a context
 *     0x200004 + 0x1000*context           claim (read) / complete (write)
 *
 * On `virt` context 2h is hart h's M-mode (MEIP) and 2h+1 its S-mode (SEIP).
 * Source 0 does not exist: its priority and enable bit read as zero.
 *
 * Gateways are level-triggered: a source is pending while its input is high
 * and it is not claimed; once claimed it is in flight and not pending again
 * until a context completes it, and then only if its input is still high
 * (PLIC spec "Interrupt Gateways"). Like QEMU, a source whose input drops
 * before it is claimed stops being pending, so a claim never returns an
 * interrupt its device has already withdrawn.
 *
 * A claim returns the pending, enabled source of highest priority above the
 * context's threshold (ties: lowest id), or 0. A completion naming a source
 * not enabled for the context is ignored (PLIC spec "Interrupt Completion").
 *
 * Registers are 32 bits wide: the PLIC decodes naturally aligned 4-byte
 * accesses only (QEMU accepts nothing else); any other access returns false,
 * an access fault. Atomic memory operations work as a 4-byte read followed
 * by a 4-byte write. Offsets that name no register (sources or contexts that
 * do not exist, anywhere in the aperture the board maps, which on `virt` is
 * sized for QEMU's 512 harts) read 0 and ignore writes, as on QEMU.
 */
export const PLIC = {
  priority: 0x0000,
  pending: 0x1000,
  enable: 0x2000,
  enableStride: 0x80,
  context: 0x20_0000,
  contextStride: 0x1000,
  threshold: 0x0,
  claim: 0x4,
  /** Sources of the `virt` board, counting the reserved source 0 (`riscv,ndev` = 95). */
  virtSources: 96,
  /** Priority bits of the `virt` board: priorities and thresholds 0..7. */
  virtPriorityBits: 3,
} as const;

/** Bytes of register space `contexts` contexts need (the board may map a larger aperture). */
export function plicSize(contexts: number): number {
  return PLIC.context + PLIC.contextStride * contexts;
}

export interface PlicOptions {
  /** Output of each context, in context order (the board wires them to MEIP/SEIP). */
  readonly contexts: readonly IrqLine[];
  /** Number of source ids including the reserved 0; default 96 as on `virt`. */
  readonly sources?: number;
  /** Width of priority and threshold registers; default 3 as on `virt`. */
  readonly priorityBits?: number;
}

export class Plic implements MmioDevice {
  /** Number of source ids, including the reserved source 0. */
  readonly sources: number;
  private readonly outputs: readonly IrqLine[];
  private readonly words: number;
  private readonly priorityMask: number;
  private readonly priority: Uint8Array;
  private readonly level: Uint8Array;
  private readonly pending: Int32Array;
  private readonly inFlight: Int32Array;
  /** Enable bits: context c's word w at c * words + w. */
  private readonly enable: Int32Array;
  private readonly threshold: Uint8Array;
  private readonly outLevel: Uint8Array;
  /** Bits of each word naming existing sources (bit 0 of word 0 excluded). */
  private readonly validBits: Int32Array;
  private readonly inputs: IrqLine[] = [];

  constructor(options: PlicOptions) {
    const sources = options.sources ?? PLIC.virtSources;
    const bits = options.priorityBits ?? PLIC.virtPriorityBits;
    const maxContexts = (PLIC.context - PLIC.enable) / PLIC.enableStride;
    if (!Number.isInteger(sources) || sources < 2 || sources > 1024) throw new RangeError(`PLIC source count ${sources} is not in 2..1024`);
    if (!Number.isInteger(bits) || bits < 1 || bits > 8) throw new RangeError(`PLIC priority width ${bits} is not in 1..8 bits`);
    if (options.contexts.length < 1 || options.contexts.length > maxContexts) {
      throw new RangeError(`a PLIC has 1..${maxContexts} contexts, not ${options.contexts.length}`);
    }
    this.sources = sources;
    this.outputs = options.contexts;
    this.words = Math.ceil(sources / 32);
    this.priorityMask = (1 << bits) - 1;
    this.priority = new Uint8Array(sources);
    this.level = new Uint8Array(sources);
    this.pending = new Int32Array(this.words);
    this.inFlight = new Int32Array(this.words);
    this.enable = new Int32Array(this.words * options.contexts.length);
    this.threshold = new Uint8Array(options.contexts.length);
    this.outLevel = new Uint8Array(options.contexts.length);
    this.validBits = new Int32Array(this.words);
    for (let w = 0; w < this.words; w++) {
      const n = Math.min(32, sources - 32 * w);
      this.validBits[w] = n === 32 ? -1 : (1 << n) - 1;
    }
    this.validBits[0] = this.validBits[0]! & ~1;
    for (let s = 0; s < sources; s++) this.inputs.push({ set: (high) => this.setInput(s, high) });
    for (const out of this.outputs) out.set(false);
  }

  /** Number of contexts. */
  get contextCount(): number {
    return this.outputs.length;
  }

  /** The interrupt input of source `source` (1..sources-1), for a device's IrqLine. */
  input(source: number): IrqLine {
    if (!Number.isInteger(source) || source < 1 || source >= this.sources) {
      throw new RangeError(`PLIC source ${source} is not in 1..${this.sources - 1}`);
    }
    return this.inputs[source]!;
  }

  /**
   * Reset: priorities, enables and thresholds 0, nothing in flight; sources
   * whose input is high are pending again (their devices still assert them).
   */
  reset(): void {
    this.priority.fill(0);
    this.enable.fill(0);
    this.threshold.fill(0);
    this.inFlight.fill(0);
    this.pending.fill(0);
    for (let s = 1; s < this.sources; s++) if (this.level[s] === 1) this.pending[s >>> 5] = this.pending[s >>> 5]! | (1 << (s & 31));
    this.updateOutputs();
  }

  /** Whether source `source` is pending (for inspection and tests). */
  isPending(source: number): boolean {
    return source > 0 && source < this.sources && (this.pending[source >>> 5]! & (1 << (source & 31))) !== 0;
  }

  read(offset: number, width: AccessWidth, out: Word64): boolean {
    if (width !== 4 || (offset & 3) !== 0 || offset < 0) return false;
    out.hi = 0;
    out.lo = 0;
    if (offset < PLIC.pending) {
      const s = offset >>> 2;
      if (s < this.sources) out.lo = this.priority[s]!;
    } else if (offset < PLIC.enable) {
      const w = (offset - PLIC.pending) >>> 2;
      if (w < this.words) out.lo = this.pending[w]!;
    } else if (offset < PLIC.context) {
      const c = Math.floor((offset - PLIC.enable) / PLIC.enableStride);
      const w = ((offset - PLIC.enable) % PLIC.enableStride) >>> 2;
      if (c < this.outputs.length && w < this.words) out.lo = this.enable[c * this.words + w]!;
    } else {
      const c = Math.floor((offset - PLIC.context) / PLIC.contextStride);
      const reg = (offset - PLIC.context) % PLIC.contextStride;
      if (c >= this.outputs.length) return true;
      if (reg === PLIC.threshold) out.lo = this.threshold[c]!;
      else if (reg === PLIC.claim) out.lo = this.claim(c);
    }
    return true;
  }

  write(offset: number, width: AccessWidth, lo: number, _hi: number): boolean {
    if (width !== 4 || (offset & 3) !== 0 || offset < 0) return false;
    if (offset < PLIC.pending) {
      const s = offset >>> 2;
      if (s > 0 && s < this.sources) {
        this.priority[s] = lo & this.priorityMask;
        this.updateOutputs();
      }
    } else if (offset < PLIC.enable) {
      // Pending bits are read-only (PLIC spec "Interrupt Pending Bits").
    } else if (offset < PLIC.context) {
      const c = Math.floor((offset - PLIC.enable) / PLIC.enableStride);
      const w = ((offset - PLIC.enable) % PLIC.enableStride) >>> 2;
      if (c < this.outputs.length && w < this.words) {
        this.enable[c * this.words + w] = lo & this.validBits[w]!;
        this.updateOutput(c);
      }
    } else {
      const c = Math.floor((offset - PLIC.context) / PLIC.contextStride);
      const reg = (offset - PLIC.context) % PLIC.contextStride;
      if (c >= this.outputs.length) return true;
      if (reg === PLIC.threshold) {
        this.threshold[c] = lo & this.priorityMask;
        this.updateOutput(c);
      } else if (reg === PLIC.claim) {
        this.complete(c, lo >>> 0);
      }
    }
    return true;
  }

  private setInput(source: number, high: boolean): void {
    const value = high ? 1 : 0;
    if (this.level[source] === value) return;
    this.level[source] = value;
    const w = source >>> 5;
    const bit = 1 << (source & 31);
    if (high && (this.inFlight[w]! & bit) === 0) this.pending[w] = this.pending[w]! | bit;
    else if (!high) this.pending[w] = this.pending[w]! & ~bit;
    this.updateOutputs();
  }

  /** The best claimable source for context `c`, or 0. */
  private best(c: number): number {
    let best = 0;
    let bestPriority = this.threshold[c]!;
    const base = c * this.words;
    for (let w = 0; w < this.words; w++) {
      let candidates = this.pending[w]! & this.enable[base + w]!;
      while (candidates !== 0) {
        const bit = 31 - Math.clz32(candidates & -candidates);
        candidates &= candidates - 1;
        const s = 32 * w + bit;
        // Strictly greater: equal priority keeps the lower id found first.
        if (this.priority[s]! > bestPriority) {
          bestPriority = this.priority[s]!;
          best = s;
        }
      }
    }
    return best;
  }

  private claim(c: number): number {
    const s = this.best(c);
    if (s !== 0) {
      const w = s >>> 5;
      const bit = 1 << (s & 31);
      this.pending[w] = this.pending[w]! & ~bit;
      this.inFlight[w] = this.inFlight[w]! | bit;
      this.updateOutputs();
    }
    return s;
  }

  private complete(c: number, s: number): void {
    if (s === 0 || s >= this.sources) return;
    const w = s >>> 5;
    const bit = 1 << (s & 31);
    if ((this.enable[c * this.words + w]! & bit) === 0 || (this.inFlight[w]! & bit) === 0) return;
    this.inFlight[w] = this.inFlight[w]! & ~bit;
    // The gateway forwards a new request if the level-triggered input is still asserted.
    if (this.level[s] === 1) this.pending[w] = this.pending[w]! | bit;
    this.updateOutputs();
  }

  private updateOutputs(): void {
    for (let c = 0; c < this.outputs.length; c++) this.updateOutput(c);
  }

  private updateOutput(c: number): void {
    const level = this.best(c) !== 0 ? 1 : 0;
    if (level !== this.outLevel[c]) {
      this.outLevel[c] = level;
      this.outputs[c]!.set(level === 1);
    }
  }
}
