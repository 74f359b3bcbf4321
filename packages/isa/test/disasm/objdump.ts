import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OBJDUMP = '/usr/bin/riscv64-unknown-elf-objdump';
export const objdumpExists = existsSync(OBJDUMP);

/** One instruction to disassemble: its bits and length in bytes. */
export interface Parcel {
  readonly word: number;
  readonly length: 2 | 4;
}

/**
 * objdump's text for each parcel, laid out back to back in a raw binary at
 * address 0, in `objdump -D -b binary -m riscv:rv64` (with `-M no-aliases`
 * unless `aliases`). Whitespace is normalised: one space after the mnemonic.
 */
export function objdumpTexts(parcels: readonly Parcel[], aliases: boolean): Map<number, string> {
  const bytes: number[] = [];
  const addresses: number[] = [];
  for (const p of parcels) {
    addresses.push(bytes.length);
    for (let i = 0; i < p.length; i++) bytes.push((p.word >>> (8 * i)) & 0xff);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-objdump-'));
  try {
    const file = join(dir, 'words.bin');
    writeFileSync(file, Uint8Array.from(bytes));
    const args = ['-D', '-b', 'binary', '-m', 'riscv:rv64', ...(aliases ? [] : ['-M', 'no-aliases']), file];
    const out = execFileSync(OBJDUMP, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const texts = new Map<number, string>();
    for (const line of out.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$/.exec(line);
      if (!m) continue;
      texts.set(parseInt(m[1]!, 16), normalise(m[2]!));
    }
    return new Map(addresses.map((a) => [a, texts.get(a) ?? '<missing>']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collapse whitespace: 'beq\ta0,a1,0x0' -> 'beq a0,a1,0x0'. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
