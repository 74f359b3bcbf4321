import { MemoryBlockBackend } from '@rvhv/devices';
import type { CliIo, HostDisk, Terminal } from '../src/index.js';

/** A scripted terminal: the test types with `type()`; records raw mode changes. */
export interface FakeTerminal extends Terminal {
  type(bytes: Uint8Array | string): void;
  signal(name: string): void;
  readonly rawModes: boolean[];
  readonly listening: boolean;
}

export function fakeTerminal(isTTY = true): FakeTerminal {
  let listener: ((bytes: Uint8Array) => void) | undefined;
  let terminate: ((signal: string) => void) | undefined;
  const rawModes: boolean[] = [];
  return {
    isTTY,
    rawModes,
    setRawMode: (raw) => void rawModes.push(raw),
    onInput(l) {
      listener = l;
      return () => (listener = undefined);
    },
    onTerminate(l) {
      terminate = l;
      return () => (terminate = undefined);
    },
    type: (bytes) => listener?.(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
    signal: (name) => terminate?.(name),
    get listening() {
      return listener !== undefined;
    },
  };
}

export type MemoryFile = Uint8Array | 'directory';

/** A CliIo over an in-memory file table that records what the CLI prints and writes. */
export function memoryIo(
  files: Record<string, MemoryFile> = {},
  terminal: FakeTerminal = fakeTerminal(),
): CliIo & { out(): string; err(): string; written: Map<string, Uint8Array>; disks: Map<string, MemoryBlockBackend>; terminal: FakeTerminal } {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const disks = new Map<string, MemoryBlockBackend>();
  let clock = 0;
  const lookup = (path: string): Uint8Array => {
    const f = files[path];
    if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    if (f === 'directory') throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    return f;
  };
  return {
    readFile: lookup,
    writeFile(path, bytes) {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
      written.set(path, bytes.slice());
    },
    openDisk(path, options): HostDisk {
      const backend = new MemoryBlockBackend(lookup(path), { readOnly: options.readOnly });
      disks.set(path, backend);
      return Object.assign(backend, { close: () => undefined });
    },
    writeOut(bytes) {
      out.push(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
    },
    writeErr(text) {
      err.push(text);
    },
    now: () => (clock += 10),
    terminal,
    out: () => out.join(''),
    err: () => err.join(''),
    written,
    disks,
  };
}
