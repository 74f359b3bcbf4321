import {
  ELF64_EHDR_SIZE,
  ELF64_PHDR_SIZE,
  ELF64_SHDR_SIZE,
  ELF64_SYM_SIZE,
  ELFCLASS64,
  ELFDATA2LSB,
  EM_RISCV,
  EV_CURRENT,
  PT_LOAD,
  PT_NULL,
  SHN_UNDEF,
  SHN_XINDEX,
  SHT_NOBITS,
  SHT_NULL,
  SHT_STRTAB,
  SHT_SYMTAB,
  type Elf64Header,
  type Elf64ProgramHeader,
  type Elf64SectionHeader,
  type Elf64Symbol,
} from './elf64-types.js';

/** A parsed, validated ELF64 little-endian RISC-V file. Tables reference `bytes`; nothing is copied. */
export interface Elf64File {
  readonly bytes: Uint8Array;
  readonly header: Elf64Header;
  readonly programHeaders: readonly Elf64ProgramHeader[];
  /** Section headers (index 0 is the null section when there are any). */
  readonly sections: readonly Elf64SectionHeader[];
  /** Entries of the first SHT_SYMTAB section (index 0, the null symbol, left out). */
  readonly symbols: readonly Elf64Symbol[];
}

export type ParseElf64Result = { readonly ok: true; readonly elf: Elf64File } | { readonly ok: false; readonly error: string };

/** Raised internally to unwind to {@link parseElf64}; never escapes it. */
class ElfFormatError extends Error {}

function fail(message: string): never {
  throw new ElfFormatError(message);
}

/** Bounds-checked little-endian reads over the file. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  private check(offset: number, size: number, what: string): void {
    if (offset < 0 || offset + size > this.bytes.length) {
      fail(`${what} at offset ${offset} (+${size}) lies outside the ${this.bytes.length}-byte file`);
    }
  }
  u8(offset: number, what: string): number {
    this.check(offset, 1, what);
    return this.view.getUint8(offset);
  }
  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number, what: string): bigint {
    this.check(offset, 8, what);
    return this.view.getBigUint64(offset, true);
  }
}

/** Checks that [offset, offset+size) lies in the file and returns offset as a number. */
function checkRange(file: Reader, offset: bigint, size: bigint, what: string): number {
  if (offset + size > BigInt(file.length)) {
    fail(`${what} (offset ${offset}, size ${size}) extends past the end of the ${file.length}-byte file`);
  }
  return Number(offset);
}

function parseHeader(file: Reader): Elf64Header {
  if (file.length < ELF64_EHDR_SIZE) fail(`file is ${file.length} bytes, shorter than an ELF64 header (64 bytes)`);
  if (file.u8(0, 'e_ident') !== 0x7f || file.u8(1, 'e_ident') !== 0x45 || file.u8(2, 'e_ident') !== 0x4c || file.u8(3, 'e_ident') !== 0x46) {
    fail('not an ELF file (bad magic)');
  }
  const cls = file.u8(4, 'EI_CLASS');
  if (cls !== ELFCLASS64) fail(`EI_CLASS is ${cls}, expected ELFCLASS64 (2)`);
  const data = file.u8(5, 'EI_DATA');
  if (data !== ELFDATA2LSB) fail(`EI_DATA is ${data}, expected little endian (ELFDATA2LSB, 1)`);
  const identVersion = file.u8(6, 'EI_VERSION');
  if (identVersion !== EV_CURRENT) fail(`EI_VERSION is ${identVersion}, expected 1`);
  const header: Elf64Header = {
    osabi: file.u8(7, 'EI_OSABI'),
    type: file.u16(16, 'e_type'),
    machine: file.u16(18, 'e_machine'),
    version: file.u32(20, 'e_version'),
    entry: file.u64(24, 'e_entry'),
    phoff: file.u64(32, 'e_phoff'),
    shoff: file.u64(40, 'e_shoff'),
    flags: file.u32(48, 'e_flags'),
    ehsize: file.u16(52, 'e_ehsize'),
    phentsize: file.u16(54, 'e_phentsize'),
    phnum: file.u16(56, 'e_phnum'),
    shentsize: file.u16(58, 'e_shentsize'),
    shnum: file.u16(60, 'e_shnum'),
    shstrndx: file.u16(62, 'e_shstrndx'),
  };
  if (header.machine !== EM_RISCV) fail(`e_machine is ${header.machine}, expected RISC-V (243)`);
  if (header.ehsize < ELF64_EHDR_SIZE) fail(`e_ehsize is ${header.ehsize}, smaller than 64`);
  if (header.phnum > 0 && header.phentsize !== ELF64_PHDR_SIZE) {
    fail(`e_phentsize is ${header.phentsize}, expected 56`);
  }
  if (header.shoff !== 0n && header.shentsize !== ELF64_SHDR_SIZE) {
    fail(`e_shentsize is ${header.shentsize}, expected 64`);
  }
  return header;
}

