import { CryptoEntropy, SeededEntropy, type ConsolePort } from '@rvhv/devices';
import { createVirtMachine, parseFdt, type VirtioDeviceSpec, type VirtMachine, type VirtRunResult } from '@rvhv/machine';
import type { CliIo, HostDisk } from './cli-io.js';
import { ConsoleEscape, ESCAPE_HELP } from './console-escape.js';
import { describeFileError } from './describe-file-error.js';
import { DEFAULT_FIRMWARE_PATHS } from './default-firmware.js';
import { EXIT, virtExitStatus } from './exit-status.js';
import type { VirtCommand } from './parse-virt-args.js';

/** A problem with the command line or an input file: one line, exit status 2. */
class InputError extends Error {}

function readInput(io: CliIo, flag: string, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new InputError(`${flag} ${path}: cannot read it: ${describeFileError(e)}`);
  }
}

/** QEMU's default firmware when no -bios is given: its own OpenSBI fw_dynamic, here Debian's. */
function defaultFirmware(io: CliIo): { bytes: Uint8Array; path: string } {
  for (const path of DEFAULT_FIRMWARE_PATHS) {
    try {
      return { bytes: io.readFile(path), path };
    } catch {
      // Try the next place.
    }
  }
  throw new InputError(
    `no -bios given and no default firmware found (looked for ${DEFAULT_FIRMWARE_PATHS.join(', ')}): ` +
      'install it with apt-get install -y opensbi, or pass -bios FILE or -bios none',
  );
}

/**
 * Console output to the host's standard output, gathered and written in
 * chunks (the UART produces one byte per register write) when the run loop
 * returns to the event loop, and at the end.
 */
class ConsoleOut implements ConsolePort {
  private chunks: Uint8Array[] = [];
  private scheduled = false;
  /** The last byte written, to end a run's output on a fresh line. */
  lastByte = 0x0a;

  constructor(private readonly io: CliIo) {}

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes.slice());
    this.lastByte = bytes[bytes.length - 1]!;
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 0);
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.chunks.length === 0) return;
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    this.io.writeOut(out);
  }
}

interface Prepared {
  readonly machine: VirtMachine;
  readonly disks: readonly HostDisk[];
  readonly console: ConsoleOut;
}

/** Reads the files, opens the disks and builds the machine; throws InputError for bad input. */
function prepare(command: VirtCommand, io: CliIo, disks: HostDisk[]): Prepared {
  const bios = command.bios === 'none' ? 'none' : command.bios === undefined ? defaultFirmware(io) : { bytes: readInput(io, '-bios', command.bios), path: command.bios };
  const kernel = command.kernel === undefined ? undefined : readInput(io, '-kernel', command.kernel);
  const initrd = command.initrd === undefined ? undefined : readInput(io, '-initrd', command.initrd);
  let dtb: Uint8Array | undefined;
  if (command.dtb !== undefined) {
    dtb = readInput(io, '-dtb', command.dtb);
    const parsed = parseFdt(dtb);
    if (!parsed.ok) throw new InputError(`-dtb ${command.dtb}: ${parsed.error}`);
  }

  const deterministic = command.icountShift !== undefined;
  const virtio: VirtioDeviceSpec[] = [];
  for (const device of command.devices) {
    if (device.kind === 'virtio-rng') {
      virtio.push({ kind: 'rng', entropy: deterministic ? new SeededEntropy() : new CryptoEntropy() });
      continue;
    }
    const drive = command.drives.find((d) => d.id === device.drive)!;
    let disk: HostDisk;
    try {
      disk = io.openDisk(drive.file, { readOnly: drive.readOnly });
    } catch (e) {
      throw new InputError(`-drive file=${drive.file}: cannot open the disk image: ${describeFileError(e)}`);
    }
    disks.push(disk);
    virtio.push({ kind: 'blk', backend: disk, readOnly: drive.readOnly, serial: device.serial });
  }

  const console = new ConsoleOut(io);
  // -icount makes the whole run repeatable: no random seed, the RTC starts at the epoch.
  const rngSeed = deterministic ? undefined : crypto.getRandomValues(new Uint8Array(32));
  const created = createVirtMachine({
    harts: command.harts,
    ramSize: command.memory,
    images: {
      bios: bios === 'none' ? 'none' : bios.bytes,
      kernel,
      initrd,
      names: { bios: bios === 'none' ? '-bios none' : `-bios ${bios.path}`, kernel: `-kernel ${command.kernel}`, initrd: `-initrd ${command.initrd}` },
    },
    bootargs: command.append,
    dtb,
    virtio,
    console,
    time: deterministic ? { kind: 'icount', shift: command.icountShift } : { kind: 'host' },
    rtcStartMs: deterministic ? 0 : Date.now(),
    rngSeed,
    onReset: command.noReboot ? 'stop' : 'reboot',
  });
  if (!created.ok) throw new InputError(created.error);
  return { machine: created.machine, disks, console };
}

