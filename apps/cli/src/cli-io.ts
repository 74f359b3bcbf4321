/**
 * What the command line needs from its host: files, output streams and a
 * clock. main.ts binds it to Node; tests bind it to memory.
 */
export interface CliIo {
  /** The contents of a file; throws a Node-style error (with `code`) when it cannot be read. */
  readFile(path: string): Uint8Array;
  /** The guest's console and the command's normal output. */
  writeOut(bytes: Uint8Array | string): void;
  /** Diagnostics: the result line, warnings, errors, traces. */
  writeErr(text: string): void;
  /** Milliseconds from an arbitrary origin, for reporting speed. */
  now(): number;
}
