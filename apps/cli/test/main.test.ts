import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
 */
function rvhv(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@rvhv/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('main.ts (the rvhv process)', () => {
  it('reports a missing file in one line with exit status 2, without a stack trace', async () => {
    const r = await rvhv('run', 'no/such/prog.elf');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('rvhv: cannot read no/such/prog.elf: no such file\n');
    expect(r.stdout).toBe('');
  });

  it('prints the help', async () => {
    const r = await rvhv('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
  });
});
