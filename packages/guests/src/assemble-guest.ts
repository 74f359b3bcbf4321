import { readdirSync, readFileSync } from 'node:fs';
import { assemble, type AssembleResult } from '@rvhv/isa';
import { preprocess, type SourceFile } from './preprocess.js';
import { guestProgram } from './programs.js';

/** The assembly sources live next to this module's package source, in src/programs/ (also when run from dist/). */
const PROGRAMS_DIR = new URL('../src/programs/', import.meta.url);

/** Every .S/.s file of src/programs/, by file name. */
export function readGuestFiles(): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(PROGRAMS_DIR)) {
    if (/\.[sS]$/.test(name)) files.set(name, readFileSync(new URL(name, PROGRAMS_DIR), 'utf8'));
  }
  return files;
}

export type AssembleGuestResult =
  | { readonly ok: true; readonly elf: Uint8Array; readonly symbols: ReadonlyMap<string, bigint> }
  | { readonly ok: false; readonly error: string };

/** The preprocessed sources of a program file (macros and includes expanded), ready for the assembler. */
export function guestSources(file: string, files: ReadonlyMap<string, string> = readGuestFiles()): SourceFile[] | string {
  const result = preprocess(files, file);
  return result.ok ? [...result.sources] : result.error;
}

/**
 * Assembles a guest program (by name from GUEST_PROGRAMS, or by file name)
 * with the project's assembler into an ELF executable at 0x8000_0000.
 */
export function assembleGuest(nameOrFile: string, files: ReadonlyMap<string, string> = readGuestFiles()): AssembleGuestResult {
  const file = guestProgram(nameOrFile)?.file ?? nameOrFile;
  if (!files.has(file)) return { ok: false, error: `no guest program called ${nameOrFile}` };
  const sources = guestSources(file, files);
  if (typeof sources === 'string') return { ok: false, error: sources };
  const result: AssembleResult = assemble(sources);
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).map((e) => e.text);
    return { ok: false, error: [...shown, ...(result.errors.length > 5 ? [`... and ${result.errors.length - 5} more`] : [])].join('\n') };
  }
  return { ok: true, elf: result.elf, symbols: result.symbols };
}
