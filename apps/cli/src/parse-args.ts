import { DEFAULT_MAX_INSTRUCTIONS } from '@rvhv/machine';
import { isVirtFlag, parseVirtArgs, type VirtCommand } from './parse-virt-args.js';

export interface RunCommand {
  readonly kind: 'run';
  /** The ELF file; undefined runs the built-in demo guest. */
  readonly file: string | undefined;
  readonly maxInstructions: number;
  readonly trace: boolean;
  readonly misaligned: 'perform' | 'trap';
}

export type Command =
  | RunCommand
  | VirtCommand
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** `seeHelp`: follow the message with a pointer to --help (the QEMU-style errors are one line, as QEMU's). */
  | { readonly kind: 'usage-error'; readonly message: string; readonly seeHelp: boolean };

const usageError = (message: string, seeHelp = true): Command => ({ kind: 'usage-error', message, seeHelp });

/** Parses a positive integer written with optional `_` separators (100_000_000). */
function parseCount(text: string | undefined, option: string): number | string {
  if (text === undefined) return `${option} expects a number`;
  const clean = text.replace(/_/g, '');
  if (!/^\d+$/.test(clean) || Number(clean) < 1 || !Number.isSafeInteger(Number(clean))) {
    return `${option} expects a positive integer, got '${text}'`;
  }
  return Number(clean);
}

/** Reads the options of `rvhv run` (and of the bare `rvhv`, which runs the demo). */
function parseRun(args: readonly string[], allowFile: boolean): Command {
  let file: string | undefined;
  let maxInstructions = DEFAULT_MAX_INSTRUCTIONS;
  let trace = false;
  let misaligned: 'perform' | 'trap' = 'perform';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--max-instructions') {
      const n = parseCount(value(), '--max-instructions');
      if (typeof n === 'string') return usageError(n);
      maxInstructions = n;
    } else if (flag === '--trace' && inline === undefined) {
      trace = true;
    } else if (flag === '--misaligned') {
      const v = value();
      if (v !== 'perform' && v !== 'trap') return usageError(`--misaligned expects 'perform' or 'trap', got '${v ?? ''}'`);
      misaligned = v;
    } else if (flag === '--help' || flag === '-h') {
      return { kind: 'help' };
    } else if (arg.startsWith('-') && arg !== '-') {
      return usageError(`unknown option '${arg}'`);
    } else if (!allowFile) {
      return usageError(`unknown command '${arg}' (to run a program: rvhv run ${arg})`);
    } else if (file !== undefined) {
      return usageError(`run takes one program, got '${file}' and '${arg}'`);
    } else {
      file = arg;
    }
  }
  if (allowFile && file === undefined) return usageError('run: missing program (usage: rvhv run [options] <prog.elf>)');
  return { kind: 'run', file, maxInstructions, trace, misaligned };
}

const HELP_FLAGS = new Set(['-h', '-help', '--help']);
const VERSION_FLAGS = new Set(['-V', '-version', '--version']);

/**
 * Turns the command line (without node and the script) into a command:
 * `rvhv run prog.elf` and the bare `rvhv` (the demo) run a program on one
 * hart; any of QEMU's flags (`-M virt`, `-kernel`, `-bios`...) selects the
 * virt board with a QEMU-style command line.
 */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return parseRun([], false);
  if (first === 'run') return parseRun(rest, true);
  if (argv.some(isVirtFlag)) {
    if (argv.some((a) => HELP_FLAGS.has(a))) return { kind: 'help' };
    if (argv.some((a) => VERSION_FLAGS.has(a))) return { kind: 'version' };
    const parsed = parseVirtArgs(argv);
    return parsed.ok ? parsed.command : usageError(parsed.message, false);
  }
  if (first === 'help' || HELP_FLAGS.has(first)) return { kind: 'help' };
  if (VERSION_FLAGS.has(first)) return { kind: 'version' };
  // Options without a command apply to the demo (rvhv --trace).
  return parseRun(argv, false);
}
