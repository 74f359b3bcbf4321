import { INSTRUCTION_BY_NAME, insertField, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_PROGBITS, STB_GLOBAL, STT_OBJECT, writeElf64, type ElfSectionInput } from '@rvhv/isa';

/** Encodes one instruction from the table, operands given by field name. */
export function encode(name: string, operands: Record<string, number> = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (spec === undefined) throw new Error(`no instruction ${name}`);
  let word = spec.match;
  for (const f of spec.fields) word = insertField(f, word, operands[f.name] ?? 0);
  return word >>> 0;
}

export const FENCE = encode('fence', { pred: 0xf, succ: 0xf });

function words(list: readonly number[]): Uint8Array {
  const out = new Uint8Array(list.length * 4);
  const view = new DataView(out.buffer);
  list.forEach((w, i) => view.setUint32(i * 4, w, true));
  return out;
}

export interface TestProgram {
  /** Instructions at 0x8000_0000 (the entry point). */
  code: readonly number[];
  /** Initial value of tohost (the runner looks at it after its first batch), or no tohost symbol at all. */
  tohost?: bigint | 'none';
  /** Load address of .text when it differs from its link address. */
  textLoadAddr?: bigint;
  /** Extra sections. */
  sections?: readonly ElfSectionInput[];
}

export const TEXT = 0x8000_0000n;
export const TOHOST = 0x8000_8000n;

/** A bare program as an ELF: .text at 0x8000_0000 and a .tohost section with tohost/fromhost. */
export function buildElf(p: TestProgram): Uint8Array {
  const mailbox = new Uint8Array(16);
  if (p.tohost !== undefined && p.tohost !== 'none') new DataView(mailbox.buffer).setBigUint64(0, p.tohost, true);
  const sections: ElfSectionInput[] = [
    { name: '.text', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, addr: TEXT, loadAddr: p.textLoadAddr, align: 4n, data: words(p.code) },
    { name: '.tohost', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, addr: TOHOST, align: 64n, data: mailbox },
    ...(p.sections ?? []),
  ];
  const symbols =
    p.tohost === 'none'
      ? []
      : [
          { name: 'tohost', value: TOHOST, size: 8n, bind: STB_GLOBAL, type: STT_OBJECT, section: 1 },
          { name: 'fromhost', value: TOHOST + 8n, size: 8n, bind: STB_GLOBAL, type: STT_OBJECT, section: 1 },
        ];
  return writeElf64({ entry: TEXT, flags: 0, sections, symbols });
}
