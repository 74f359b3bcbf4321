import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferedConsole } from '@rvhv/devices';
import { runElfAsync } from '@rvhv/machine';
import { BARE_GCC, buildBareC, buildLinuxC, C_RUNTIME_DIR, LINUX_GCC, QEMU_USER, toolAvailable } from '../src/index.js';

/**
 * rvhv against a reference someone else wrote: the C programs of src/c/
 * (integer and floating-point results, exception flags, rounding modes) are
 * built twice at test time, bare for rvhv (riscv64-unknown-elf-gcc + the
 * project's crt0 and HTIF runtime) and static Linux for Debian's
 * qemu-riscv64 (riscv64-linux-gnu-gcc), and their outputs must agree line
 * by line. CI installs the tools (.ci/run).
 */
const available = [BARE_GCC, LINUX_GCC, QEMU_USER].every(toolAvailable);

/** The first few differing lines, for a readable failure. */
function differences(expected: readonly string[], actual: readonly string[], limit = 15): string[] {
  const out: string[] = [];
  const n = Math.max(expected.length, actual.length);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (expected[i] === actual[i]) continue;
    count++;
    if (out.length < limit) out.push(`line ${i + 1}:\n  qemu-riscv64: ${expected[i] ?? '(missing)'}\n  rvhv:         ${actual[i] ?? '(missing)'}`);
  }
  if (count > limit) out.push(`... ${count - limit} more differing lines`);
  return out;
}

describe.runIf(available)('differential: rvhv and qemu-riscv64 run the same C program', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rvhv-differential-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['int', 'float'])('differential-%s.c: every line agrees', async (part) => {
    const source = join(C_RUNTIME_DIR, `differential-${part}.c`);
    const bare = join(dir, `${part}.elf`);
    const linux = join(dir, `${part}.linux`);
    const builtBare = buildBareC({ sources: [source], output: bare });
    expect(builtBare.ok, builtBare.ok ? '' : builtBare.error).toBe(true);
    const builtLinux = buildLinuxC({ sources: [source], output: linux, flags: [`-I${C_RUNTIME_DIR}`] });
    expect(builtLinux.ok, builtLinux.ok ? '' : builtLinux.error).toBe(true);

    const qemu = spawnSync(QEMU_USER, [linux], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(qemu.status, qemu.stderr).toBe(0);
    const expected = qemu.stdout.split('\n');
    expect(expected.at(-2)).toBe('end');

    const console = new BufferedConsole();
    const result = await runElfAsync(new Uint8Array(readFileSync(bare)), { console, maxInstructions: 2_000_000_000 });
    const actual = console.text().split('\n');
    const diff = differences(expected, actual);
    // A bare C guest that traps exits with code 1000 + mcause (crt0.S).
    const trapped = result.status === 'fail' && result.code >= 1000 ? ` (a trap: mcause ${result.code - 1000})` : '';
    expect(diff, `${result.message}${trapped}\n${diff.join('\n')}`).toEqual([]);
    expect(result.status, result.message).toBe('pass');
  });
});
