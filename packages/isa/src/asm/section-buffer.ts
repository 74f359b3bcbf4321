import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from '../elf/elf64-types.js';

/** The contents of one output section while a pass assembles it. */
export class SectionBuffer {
  private bytes = new Uint8Array(256);
  /** Current location counter (bytes from the section start). */
  size = 0;
  /** Largest alignment requested in the section (bytes). */
  align = 1;

  constructor(
    readonly name: string,
    public type: number,
    public flags: bigint,
    /** Order of first appearance, for layout. */
    readonly order: number,
  ) {}

  get isCode(): boolean {
    return (this.flags & SHF_EXECINSTR) !== 0n;
  }

  get isNobits(): boolean {
    return this.type === SHT_NOBITS;
  }

  private reserve(n: number): void {
    if (this.size + n <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.size + n) cap *= 2;
    const grown = new Uint8Array(cap);
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }

  /** Appends `n` bytes of the little-endian value (n <= 8). */
  emit(value: bigint, n: number): void {
    this.reserve(n);
    let v = BigInt.asUintN(n * 8, value);
    for (let i = 0; i < n; i++) {
      this.bytes[this.size++] = Number(v & 0xffn);
      v >>= 8n;
    }
  }

  /** Appends the low `n` bytes (n <= 4) of a number, little-endian (instructions). */
  emitNumber(value: number, n: number): void {
    this.reserve(n);
    for (let i = 0; i < n; i++) this.bytes[this.size++] = (value >>> (8 * i)) & 0xff;
  }

  emitBytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.size);
    this.size += data.length;
  }

  /** Appends `n` copies of byte `fill`. */
  fill(n: number, fill = 0): void {
    this.reserve(n);
    this.bytes.fill(fill & 0xff, this.size, this.size + n);
    this.size += n;
  }

  contents(): Uint8Array {
    return this.bytes.slice(0, this.size);
  }
}

/** Default type and flags of a section from its name (GNU as "Section" directive, ELF version). */
export function defaultSectionKind(name: string): { type: number; flags: bigint } {
  const is = (prefix: string): boolean => name === prefix || name.startsWith(`${prefix}.`);
  if (is('.text')) return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR };
  if (is('.data') || is('.sdata') || is('.tdata') || is('.init_array') || is('.fini_array')) {
    return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE };
  }
  if (is('.bss') || is('.sbss') || is('.tbss')) return { type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE };
  if (is('.rodata') || is('.srodata')) return { type: SHT_PROGBITS, flags: SHF_ALLOC };
  // Unknown names get no flags, as in GNU as: not loaded unless flags are given.
  return { type: SHT_PROGBITS, flags: 0n };
}
