import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferedConsole } from '@rvhv/devices';
import { runElf } from '@rvhv/machine';
import { GUEST_PROGRAMS } from '../src/index.js';
import { buildWithGnu, commandExists, GNU_AS, GNU_LD } from './gnu-build.js';

/**
 * The same programs built by someone else's tools: GNU as compresses every
 * instruction it can (so the C extension carries most of the code), and ld's
 * default layout maps the ELF headers just below RAM. rvhv must run them as
 * it runs its own builds.
 */
describe.runIf([GNU_AS, GNU_LD].every(commandExists))('guest programs built with GNU binutils, on rvhv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-gnu-built-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(GUEST_PROGRAMS.map((p) => [p.name, p.file] as const))('%s passes', (_name, file) => {
    const built = buildWithGnu(file, dir);
    if (!built.ok) expect.fail(built.error);
    const console = new BufferedConsole();
    const result = runElf(new Uint8Array(readFileSync(built.elf)), { console, maxInstructions: 50_000_000 });
    expect(result.status, `${result.message}\n${console.text()}`).toBe('pass');
  });
});