function parseProgramHeaders(file: Reader, header: Elf64Header): Elf64ProgramHeader[] {
  if (header.phnum === 0) return [];
  const base = checkRange(file, header.phoff, BigInt(header.phnum * ELF64_PHDR_SIZE), 'program header table');
  const out: Elf64ProgramHeader[] = [];
  for (let i = 0; i < header.phnum; i++) {
    const at = base + i * ELF64_PHDR_SIZE;
    const what = `program header ${i}`;
    const ph: Elf64ProgramHeader = {
      type: file.u32(at, what),
      flags: file.u32(at + 4, what),
      offset: file.u64(at + 8, what),
      vaddr: file.u64(at + 16, what),
      paddr: file.u64(at + 24, what),
      filesz: file.u64(at + 32, what),
      memsz: file.u64(at + 40, what),
      align: file.u64(at + 48, what),
    };
    // An empty range may point anywhere (a NOBITS-only segment's offset can lie past the end).
    if (ph.type !== PT_NULL && ph.filesz > 0n) checkRange(file, ph.offset, ph.filesz, `contents of ${what}`);
    if (ph.type === PT_LOAD && ph.filesz > ph.memsz) fail(`${what}: p_filesz ${ph.filesz} exceeds p_memsz ${ph.memsz}`);
    out.push(ph);
  }
  return out;
}

type RawSection = Omit<Elf64SectionHeader, 'name'>;

function readRawSections(file: Reader, header: Elf64Header): { raw: RawSection[]; shstrndx: number } {
  if (header.shoff === 0n) return { raw: [], shstrndx: SHN_UNDEF };
  const first = checkRange(file, header.shoff, BigInt(ELF64_SHDR_SIZE), 'section header table');
  // Extended numbering (gABI "Sections"): counts too big for the header live in section 0.
  let shnum = header.shnum;
  if (shnum === 0) {
    const size = file.u64(first + 32, 'section header 0');
    if (size > 0xffffffn) fail(`section count ${size} (from section 0) is implausible`);
    shnum = Number(size);
  }
  let shstrndx = header.shstrndx;
  if (shstrndx === SHN_XINDEX) shstrndx = file.u32(first + 40, 'section header 0');
  const base = checkRange(file, header.shoff, BigInt(shnum) * BigInt(ELF64_SHDR_SIZE), 'section header table');
  const raw: RawSection[] = [];
  for (let i = 0; i < shnum; i++) {
    const at = base + i * ELF64_SHDR_SIZE;
    const what = `section header ${i}`;
    const sh: RawSection = {
      nameOffset: file.u32(at, what),
      type: file.u32(at + 4, what),
      flags: file.u64(at + 8, what),
      addr: file.u64(at + 16, what),
      offset: file.u64(at + 24, what),
      size: file.u64(at + 32, what),
      link: file.u32(at + 40, what),
      info: file.u32(at + 44, what),
      addralign: file.u64(at + 48, what),
      entsize: file.u64(at + 56, what),
    };
    if (sh.type !== SHT_NOBITS && sh.type !== SHT_NULL && sh.size > 0n) checkRange(file, sh.offset, sh.size, `contents of section ${i}`);
    raw.push(sh);
  }
  if (shnum > 0 && shstrndx !== SHN_UNDEF) {
    if (shstrndx >= shnum) fail(`e_shstrndx ${shstrndx} is not a section index (there are ${shnum})`);
    if (raw[shstrndx]!.type !== SHT_STRTAB) fail(`section ${shstrndx} (e_shstrndx) is not a string table`);
  }
  return { raw, shstrndx };
}

