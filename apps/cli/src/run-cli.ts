import { runElf, formatTraceEvent, type RunResult } from '@rvhv/machine';
import { assembleGuest, DEMO_GUEST } from '@rvhv/guests';
import type { CliIo } from './cli-io.js';
import { describeFileError } from './describe-file-error.js';
import { EXIT, exitStatusOf } from './exit-status.js';
import { HELP_TEXT } from './help-text.js';
import { parseArgs, type RunCommand } from './parse-args.js';
import { runVirt } from './run-virt.js';

export const VERSION = '0.1.0';

function describeReadError(path: string, error: unknown): string {
  return `cannot read ${path}: ${describeFileError(error)}`;
}

function report(io: CliIo, result: RunResult, startedAt: number): void {
  for (const w of result.warnings) io.writeErr(`rvhv: warning: ${w}\n`);
  const seconds = (io.now() - startedAt) / 1000;
  const speed = seconds > 0 ? `, ${(result.instructions / seconds / 1e6).toFixed(1)} MIPS` : '';
  io.writeErr(`rvhv: ${result.message} [${seconds.toFixed(2)} s${speed}]\n`);
}

function run(command: RunCommand, io: CliIo): number {
  let image: Uint8Array;
  let name: string;
  if (command.file === undefined) {
    const demo = assembleGuest(DEMO_GUEST);
    if (!demo.ok) {
      io.writeErr(`rvhv: the demo guest does not assemble: ${demo.error}\n`);
      return EXIT.error;
    }
    image = demo.elf;
    name = `demo guest '${DEMO_GUEST}'`;
  } else {
    try {
      image = io.readFile(command.file);
    } catch (e) {
      io.writeErr(`rvhv: ${describeReadError(command.file, e)}\n`);
      return EXIT.usage;
    }
    name = command.file;
  }
  const startedAt = io.now();
  const result = runElf(image, {
    maxInstructions: command.maxInstructions,
    misaligned: command.misaligned,
    console: { write: (bytes) => io.writeOut(bytes) },
    trace: command.trace ? (event) => io.writeErr(`${formatTraceEvent(event)}\n`) : undefined,
  });
  if (result.status === 'error' && result.instructions === 0) {
    // The image did not load: bad input, not a guest failure.
    io.writeErr(`rvhv: ${name}: ${result.message}\n`);
    return EXIT.usage;
  }
  report(io, result, startedAt);
  return exitStatusOf(result);
}

/**
 * The `rvhv` command: parses `argv` (without node and the script), runs it,
 * and returns the process exit status — at once for a program run, as a
 * promise for the virt board (which runs until the guest powers off or the
 * user quits). Never throws: internal errors are reported in one line.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        io.writeOut(HELP_TEXT);
        return EXIT.pass;
      case 'version':
        io.writeOut(`rvhv ${VERSION}\n`);
        return EXIT.pass;
      case 'usage-error':
        io.writeErr(command.seeHelp ? `rvhv: ${command.message}\nTry 'rvhv --help'.\n` : `rvhv: ${command.message}\n`);
        return EXIT.usage;
      case 'run':
        return run(command, io);
      case 'virt':
        return runVirt(command, io);
    }
  } catch (e) {
    io.writeErr(`rvhv: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  }
}
