import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OBJDUMP = '/usr/bin/riscv64-unknown-elf-objdump';
export const AS = '/usr/bin/riscv64-unknown-elf-as';
export const objdumpExists = existsSync(OBJDUMP) && existsSync(AS);

/**
 * The extensions binutils 2.40 knows of ours (it has no Zicond). objdump
 * decodes by the ELF's arch attribute, so the words go into an object file
 * assembled with this arch (a raw binary would be read as plain rv64gc).
 */
const ARCH = 'rv64gch_zba_zbb_zbs_svinval';

/** One instruction to disassemble: its bits and length in bytes. */
export interface Parcel {
  readonly word: number;
  readonly length: 2 | 4;
}

/**
 * objdump's text for each parcel, laid out back to back from address 0 in an
 * object file (`.insn` directives), as `objdump -d` prints it (with
 * `-M no-aliases` unless `aliases`). Whitespace is normalised.
 */
export function objdumpTexts(parcels: readonly Parcel[], aliases: boolean): Map<number, string> {
  const lines = [`.attribute arch, "${ARCH}"`, '.option norelax'];
  const addresses: number[] = [];
  let address = 0;
  for (const p of parcels) {
    addresses.push(address);
    address += p.length;
    lines.push(`.insn 0x${p.word.toString(16)}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-objdump-'));
  try {
    const source = join(dir, 'words.s');
    const file = join(dir, 'words.o');
    writeFileSync(source, lines.join('\n') + '\n');
    execFileSync(AS, ['-o', file, source]);
    const args = ['-d', ...(aliases ? [] : ['-M', 'no-aliases']), file];
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

/**
 * Collapse whitespace ('beq\ta0,a1,0x0' -> 'beq a0,a1,0x0'), drop objdump's
 * `# address <symbol>` comments and write symbolised targets
 * ('2844 <.text+0x2844>') as plain addresses ('0x2844').
 */
export function normalise(text: string): string {
  return text
    .replace(/\s+#.*$/, '')
    .replace(/\b([0-9a-f]+) <[^>]*>/g, '0x$1')
    .replace(/\s+/g, ' ')
    .trim();
}
