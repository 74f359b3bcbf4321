import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CliIo } from './cli-io.js';

/** The CLI's host on Node: the file system and the process's standard streams. */
export function nodeCliIo(): CliIo {
  return {
    readFile: (path) => new Uint8Array(readFileSync(path)),
    writeOut: (bytes) => {
      process.stdout.write(bytes);
    },
    writeErr: (text) => {
      process.stderr.write(text);
    },
    now: () => performance.now(),
  };
}
