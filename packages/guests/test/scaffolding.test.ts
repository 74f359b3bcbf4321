import { describe, expect, it } from 'vitest';
import { BufferedConsole } from '@rvhv/devices';
import { runElf } from '@rvhv/machine';
import { assembleGuest, readGuestFiles } from '../src/index.js';

/** Assembles `body` (a `main` using the prelude) and runs it. */
function run(body: string) {
  const files = new Map(readGuestFiles());
  files.set('scratch.S', `  .include "prelude.S"\n  .text\n  .globl main\nmain:\n${body}\n`);
  const assembled = assembleGuest('scratch.S', files);
  if (!assembled.ok) throw new Error(assembled.error);
  const console = new BufferedConsole();
  const result = runElf(assembled.elf, { console, maxInstructions: 5_000_000, ramSize: 0x10_0000 });
  return { ...result, console: console.text() };
}

describe('the test prelude', () => {
  it('passes a program whose checks hold', () => {
    const r = run(`  TEST_RR 1, add, 5, 2, 3\n  TEST 2\n  li a0, 7\n  CHECK a0, 7\n  PASS`);
    expect(r).toMatchObject({ status: 'pass', console: '' });
  });

  it('fails with the number of the first failing test case, and says so', () => {
    const r = run(`  TEST_RR 1, add, 5, 2, 3\n  TEST_RR 7, add, 6, 2, 3\n  TEST_RR 8, add, 5, 2, 3\n  PASS`);
    expect(r).toMatchObject({ status: 'fail', code: 7, console: 'FAIL: test 7\n' });
  });

  it('a CHECK that does not hold fails its test; x0 as a destination stays zero', () => {
    expect(run(`  TEST 3\n  li t0, 1\n  CHECK t0, 2\n  PASS`)).toMatchObject({ status: 'fail', code: 3 });
    expect(run(`  TEST_RR_ZERODEST 4, add, 1, 1\n  PASS`)).toMatchObject({ status: 'pass' });
  });

  it('returning from main with a0 = 0 passes, with a0 = n fails with code n', () => {
    expect(run(`  li a0, 0\n  ret`)).toMatchObject({ status: 'pass' });
    expect(run(`  li a0, 9\n  ret`)).toMatchObject({ status: 'fail', code: 9 });
  });

  it('reports an unexpected trap with cause, epc and tval, then fails the current test', () => {
    const r = run(`  TEST 5\n  .word 0x0000000b\n  PASS`);
    expect(r.status).toBe('fail');
    expect(r.code).toBe(5);
    expect(r.console).toMatch(/^unexpected trap: cause 2, epc 0x00000000800[0-9a-f]{5}, tval 0x000000000000000b \(in M-mode\)\nFAIL: test 5\n$/);
  });

  it('fails code 1023 for a failure before any test case', () => {
    expect(run(`  j fail`)).toMatchObject({ status: 'fail', code: 1023 });
  });

  it('TRAP_BEGIN/TRAP_END accept the expected trap and reject a missing or different one', () => {
    expect(run(`  TRAP_BEGIN 1\n  ecall\n  TRAP_END CAUSE_MACHINE_ECALL\n  PASS`)).toMatchObject({ status: 'pass' });
    expect(run(`  TRAP_BEGIN 2\n  nop\n  TRAP_END CAUSE_MACHINE_ECALL\n  PASS`)).toMatchObject({ status: 'fail', code: 2 });
    expect(run(`  TRAP_BEGIN 3\n  ebreak\n  TRAP_END CAUSE_MACHINE_ECALL\n  PASS`)).toMatchObject({ status: 'fail', code: 3 });
    // The trap must come from the instruction right after TRAP_BEGIN.
    expect(run(`  TRAP_BEGIN 4\n  nop\n  ecall\n  TRAP_END CAUSE_MACHINE_ECALL\n  PASS`)).toMatchObject({ status: 'fail', code: 4 });
  });

  it('console helpers print strings, hex and decimal', () => {
    const r = run(
      [
        '  la a0, text',
        '  call puts',
        '  li a0, 0x1234abcd',
        '  call print_hex',
        '  li a0, 10',
        '  call putchar',
        '  li a0, 9876543210',
        '  call print_dec',
        '  li a0, 0',
        '  call print_dec',
        '  la a0, text',
        '  li a1, 3',
        '  call sys_write',
        '  CHECK a0, 3',
        '  PASS',
        '  .data',
        'text: .string "hi: "',
      ].join('\n'),
    );
    expect(r).toMatchObject({ status: 'pass', console: 'hi: 0x000000001234abcd\n98765432100hi:' });
  });
});
