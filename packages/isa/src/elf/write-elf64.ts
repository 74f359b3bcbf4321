import {
  ELF64_EHDR_SIZE,
  ELF64_PHDR_SIZE,
  ELF64_SHDR_SIZE,
  ELF64_SYM_SIZE,
  ELFCLASS64,
  ELFDATA2LSB,
  EM_RISCV,
  ET_EXEC,
  EV_CURRENT,
  PF_R,
  PF_W,
  PF_X,
  PT_LOAD,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_ABS,
  SHT_NOBITS,
  SHT_STRTAB,
  SHT_SYMTAB,
  STB_LOCAL,
} from './elf64-types.js';

/** A section to write. Allocated sections (SHF_ALLOC) with a non-zero size get a PT_LOAD segment each. */
export interface ElfSectionInput {
  readonly name: string;
  /** SHT_PROGBITS, SHT_NOBITS, ... */
  readonly type: number;
  readonly flags: bigint;
  /** Virtual address (sh_addr, p_vaddr). */
  readonly addr: bigint;
  /** Physical (load) address, p_paddr; defaults to `addr`. */
  readonly loadAddr?: bigint;
  readonly align: bigint;
  /** Contents (ignored for SHT_NOBITS). */
  readonly data: Uint8Array;
  /** Size of an SHT_NOBITS section (others take `data.length`). */
  readonly size?: bigint;
}

export interface ElfSymbolInput {
  readonly name: string;
  readonly value: bigint;
  readonly size?: bigint;
  /** STB_LOCAL / STB_GLOBAL / STB_WEAK. */
  readonly bind: number;
  /** STT_NOTYPE / STT_OBJECT / STT_FUNC ... */
  readonly type: number;
  /** Index into `sections` of the symbol's section, or 'abs' for absolute symbols. */
  readonly section: number | 'abs';
}

export interface ElfWriteInput {
  /** e_type; ET_EXEC unless told. */
  readonly type?: number;
  readonly entry: bigint;
  /** e_flags (EF_RISCV_*). */
  readonly flags: number;
  readonly sections: readonly ElfSectionInput[];
  readonly symbols: readonly ElfSymbolInput[];
}

/** Page size that segment file offsets are congruent with (so p_offset ≡ p_vaddr mod p_align). */
const SEGMENT_ALIGN = 0x1000n;

function alignUp(value: bigint, align: bigint): bigint {
  if (align <= 1n) return value;
  return ((value + align - 1n) / align) * align;
}

