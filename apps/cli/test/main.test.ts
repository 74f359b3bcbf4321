import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the CLI the way `pnpm rvhv` does: from source, with the source condition. */
function rvhv(...args: string[]) {
  return spawnSync(process.execPath, ['--conditions=@rvhv/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('main.ts (the rvhv process)', () => {
  it('reports a missing file in one line with exit status 2, without a stack trace', () => {
    const r = rvhv('run', 'no/such/prog.elf');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('rvhv: cannot read no/such/prog.elf: no such file\n');
    expect(r.stdout).toBe('');
  });

  it('prints the help', () => {
    const r = rvhv('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
  });
});
