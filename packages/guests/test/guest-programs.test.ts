import { describe, expect, it } from 'vitest';
import { BufferedConsole } from '@rvhv/devices';
import { runElf, type RunOptions } from '@rvhv/machine';
import { assembleGuest, GUEST_PROGRAMS } from '../src/index.js';

/** Assembles a guest with the project's assembler and runs it on the runner. */
function run(name: string, options: RunOptions = {}) {
  const assembled = assembleGuest(name);
  if (!assembled.ok) expect.fail(assembled.error);
  const console = new BufferedConsole();
  const result = runElf(assembled.elf, { console, maxInstructions: 50_000_000, ...options });
  return { result, console: console.text() };
}

/**
 * Every guest program of GUEST_PROGRAMS must pass. A failing program exits
 * with the number of the test case that failed and says so on its console.
 */
describe.each(GUEST_PROGRAMS)('guest program $name ($file)', (program) => {
  it('assembles and passes', () => {
    const { result, console } = run(program.name, { misaligned: program.misaligned ?? 'perform' });
    expect(result.status, `${result.message}\n${console}`).toBe('pass');
  });
});

describe('misaligned.S under both policies of the hart', () => {
  it.each([
    ['perform', 'misaligned accesses: performed\n'],
    ['trap', 'misaligned accesses: trapped\n'],
  ] as const)('passes with misaligned = %s and says so', (misaligned, says) => {
    const { result, console } = run('misaligned', { misaligned });
    expect(result.status, `${result.message}\n${console}`).toBe('pass');
    expect(console).toBe(says);
  });
});