/** Runs the machine with the console on the terminal until it stops; returns how it stopped. */
async function runInteractive(prepared: Prepared, io: CliIo): Promise<{ result: VirtRunResult; signal: string | undefined }> {
  const { machine, disks, console } = prepared;
  const escape = new ConsoleEscape();
  let signal: string | undefined;
  const terminal = io.terminal;
  terminal.setRawMode(true);
  const stopInput = terminal.onInput((bytes) => {
    for (const event of escape.feed(bytes)) {
      if (event.kind === 'input') {
        machine.receiveInput(event.bytes);
        continue;
      }
      const command = event.command;
      if (command === 'quit') machine.stop('terminated (Ctrl-A x)');
      else if (command === 'help') io.writeOut(ESCAPE_HELP);
      else if (command === 'flush-disks') for (const d of disks) d.flush();
      else io.writeOut(`\r\nrvhv: ${command.unsupported} is not supported\r\n`);
    }
  });
  const stopSignals = terminal.onTerminate((name) => {
    signal ??= name;
    machine.stop(`terminated by ${name}`);
  });
  try {
    const result = await machine.run();
    return { result, signal };
  } finally {
    stopInput();
    stopSignals();
    console.flush();
    terminal.setRawMode(false);
  }
}

/** Exit status for a signal: 128 + its number, the shell's convention. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * `rvhv -M virt ...`: boots the virt board as qemu-system-riscv64 would and
 * runs it with the console on the terminal. Returns the exit status: the
 * guest's poweroff code, 0 after Ctrl-A x or a reset with -no-reboot, 2 for
 * bad input (one line on standard error, never a stack trace).
 */
export async function runVirt(command: VirtCommand, io: CliIo): Promise<number> {
  const disks: HostDisk[] = [];
  try {
    const prepared = prepare(command, io, disks);
    if (command.dumpDtb !== undefined) {
      try {
        io.writeFile(command.dumpDtb, prepared.machine.dtb);
      } catch (e) {
        throw new InputError(`-machine dumpdtb=${command.dumpDtb}: cannot write it: ${describeFileError(e)}`);
      }
      return EXIT.pass;
    }
    const startedAt = io.now();
    const { result, signal } = await runInteractive(prepared, io);
    const seconds = (io.now() - startedAt) / 1000;
    const mips = seconds > 0 ? `, ${(result.instructions / seconds / 1e6).toFixed(1)} MIPS` : '';
    if (prepared.console.lastByte !== 0x0a) io.writeErr('\n');
    io.writeErr(`rvhv: ${result.message} [${seconds.toFixed(2)} s, ${result.instructions} instructions${mips}]\n`);
    return signal !== undefined ? (SIGNAL_EXIT[signal] ?? EXIT.error) : virtExitStatus(result);
  } catch (e) {
    if (e instanceof InputError) {
      io.writeErr(`rvhv: ${e.message}\n`);
      return EXIT.usage;
    }
    io.writeErr(`rvhv: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.error;
  } finally {
    for (const disk of disks) {
      try {
        disk.close();
      } catch (e) {
        io.writeErr(`rvhv: warning: closing a disk image failed: ${describeFileError(e)}\n`);
      }
    }
  }
}