/** The NUL-terminated string at `index` of string table section `table`. */
function readString(file: Reader, table: RawSection, index: number, what: string): string {
  if (BigInt(index) >= table.size) fail(`${what}: name offset ${index} is outside its string table (${table.size} bytes)`);
  const start = Number(table.offset) + index;
  const end = Number(table.offset + table.size);
  let stop = start;
  while (stop < end && file.bytes[stop] !== 0) stop++;
  if (stop === end) fail(`${what}: name at offset ${index} is not NUL-terminated within its string table`);
  return new TextDecoder().decode(file.bytes.subarray(start, stop));
}

function parseSymbols(file: Reader, raw: readonly RawSection[]): Elf64Symbol[] {
  const index = raw.findIndex((s) => s.type === SHT_SYMTAB);
  if (index < 0) return [];
  const symtab = raw[index]!;
  if (symtab.entsize !== BigInt(ELF64_SYM_SIZE)) fail(`symbol table entsize is ${symtab.entsize}, expected 24`);
  if (symtab.size % BigInt(ELF64_SYM_SIZE) !== 0n) fail(`symbol table size ${symtab.size} is not a multiple of 24`);
  if (symtab.link >= raw.length || raw[symtab.link]!.type !== SHT_STRTAB) {
    fail(`symbol table's sh_link ${symtab.link} does not name a string table`);
  }
  const strtab = raw[symtab.link]!;
  const count = Number(symtab.size / BigInt(ELF64_SYM_SIZE));
  const out: Elf64Symbol[] = [];
  for (let i = 1; i < count; i++) {
    const at = Number(symtab.offset) + i * ELF64_SYM_SIZE;
    const what = `symbol ${i}`;
    const info = file.u8(at + 4, what);
    out.push({
      name: readString(file, strtab, file.u32(at, what), what),
      bind: info >> 4,
      type: info & 0xf,
      other: file.u8(at + 5, what),
      shndx: file.u16(at + 6, what),
      value: file.u64(at + 8, what),
      size: file.u64(at + 16, what),
    });
  }
  return out;
}

/**
 * Parses and validates an ELF64 little-endian RISC-V file. Every table and
 * every referenced byte range is bounds-checked; a malformed file gives
 * `{ ok: false, error }` naming the problem, never an exception.
 */
export function parseElf64(bytes: Uint8Array): ParseElf64Result {
  try {
    const file = new Reader(bytes);
    const header = parseHeader(file);
    const programHeaders = parseProgramHeaders(file, header);
    const { raw, shstrndx } = readRawSections(file, header);
    const names = shstrndx !== SHN_UNDEF && raw.length > 0 ? raw[shstrndx] : undefined;
    const sections: Elf64SectionHeader[] = raw.map((sh, i) => ({
      ...sh,
      name: names && i !== 0 ? readString(file, names, sh.nameOffset, `section ${i}`) : '',
    }));
    const symbols = parseSymbols(file, raw);
    return { ok: true, elf: { bytes, header, programHeaders, sections, symbols } };
  } catch (e) {
    if (e instanceof ElfFormatError) return { ok: false, error: `malformed ELF: ${e.message}` };
    return { ok: false, error: `malformed ELF: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The file bytes of a segment (its first p_filesz bytes; the rest up to p_memsz is zero). */
export function segmentData(elf: Elf64File, ph: Elf64ProgramHeader): Uint8Array {
  const start = Number(ph.offset);
  return elf.bytes.subarray(start, start + Number(ph.filesz));
}

/** The contents of a section (empty for SHT_NOBITS). */
export function sectionData(elf: Elf64File, sh: Elf64SectionHeader): Uint8Array {
  if (sh.type === SHT_NOBITS || sh.type === SHT_NULL) return new Uint8Array(0);
  const start = Number(sh.offset);
  return elf.bytes.subarray(start, start + Number(sh.size));
}

/** The first symbol called `name` that is defined (not SHN_UNDEF), preferring global ones. */
export function findSymbol(elf: Elf64File, name: string): Elf64Symbol | undefined {
  let local: Elf64Symbol | undefined;
  for (const sym of elf.symbols) {
    if (sym.name !== name || sym.shndx === SHN_UNDEF) continue;
    if (sym.bind !== 0) return sym;
    local ??= sym;
  }
  return local;
}
