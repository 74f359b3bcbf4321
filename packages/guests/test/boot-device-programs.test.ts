import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferedConsole, MemoryBlockBackend } from '@rvhv/devices';
import { runOnVirt } from '@rvhv/machine';
import { buildWithGnu, commandExists, GNU_AS, GNU_LD } from './gnu-build.js';
import { assembleGuest, VIRT_GUEST_PROGRAMS, VIRT_TEST_DISK_BYTES, VIRT_TEST_DISK_SERIAL, VIRT_TEST_DISK_SIGNATURE, virtioBlkPattern, type VirtGuestProgram } from '../src/index.js';

/** Runs a device test program on the virt board with what it asks for (built by the project's assembler unless given). */
function run(program: VirtGuestProgram, elf?: Uint8Array) {
  if (elf === undefined) {
    const assembled = assembleGuest(program.file);
    if (!assembled.ok) expect.fail(assembled.error);
    elf = assembled.elf;
  }
  const console = new BufferedConsole();
  const disk = new MemoryBlockBackend(new Uint8Array(VIRT_TEST_DISK_BYTES));
  disk.image.set(new TextEncoder().encode(VIRT_TEST_DISK_SIGNATURE), 0);
  const result = runOnVirt(elf, {
    console,
    input: program.input === undefined ? undefined : new TextEncoder().encode(program.input),
    virtio: program.disk ? [{ kind: 'blk', backend: disk, serial: VIRT_TEST_DISK_SERIAL }] : [],
    maxInstructions: 20_000_000,
  });
  return { result, console: console.text(), disk };
}

/**
 * The project's own bare-metal programs that test each device of the virt
 * board, run on the board (time from the instruction count: the same run
 * every time). A failing program exits with the number of the test case
 * that failed and says so on its console.
 */
describe.each(VIRT_GUEST_PROGRAMS)('device program $name ($file) on the virt board', (program) => {
  it('passes', () => {
    const { result, console } = run(program);
    expect(result.status, `${result.message}\n${console}`).toBe('pass');
  });
});

describe('what the device programs leave behind', () => {
  const byName = (name: string): VirtGuestProgram => VIRT_GUEST_PROGRAMS.find((p) => p.name === name)!;

  it('uart-irq: its THR output reaches the console, the loopback byte does not', () => {
    const { console } = run(byName('uart-irq'));
    expect(console).toBe('uart-irq: hello through THR\n.\nuart-irq: received rvhv\n');
  });

  it('uart-irq: fails when the typed line is not what it expects (the check is real)', () => {
    const { result } = run({ ...byName('uart-irq'), input: 'rvhx\n' });
    expect(result).toMatchObject({ status: 'fail', code: 7 });
  });

  it('virtio-blk: the sector it wrote is on the disk, and it flushed', () => {
    const { disk } = run(byName('virtio-blk'));
    expect(disk.image.subarray(512, 1024)).toEqual(virtioBlkPattern());
    expect(disk.flushes).toBe(1);
  });

  it('virtio-blk: fails without a disk', () => {
    const { result } = run({ ...byName('virtio-blk'), disk: undefined });
    expect(result).toMatchObject({ status: 'fail', code: 1 });
  });
});

/** The same programs built by GNU binutils (compressed instructions, ld's layout): they must pass the same way. */
describe.runIf([GNU_AS, GNU_LD].every(commandExists))('device programs built with GNU binutils, on the virt board', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-gnu-devices-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(VIRT_GUEST_PROGRAMS.map((p) => [p.name, p] as const))('%s passes', (_name, program) => {
    const built = buildWithGnu(program.file, dir);
    if (!built.ok) expect.fail(built.error);
    const { result, console } = run(program, new Uint8Array(readFileSync(built.elf)));
    expect(result.status, `${result.message}\n${console}`).toBe('pass');
  });
});
