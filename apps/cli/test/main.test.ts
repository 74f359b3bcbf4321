import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '@rvhv/isa';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI the way `pnpm rvhv` does: from source, with the source
 * condition. Asynchronous, so the test worker stays responsive while the
 * child starts (a blocking spawn starves vitest's RPC on a loaded machine).
 * `interact` sees standard output as it comes and may type on standard input.
 */
function rvhv(args: string[], interact?: (stdout: string, type: (text: string) => void) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@rvhv/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    const type = (text: string): void => void child.stdin.write(text);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      interact?.(stdout, type);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    if (interact === undefined) child.stdin.end();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'rvhv-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function programFile(name: string, source: string): string {
  const result = assemble(`  .text\n  .globl _start\n_start:\n${source}`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
  const path = join(dir, name);
  writeFileSync(path, result.elf);
  return path;
}

const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin';

describe('main.ts (the rvhv process)', () => {
  it('reports a missing file in one line with exit status 2, without a stack trace', async () => {
    const r = await rvhv(['run', 'no/such/prog.elf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('rvhv: cannot read no/such/prog.elf: no such file\n');
    expect(r.stdout).toBe('');
  });

  it('prints the help', async () => {
    const r = await rvhv(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('-M, -machine virt');
  });

  it('reports bad virt board input in one line with exit status 2', async () => {
    const r = await rvhv(['-M', 'virt', '-bios', 'none', '-kernel', 'no/such/Image']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('rvhv: -kernel no/such/Image: cannot read it: no such file\n');
  });

  it("exits with the guest's poweroff code", async () => {
    const path = programFile('fail42.elf', `
  li t0, 0x100000
  li t1, (42 << 16) | 0x3333
  sw t1, 0(t0)
1:
  j 1b
`);
    const r = await rvhv(['-M', 'virt', '-nographic', '-bios', path]);
    expect(r.status).toBe(42);
    expect(r.stderr).toMatch(/^rvhv: the guest powered off with code 42 \[/);
  });

  it.runIf(existsSync(FW_JUMP))('boots OpenSBI, whose banner reaches stdout, and quits on Ctrl-A x with status 0', async () => {
    let typed = false;
    const r = await rvhv(['-M', 'virt', '-nographic', '-bios', FW_JUMP], (stdout, type) => {
      if (!typed && stdout.includes('Boot HART MEDELEG')) {
        typed = true;
        type('\x01x');
      }
    });
    expect(r.stdout).toContain('OpenSBI v');
    expect(r.stdout).toMatch(/Platform Name\s+: riscv-virtio,qemu/);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/rvhv: terminated \(Ctrl-A x\) \[/);
  });
});
