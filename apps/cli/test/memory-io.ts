import type { CliIo } from '../src/index.js';

/** A CliIo over an in-memory file table that records what the CLI prints. */
export function memoryIo(files: Record<string, Uint8Array | 'directory'> = {}): CliIo & { out(): string; err(): string } {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  return {
    readFile(path) {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (f === 'directory') throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      return f;
    },
    writeOut(bytes) {
      out.push(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
    },
    writeErr(text) {
      err.push(text);
    },
    now: () => (clock += 10),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
