/**
 * ELF64 constants and record shapes (System V gABI, "ELF-64 Object File
 * Format" 1.5, and the RISC-V psABI for e_machine/e_flags). Addresses,
 * offsets and sizes are bigint: they are 64-bit quantities and the loader and
 * assembler that use them are not hot paths.
 */

export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ELFOSABI_NONE = 0;

export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;

/** e_machine of RISC-V (psABI "ELF Object Files"). */
export const EM_RISCV = 243;

/** e_flags bits defined by the RISC-V psABI. */
export const EF_RISCV_RVC = 0x0001;
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0000;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x0002;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x0004;
export const EF_RISCV_FLOAT_ABI_QUAD = 0x0006;
export const EF_RISCV_RVE = 0x0008;
export const EF_RISCV_TSO = 0x0010;

export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_RISCV_ATTRIBUTES = 0x70000003;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;

export const SHF_WRITE = 0x1n;
export const SHF_ALLOC = 0x2n;
export const SHF_EXECINSTR = 0x4n;

export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

/** Sizes of the fixed records of ELF64. */
export const ELF64_EHDR_SIZE = 64;
export const ELF64_PHDR_SIZE = 56;
export const ELF64_SHDR_SIZE = 64;
export const ELF64_SYM_SIZE = 24;

export interface Elf64Header {
  /** e_ident[EI_OSABI]. */
  readonly osabi: number;
  readonly type: number;
  readonly machine: number;
  readonly version: number;
  readonly entry: bigint;
  readonly phoff: bigint;
  readonly shoff: bigint;
  readonly flags: number;
  readonly ehsize: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shentsize: number;
  readonly shnum: number;
  readonly shstrndx: number;
}

export interface Elf64ProgramHeader {
  readonly type: number;
  readonly flags: number;
  readonly offset: bigint;
  readonly vaddr: bigint;
  readonly paddr: bigint;
  readonly filesz: bigint;
  readonly memsz: bigint;
  readonly align: bigint;
}

export interface Elf64SectionHeader {
  readonly name: string;
  readonly nameOffset: number;
  readonly type: number;
  readonly flags: bigint;
  readonly addr: bigint;
  readonly offset: bigint;
  readonly size: bigint;
  readonly link: number;
  readonly info: number;
  readonly addralign: bigint;
  readonly entsize: bigint;
}

export interface Elf64Symbol {
  readonly name: string;
  readonly value: bigint;
  readonly size: bigint;
  /** STB_* (high nibble of st_info). */
  readonly bind: number;
  /** STT_* (low nibble of st_info). */
  readonly type: number;
  readonly other: number;
  /** Section index, or SHN_ABS / SHN_UNDEF / SHN_COMMON. */
  readonly shndx: number;
}