/** Builds a string table; offset 0 is the empty string. */
class StringTable {
  private readonly parts: Uint8Array[] = [new Uint8Array(1)];
  private length = 1;
  private readonly seen = new Map<string, number>();
  add(s: string): number {
    if (s === '') return 0;
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const bytes = new TextEncoder().encode(`${s}\0`);
    const at = this.length;
    this.parts.push(bytes);
    this.length += bytes.length;
    this.seen.set(s, at);
    return at;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

interface PlacedSection {
  readonly nameOffset: number;
  readonly type: number;
  readonly flags: bigint;
  readonly addr: bigint;
  readonly offset: bigint;
  readonly size: bigint;
  readonly link: number;
  readonly info: number;
  readonly align: bigint;
  readonly entsize: bigint;
  readonly data: Uint8Array;
}

function segmentFlags(flags: bigint): number {
  return PF_R | ((flags & SHF_WRITE) !== 0n ? PF_W : 0) | ((flags & SHF_EXECINSTR) !== 0n ? PF_X : 0);
}

function sectionSize(s: ElfSectionInput): bigint {
  return s.type === SHT_NOBITS ? (s.size ?? 0n) : BigInt(s.data.length);
}

/**
 * Writes a little-endian ELF64 RISC-V file: header, one PT_LOAD per allocated
 * section, the sections, a symbol table (locals first, as the gABI requires)
 * with its string table, and the section header string table.
 */
export function writeElf64(input: ElfWriteInput): Uint8Array {
  const loadable = input.sections.filter((s) => (s.flags & SHF_ALLOC) !== 0n && sectionSize(s) > 0n);
  const phnum = loadable.length;
  let offset = BigInt(ELF64_EHDR_SIZE + phnum * ELF64_PHDR_SIZE);

  const shstr = new StringTable();
  const placed: PlacedSection[] = [];
  for (const s of input.sections) {
    const size = sectionSize(s);
    let at: bigint;
    if ((s.flags & SHF_ALLOC) !== 0n) {
      // Loadable: the file offset is congruent to the address modulo the segment alignment.
      const page = s.align > SEGMENT_ALIGN ? s.align : SEGMENT_ALIGN;
      at = offset + ((((s.addr - offset) % page) + page) % page);
    } else {
      at = alignUp(offset, s.align);
    }
    if (s.type !== SHT_NOBITS) offset = at + size;
    placed.push({
      nameOffset: shstr.add(s.name),
      type: s.type,
      flags: s.flags,
      addr: s.addr,
      offset: at,
      size,
      link: 0,
      info: 0,
      align: s.align,
      entsize: 0n,
      data: s.type === SHT_NOBITS ? new Uint8Array(0) : s.data,
    });
  }

  // Symbol table: null symbol, locals, then the rest (sh_info = first non-local).
  const strtab = new StringTable();
  const ordered = [...input.symbols.filter((s) => s.bind === STB_LOCAL), ...input.symbols.filter((s) => s.bind !== STB_LOCAL)];
  const symtab = new Uint8Array((ordered.length + 1) * ELF64_SYM_SIZE);
  const symView = new DataView(symtab.buffer);
  ordered.forEach((sym, i) => {
    const at = (i + 1) * ELF64_SYM_SIZE;
    symView.setUint32(at, strtab.add(sym.name), true);
    symView.setUint8(at + 4, (sym.bind << 4) | (sym.type & 0xf));
    symView.setUint8(at + 5, 0);
    symView.setUint16(at + 6, sym.section === 'abs' ? SHN_ABS : sym.section + 1, true);
    symView.setBigUint64(at + 8, BigInt.asUintN(64, sym.value), true);
    symView.setBigUint64(at + 16, sym.size ?? 0n, true);
  });
  const firstGlobal = 1 + input.symbols.filter((s) => s.bind === STB_LOCAL).length;
  const strtabBytes = strtab.bytes();

  const symtabIndex = placed.length + 1;
  const strtabIndex = symtabIndex + 1;
  const shstrtabIndex = strtabIndex + 1;
  const symtabOffset = alignUp(offset, 8n);
  placed.push({
    nameOffset: shstr.add('.symtab'),
    type: SHT_SYMTAB,
    flags: 0n,
    addr: 0n,
    offset: symtabOffset,
    size: BigInt(symtab.length),
    link: strtabIndex,
    info: firstGlobal,
    align: 8n,
    entsize: BigInt(ELF64_SYM_SIZE),
    data: symtab,
  });
  offset = symtabOffset + BigInt(symtab.length);
  placed.push({
    nameOffset: shstr.add('.strtab'),
    type: SHT_STRTAB,
    flags: 0n,
    addr: 0n,
    offset,
    size: BigInt(strtabBytes.length),
    link: 0,
    info: 0,
    align: 1n,
    entsize: 0n,
    data: strtabBytes,
  });
  offset += BigInt(strtabBytes.length);
  const shstrNameOffset = shstr.add('.shstrtab');
  const shstrBytes = shstr.bytes();
  placed.push({
    nameOffset: shstrNameOffset,
    type: SHT_STRTAB,
    flags: 0n,
    addr: 0n,
    offset,
    size: BigInt(shstrBytes.length),
    link: 0,
    info: 0,
    align: 1n,
    entsize: 0n,
    data: shstrBytes,
  });
  offset += BigInt(shstrBytes.length);
  const shoff = alignUp(offset, 8n);
  const shnum = placed.length + 1;
  const total = Number(shoff) + shnum * ELF64_SHDR_SIZE;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  // e_ident
  out.set([0x7f, 0x45, 0x4c, 0x46, ELFCLASS64, ELFDATA2LSB, EV_CURRENT], 0);
  view.setUint16(16, input.type ?? ET_EXEC, true);
  view.setUint16(18, EM_RISCV, true);
  view.setUint32(20, EV_CURRENT, true);
  view.setBigUint64(24, BigInt.asUintN(64, input.entry), true);
  view.setBigUint64(32, phnum > 0 ? BigInt(ELF64_EHDR_SIZE) : 0n, true);
  view.setBigUint64(40, shoff, true);
  view.setUint32(48, input.flags, true);
  view.setUint16(52, ELF64_EHDR_SIZE, true);
  view.setUint16(54, phnum > 0 ? ELF64_PHDR_SIZE : 0, true);
  view.setUint16(56, phnum, true);
  view.setUint16(58, ELF64_SHDR_SIZE, true);
  view.setUint16(60, shnum, true);
  view.setUint16(62, shstrtabIndex, true);

  let ph = ELF64_EHDR_SIZE;
  input.sections.forEach((s, i) => {
    if (!loadable.includes(s)) return;
    const p = placed[i]!;
    view.setUint32(ph, PT_LOAD, true);
    view.setUint32(ph + 4, segmentFlags(s.flags), true);
    view.setBigUint64(ph + 8, p.offset, true);
    view.setBigUint64(ph + 16, s.addr, true);
    view.setBigUint64(ph + 24, s.loadAddr ?? s.addr, true);
    view.setBigUint64(ph + 32, s.type === SHT_NOBITS ? 0n : p.size, true);
    view.setBigUint64(ph + 40, p.size, true);
    view.setBigUint64(ph + 48, s.align > SEGMENT_ALIGN ? s.align : SEGMENT_ALIGN, true);
    ph += ELF64_PHDR_SIZE;
  });

  placed.forEach((p, i) => {
    if (p.data.length > 0) out.set(p.data, Number(p.offset));
    const at = Number(shoff) + (i + 1) * ELF64_SHDR_SIZE;
    view.setUint32(at, p.nameOffset, true);
    view.setUint32(at + 4, p.type, true);
    view.setBigUint64(at + 8, p.flags, true);
    view.setBigUint64(at + 16, p.addr, true);
    view.setBigUint64(at + 24, p.offset, true);
    view.setBigUint64(at + 32, p.size, true);
    view.setUint32(at + 40, p.link, true);
    view.setUint32(at + 44, p.info, true);
    view.setBigUint64(at + 48, p.align, true);
    view.setBigUint64(at + 56, p.entsize, true);
  });
  return out;
}
