import type { BlockBackend } from '@rvhv/devices';

/**
 * What the command line needs from its host: files, output streams, the
 * terminal and a clock. main.ts binds it to Node (node-io.ts); tests bind
 * it to memory.
 */
export interface CliIo {
  /** The contents of a file; throws a Node-style error (with `code`) when it cannot be read. */
  readFile(path: string): Uint8Array;
  /** Writes a whole file (`-machine dumpdtb=FILE`); throws a Node-style error when it cannot. */
  writeFile(path: string, bytes: Uint8Array): void;
  /** A disk image as a block device; throws a Node-style error when it cannot be opened. */
  openDisk(path: string, options: { readonly readOnly: boolean }): HostDisk;
  /** The guest's console and the command's normal output. */
  writeOut(bytes: Uint8Array | string): void;
  /** Diagnostics: the result line, warnings, errors, traces. */
  writeErr(text: string): void;
  /** Milliseconds from an arbitrary origin, for reporting speed. */
  now(): number;
  /** Where console input comes from. */
  readonly terminal: Terminal;
}

/** A disk image the host opened: a block backend that must be closed (flushed) at the end. */
export interface HostDisk extends BlockBackend {
  /** Writes what is still cached and releases the file. */
  close(): void;
}

/**
 * The console's input side: standard input, in raw mode when it is a
 * terminal (so Ctrl-C and friends reach the guest, as with QEMU's
 * -nographic).
 */
export interface Terminal {
  /** Whether input is an interactive terminal (raw mode applies). */
  readonly isTTY: boolean;
  /** Raw mode on or off; no effect when not a terminal. The implementation also restores it if the process exits. */
  setRawMode(raw: boolean): void;
  /** Delivers input to `listener` from now on; the returned function stops it (and lets the process exit). */
  onInput(listener: (bytes: Uint8Array) => void): () => void;
  /** Calls `listener` when the host asks the process to end (SIGINT, SIGTERM, SIGHUP); returns the function that stops listening. */
  onTerminate(listener: (signal: string) => void): () => void;
}
