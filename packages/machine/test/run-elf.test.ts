import { describe, expect, it } from 'vitest';
import { BufferedConsole } from '@rvhv/devices';
import { formatTraceEvent, runElf, type TraceEvent } from '../src/index.js';
import { buildElf, encode, FENCE } from './helpers/build-elf.js';

/** Enough fences to outlast the runner's first look at tohost. */
const FENCES = Array<number>(2048).fill(FENCE);
const small = { ramSize: 0x10_0000 };

describe('runElf', () => {
  it('passes when tohost holds 1', () => {
    const result = runElf(buildElf({ code: FENCES, tohost: 1n }), small);
    expect(result.status).toBe('pass');
    expect(result.code).toBe(0);
    expect(result.instructions).toBeGreaterThan(0);
    expect(result.instructions).toBeLessThan(2048);
    expect(result.message).toMatch(/^PASS/);
    expect(result.warnings).toEqual([]);
  });

  it('fails with code value >> 1 for another odd value', () => {
    const result = runElf(buildElf({ code: FENCES, tohost: 7n }), small);
    expect(result).toMatchObject({ status: 'fail', code: 3 });
    expect(result.message).toMatch(/^FAIL: exit code 3/);
  });

  it('sends HTIF console output to the console port', () => {
    const console = new BufferedConsole();
    const putc = (1n << 56n) | (1n << 48n) | 0x41n;
    const result = runElf(buildElf({ code: FENCES, tohost: putc }), { ...small, console, maxInstructions: 2000 });
    expect(console.text()).toBe('A');
    expect(result.status).toBe('timeout');
  });

  it('times out after maxInstructions, and warns when there is no tohost', () => {
    const result = runElf(buildElf({ code: FENCES, tohost: 'none' }), { ...small, maxInstructions: 100 });
    expect(result).toMatchObject({ status: 'timeout', code: -1, instructions: 100, pc: 0x8000_0000 + 400 });
    expect(result.message).toBe('TIMEOUT after 100 instructions at pc 0x80000190');
    expect(result.warnings[0]).toMatch(/no tohost symbol/);
  });

  it('reports an error instead of spinning when the hart fetches from outside memory', () => {
    // An illegal instruction traps to mtvec = 0 (its reset value), where nothing answers.
    const result = runElf(buildElf({ code: [0], tohost: 0n }), small);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/fetching from 0x0, outside memory/);
  });

  it('reports an error when the hart waits for an interrupt nothing can raise', () => {
    const result = runElf(buildElf({ code: [encode('wfi'), ...FENCES], tohost: 0n }), small);
    expect(result.status).toBe('error');
    expect(result.instructions).toBe(1);
    expect(result.message).toMatch(/waits for an interrupt/);
  });

  it('reports a malformed image as an error without running', () => {
    const result = runElf(new Uint8Array([0x7f, 0x45, 0x4c]), small);
    expect(result).toMatchObject({ status: 'error', instructions: 0 });
    expect(result.message).toMatch(/^malformed ELF/);
  });

  it('traces every instruction and trap', () => {
    const events: TraceEvent[] = [];
    const code = [FENCE, encode('ecall'), 0, FENCE];
    const result = runElf(buildElf({ code, tohost: 0n }), { ...small, trace: (e) => events.push(e), maxInstructions: 3 });
    expect(result.instructions).toBe(3);
    const lines = events.map(formatTraceEvent);
    expect(lines[0]).toBe('0x0000000080000000 (0x0ff0000f) fence');
    expect(lines[1]).toBe('0x0000000080000004 (0x00000073) ecall');
    expect(lines[2]).toBe('  trap to M: exception 11, epc 0x80000004, tval 0x0');
    expect(lines[3]).toBe('0x0000000000000000 (not in RAM)');
    expect(lines[4]).toBe('  trap to M: exception 1, epc 0x0, tval 0x0');
  });
});
