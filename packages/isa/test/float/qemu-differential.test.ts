// Differential test against RISC-V itself: fixtures/fp-oracle.c is compiled
// with Debian's riscv64 cross compiler and run under qemu-riscv64 on the same
// operands and rounding modes; every result bit and every fflags bit of both
// the fast and the reference implementation must match. Runs where the tools
// are installed (always in CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operands } from './arbitraries.js';
import { FLOAT_OPS, RMS, run, type FloatOp } from './float-ops.js';

const QEMU = '/usr/bin/qemu-riscv64';
const GCC = '/usr/bin/riscv64-linux-gnu-gcc';
const SOURCE = fileURLToPath(new URL('./fixtures/fp-oracle.c', import.meta.url));
const toolsExist = existsSync(QEMU) && existsSync(GCC);

/** Random operand tuples per operation and rounding mode. */
const RUNS = Number(process.env.RVHV_FLOAT_RUNS ?? 1500);

function seedOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

interface Case {
  rm: number;
  ops: bigint[];
}

function casesFor(op: FloatOp): Case[] {
  const samples = fc.sample(operands(op.args), { seed: seedOf(op.name) ^ Number(process.env.RVHV_FLOAT_SEED ?? 0), numRuns: RUNS });
  const rms = op.rounds ? RMS : [0];
  return rms.flatMap((rm) => samples.map((ops) => ({ rm, ops })));
}

const hex = (v: bigint): string => v.toString(16);

describe.runIf(toolsExist)('float module vs qemu-riscv64', () => {
  let dir = '';
  let oracle = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvhv-fp-oracle-'));
    oracle = join(dir, 'fp-oracle');
    const cc = spawnSync(GCC, ['-O2', '-static', '-o', oracle, SOURCE], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`cannot build the oracle: ${cc.stderr}`);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function runOracle(op: FloatOp, cases: Case[]): [bigint, number][] {
    const input = cases
      .map(({ rm, ops }) => `${op.name} ${rm} ${hex(ops[0]!)} ${hex(ops[1] ?? 0n)} ${hex(ops[2] ?? 0n)}\n`)
      .join('');
    const res = spawnSync(QEMU, [oracle], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (res.status !== 0) throw new Error(`oracle failed: ${res.stderr}`);
    const lines = res.stdout.trim().split('\n');
    expect(lines.length).toBe(cases.length);
    return lines.map((line) => {
      const [r, f] = line.split(' ');
      return [BigInt(`0x${r}`), parseInt(f!, 16)];
    });
  }

  for (const op of FLOAT_OPS) {
    it(`${op.name} matches bit for bit, flags included`, () => {
      const cases = casesFor(op);
      const expected = runOracle(op, cases);
      const mismatches: string[] = [];
      cases.forEach((c, i) => {
        const [want, wantFlags] = expected[i]!;
        for (const [label, impl] of [['fast', op.fast], ['slow', op.slow]] as const) {
          if (!impl) continue;
          const [got, flags] = run(impl, c.ops, c.rm);
          if (got !== want || flags !== wantFlags) {
            mismatches.push(
              `${label} ${op.name} rm=${c.rm} ${c.ops.map(hex).join(' ')}: got ${hex(got)}/${flags.toString(16)} want ${hex(want)}/${wantFlags.toString(16)}`,
            );
          }
        }
      });
      expect(mismatches.slice(0, 12)).toEqual([]);
    });
  }
});
