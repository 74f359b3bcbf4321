import {
  findSymbol,
  parseElf64,
  PT_LOAD,
  ET_REL,
  SHF_ALLOC,
  segmentData,
  type CoherentMemory,
  type Elf64File,
  type Elf64ProgramHeader,
} from '@rvhv/isa';
import { hexAddress } from '@rvhv/devices';

/** One PT_LOAD segment as placed in memory. */
export interface LoadedSegment {
  /** Physical address of the first byte (p_paddr). */
  readonly paddr: number;
  /** Virtual address it was linked at (p_vaddr). */
  readonly vaddr: number;
  /** Bytes copied from the file; the rest up to `memsz` is zeroed. */
  readonly filesz: number;
  readonly memsz: number;
}

/** What loading an ELF produced: where to start and the physical addresses of the symbols a run needs. */
export interface LoadedImage {
  /** Physical address of the entry point. */
  readonly entry: number;
  readonly segments: readonly LoadedSegment[];
  /** Physical address of `tohost`, if the program has one. */
  readonly tohost: number | undefined;
  readonly fromhost: number | undefined;
  /** Physical address of any other symbol, by name (undefined when absent or not in a loaded segment). */
  symbol(name: string): number | undefined;
}

export type LoadElfResult = { readonly ok: true; readonly image: LoadedImage } | { readonly ok: false; readonly error: string };

/** Largest address the loader accepts: numbers are exact below 2^53 (and RAM is far below it). */
const MAX_ADDRESS = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Loads the PT_LOAD segments of a RISC-V ELF64 executable into RAM at their
 * physical addresses (p_paddr), zero-filling p_memsz beyond p_filesz, as
 * Spike and QEMU's `-bios`/`-kernel` ELF loaders do. Everything is checked
 * before anything is written: a malformed file, a relocatable object, or a
 * segment that does not fit in RAM gives `{ ok: false, error }` and leaves
 * memory untouched. (The part of a segment outside RAM is dropped when no
 * section lies in it: the ELF headers that GNU ld maps below `-Ttext`.)
 *
 * Symbols and the entry point are link-time (virtual) addresses; ones that
 * fall inside a segment are mapped to that segment's physical address, so a
 * program linked with distinct VMA and LMA still finds its `tohost`.
 */
export function loadElf(bytes: Uint8Array, memory: CoherentMemory): LoadElfResult {
  const parsed = parseElf64(bytes);
  if (!parsed.ok) return parsed;
  const elf = parsed.elf;
  if (elf.header.type === ET_REL) {
    return { ok: false, error: 'ELF file is a relocatable object (ET_REL), not an executable: link it first' };
  }
  const ram = memory.ram;
  const ramEnd = BigInt(ram.base) + BigInt(ram.size);
  const segments: LoadedSegment[] = [];
  const contents: Uint8Array[] = [];
  for (const [i, ph] of elf.programHeaders.entries()) {
    if (ph.type !== PT_LOAD || ph.memsz === 0n) continue;
    const end = ph.paddr + ph.memsz;
    const outside = (): LoadElfResult => ({
      ok: false,
      error:
        `segment ${i} [0x${ph.paddr.toString(16)}, 0x${end.toString(16)}) lies outside RAM ` +
        `[${hexAddress(ram.base)}, 0x${ramEnd.toString(16)})`,
    });
    if (end > MAX_ADDRESS || ph.vaddr > MAX_ADDRESS) return outside();
    // The part of the segment in RAM. GNU ld's default layout puts the ELF and
    // program headers in the first segment, just below the first section: a
    // part outside RAM is fine when no section lies in it.
    const lo = ph.paddr > BigInt(ram.base) ? ph.paddr : BigInt(ram.base);
    const hi = end < ramEnd ? end : ramEnd;
    if (lo !== ph.paddr || hi !== end) {
      if (!sectionsWithin(elf, ph, lo, hi)) return outside();
      if (hi <= lo) continue;
    }
    const skip = lo - ph.paddr;
    const filesz = ph.filesz > skip ? (ph.filesz - skip < hi - lo ? ph.filesz - skip : hi - lo) : 0n;
    segments.push({ paddr: Number(lo), vaddr: Number(ph.vaddr + skip), filesz: Number(filesz), memsz: Number(hi - lo) });
    contents.push(segmentData(elf, ph).subarray(Number(skip), Number(skip + filesz)));
  }
  if (segments.length === 0) return { ok: false, error: 'ELF file has no loadable (PT_LOAD) segments' };

  const toPhysical = (vaddr: bigint): number | undefined => {
    if (vaddr > MAX_ADDRESS) return undefined;
    const v = Number(vaddr);
    const s = segments.find((seg) => v >= seg.vaddr && v < seg.vaddr + seg.memsz);
    return s === undefined ? undefined : s.paddr + (v - s.vaddr);
  };
  const entry = toPhysical(elf.header.entry) ?? numberInRam(elf.header.entry, ram.base, ram.size);
  if (entry === undefined) {
    return { ok: false, error: `entry point 0x${elf.header.entry.toString(16)} is neither in a loaded segment nor in RAM` };
  }

  for (const [i, seg] of segments.entries()) writeSegment(seg, contents[i]!, memory);

  const symbol = (name: string): number | undefined => {
    const sym = findSymbol(elf, name);
    return sym === undefined ? undefined : toPhysical(sym.value);
  };
  return { ok: true, image: { entry, segments, tohost: symbol('tohost'), fromhost: symbol('fromhost'), symbol } };
}

/**
 * Whether every allocated section that the segment `ph` holds lies, once
 * placed at its physical address, within [lo, hi). False when the file has
 * no section headers (nothing tells which bytes matter).
 */
function sectionsWithin(elf: Elf64File, ph: Elf64ProgramHeader, lo: bigint, hi: bigint): boolean {
  if (elf.sections.length === 0) return false;
  const vEnd = ph.vaddr + ph.memsz;
  for (const sh of elf.sections) {
    if ((sh.flags & SHF_ALLOC) === 0n || sh.size === 0n) continue;
    const start = sh.addr > ph.vaddr ? sh.addr : ph.vaddr;
    const stop = sh.addr + sh.size < vEnd ? sh.addr + sh.size : vEnd;
    if (start >= stop) continue;
    const pStart = ph.paddr + (start - ph.vaddr);
    const pStop = ph.paddr + (stop - ph.vaddr);
    if (pStart < lo || pStop > hi) return false;
  }
  return true;
}

function numberInRam(address: bigint, base: number, size: number): number | undefined {
  return address >= BigInt(base) && address < BigInt(base) + BigInt(size) ? Number(address) : undefined;
}

/** Copies a segment's file bytes into RAM and zero-fills the rest of it. */
function writeSegment(seg: LoadedSegment, data: Uint8Array, memory: CoherentMemory): void {
  const off = seg.paddr - memory.ram.base;
  memory.ram.bytes.set(data, off);
  memory.ram.bytes.fill(0, off + seg.filesz, off + seg.memsz);
  memory.noteRamWrite(off, seg.memsz);
}
