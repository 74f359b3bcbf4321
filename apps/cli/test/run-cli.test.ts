import { describe, expect, it } from 'vitest';
import { assemble } from '@rvhv/isa';
import { EXIT, runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';

/**
 * A program that needs nothing of the hart but fetching: its tohost starts
 * out holding `tohost`, which the runner sees after its first batch.
 */
function program(tohost: bigint | number, putc?: string): Uint8Array {
  const source = `
    .text
    .globl _start
  _start:
    .fill 4096, 4, 0x0ff0000f    # fence
    .section .tohost, "aw", @progbits
    .globl tohost
    .globl fromhost
  tohost: .dword ${putc === undefined ? tohost : (0x0101n << 48n) | BigInt(putc.charCodeAt(0))}
  fromhost: .dword 0
  `;
  const result = assemble(source);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
  return result.elf;
}

describe('rvhv run', () => {
  it('exits 0 and reports PASS on stderr when the program passes', () => {
    const io = memoryIo({ 'pass.elf': program(1) });
    expect(runCli(['run', 'pass.elf'], io)).toBe(EXIT.pass);
    expect(io.err()).toMatch(/^rvhv: PASS \(\d+ instructions\) \[[\d.]+ s, [\d.]+ MIPS\]\n$/);
    expect(io.out()).toBe('');
  });

  it('exits with the failure code when the program fails', () => {
    const io = memoryIo({ 'fail.elf': program((5 << 1) | 1) });
    expect(runCli(['run', 'fail.elf'], io)).toBe(5);
    expect(io.err()).toMatch(/^rvhv: FAIL: exit code 5/);
  });

  it('exits 1 for a failure code that does not fit in an exit status', () => {
    const io = memoryIo({ 'fail.elf': program((256 << 1) | 1) });
    expect(runCli(['run', 'fail.elf'], io)).toBe(1);
  });

  it('exits 124 on timeout, honouring --max-instructions in both spellings', () => {
    const io = memoryIo({ 'spin.elf': program(0) });
    expect(runCli(['run', '--max-instructions', '1_000', 'spin.elf'], io)).toBe(EXIT.timeout);
    expect(io.err()).toMatch(/TIMEOUT after 1000 instructions/);
    const io2 = memoryIo({ 'spin.elf': program(0) });
    expect(runCli(['run', 'spin.elf', '--max-instructions=300'], io2)).toBe(EXIT.timeout);
    expect(io2.err()).toMatch(/TIMEOUT after 300 instructions/);
  });

  it('prints HTIF console output on stdout', () => {
    const io = memoryIo({ 'a.elf': program(0, 'Z') });
    runCli(['run', '--max-instructions', '2000', 'a.elf'], io);
    expect(io.out()).toBe('Z');
  });

  it('--trace prints each instruction on stderr', () => {
    const io = memoryIo({ 'spin.elf': program(0) });
    runCli(['run', '--trace', '--max-instructions', '3', 'spin.elf'], io);
    const lines = io.err().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '0x0000000080000000 (0x0ff0000f) fence',
      '0x0000000080000004 (0x0ff0000f) fence',
      '0x0000000080000008 (0x0ff0000f) fence',
    ]);
  });

  it.each([
    [['run', 'missing.elf'], {}, 'rvhv: cannot read missing.elf: no such file\n'],
    [['run', 'dir'], { dir: 'directory' as const }, 'rvhv: cannot read dir: it is a directory\n'],
    [['run', 'text.elf'], { 'text.elf': new TextEncoder().encode('#!/bin/sh\n# This is a shell script, not an ELF file: rvhv must say so in one line.\necho hello\n') }, /^rvhv: text\.elf: malformed ELF: not an ELF file \(bad magic\)\n$/],
    [['run', 'short.elf'], { 'short.elf': program(1).subarray(0, 40) }, /^rvhv: short\.elf: malformed ELF: file is 40 bytes, shorter than an ELF64 header/],
    [['run', 'cut.elf'], { 'cut.elf': program(1).subarray(0, 200) }, /^rvhv: cut\.elf: malformed ELF: .*(past the end|outside the)/],
  ])('rejects bad input %j with one line and exit status 2', (argv, files, message) => {
    const io = memoryIo(files);
    expect(runCli(argv, io)).toBe(EXIT.usage);
    if (typeof message === 'string') expect(io.err()).toBe(message);
    else expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('rvhv command line', () => {
  it('--help, -h and help print the usage on stdout', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['run', '--help']]) {
      const io = memoryIo();
      expect(runCli(argv, io)).toBe(0);
      expect(io.out()).toMatch(/^rvhv: a RISC-V machine/);
      expect(io.out()).toContain('rvhv run [options] <prog.elf>');
    }
  });

  it('--version prints the version', () => {
    const io = memoryIo();
    expect(runCli(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^rvhv \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['run'], 'rvhv: run: missing program (usage: rvhv run [options] <prog.elf>)'],
    [['prog.elf'], "rvhv: unknown command 'prog.elf' (to run a program: rvhv run prog.elf)"],
    [['run', '--fast', 'a.elf'], "rvhv: unknown option '--fast'"],
    [['run', 'a.elf', 'b.elf'], "rvhv: run takes one program, got 'a.elf' and 'b.elf'"],
    [['run', '--max-instructions', 'lots', 'a.elf'], "rvhv: --max-instructions expects a positive integer, got 'lots'"],
    [['run', '--max-instructions', '0', 'a.elf'], "rvhv: --max-instructions expects a positive integer, got '0'"],
    [['run', 'a.elf', '--max-instructions'], 'rvhv: --max-instructions expects a number'],
    [['run', '--misaligned', 'sometimes', 'a.elf'], "rvhv: --misaligned expects 'perform' or 'trap', got 'sometimes'"],
  ])('rejects %j with a one-line message and exit status 2', (argv, message) => {
    const io = memoryIo();
    expect(runCli(argv, io)).toBe(EXIT.usage);
    expect(io.err()).toBe(`${message}\nTry 'rvhv --help'.\n`);
  });
});

describe('rvhv with no arguments', () => {
  it('assembles and runs the demo guest, which greets and passes', () => {
    const io = memoryIo();
    expect(runCli([], io)).toBe(0);
    expect(io.out()).toContain('Hello from rvhv');
    expect(io.out()).toContain('The sum of the primes below 1000 is 76127.');
    expect(io.err()).toMatch(/^rvhv: PASS/);
  });
});
