import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CliIo, Terminal } from './cli-io.js';
import { openFileDisk } from './file-block-backend.js';

const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Standard input as the console's terminal. */
function nodeTerminal(): Terminal {
  const stdin = process.stdin;
  const isTTY = stdin.isTTY === true;
  let raw = false;
  // Whatever way the process ends (normal return, process.exit, an uncaught
  // error), the terminal goes back to cooked mode: 'exit' handlers run in all of them.
  const restore = (): void => {
    if (raw) {
      stdin.setRawMode(false);
      raw = false;
    }
  };
  process.on('exit', restore);
  return {
    isTTY,
    setRawMode(on) {
      if (!isTTY || on === raw) return;
      stdin.setRawMode(on);
      raw = on;
    },
    onInput(listener) {
      const handler = (chunk: Buffer): void => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      stdin.on('data', handler);
      stdin.resume();
      return () => {
        stdin.off('data', handler);
        stdin.pause();
      };
    },
    onTerminate(listener) {
      const handlers = TERMINATION_SIGNALS.map((signal) => {
        const handler = (): void => listener(signal);
        process.on(signal, handler);
        return [signal, handler] as const;
      });
      return () => {
        for (const [signal, handler] of handlers) process.off(signal, handler);
      };
    },
  };
}

/** The CLI's host on Node: the file system, the process's standard streams and its terminal. */
export function nodeCliIo(): CliIo {
  return {
    readFile: (path) => new Uint8Array(readFileSync(path)),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    openDisk: (path, options) => openFileDisk(path, options),
    writeOut: (bytes) => {
      process.stdout.write(bytes);
    },
    writeErr: (text) => {
      process.stderr.write(text);
    },
    now: () => performance.now(),
    terminal: nodeTerminal(),
  };
}
