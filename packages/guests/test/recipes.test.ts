import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTestDisk,
  describeMissing,
  ensureLinux,
  ensureOpenSbi,
  ensureUBoot,
  LINUX_RECIPE_FILES,
  linuxCacheEntry,
  linuxRecipeHash,
  kernelTrouble,
  parseInitReport,
  prepareLinux,
  PREPARE_GUESTS_COMMAND,
  qemuVirtArgs,
  readDiskBytes,
  runConsoleScript,
  rvhvCacheDir,
  testDiskHasInitPattern,
  testDiskPattern,
  TEST_DISK_BLOCK,
  TEST_DISK_BYTES,
  TEST_DISK_SIGNATURE,
  uBootConsoleSession,
  type ConsoleEndpoint,
} from '../src/index.js';

const ok = (command: string, args: readonly string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const installed = (debianPackage: string): boolean => ok('dpkg-query', ['-W', debianPackage]);
const tmp = mkdtempSync(join(tmpdir(), 'rvhv-recipes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cache location', () => {
  it('is $RVHV_CACHE_DIR, else $XDG_CACHE_HOME/rvhv, else ~/.cache/rvhv', () => {
    expect(rvhvCacheDir({ RVHV_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c');
    expect(rvhvCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/rvhv');
    expect(rvhvCacheDir({ XDG_CACHE_HOME: '', HOME: '/h' })).toBe('/h/.cache/rvhv');
  });
});

describe('Linux recipe cache key', () => {
  const inputs = { sources: ['script', 'config', 'init'], packageVersions: ['linux-source-6.1=6.1.1-1'] };

  it('is 12 hex digits, the same for the same inputs', () => {
    expect(linuxRecipeHash(inputs)).toMatch(/^[0-9a-f]{12}$/);
    expect(linuxRecipeHash({ ...inputs })).toBe(linuxRecipeHash(inputs));
  });

  it('changes with any source, any package version, and with text moved between inputs', () => {
    const base = linuxRecipeHash(inputs);
    expect(linuxRecipeHash({ ...inputs, sources: ['script', 'config', 'init2'] })).not.toBe(base);
    expect(linuxRecipeHash({ ...inputs, packageVersions: ['linux-source-6.1=6.1.1-2'] })).not.toBe(base);
    expect(linuxRecipeHash({ ...inputs, sources: ['scriptc', 'onfig', 'init'] })).not.toBe(base);
  });
});

describe('missing third-party files are values naming the install command', () => {
  it('OpenSBI', () => {
    const result = ensureOpenSbi('fw_jump', { root: join(tmp, 'nowhere') });
    expect(result).toEqual({ ok: false, missing: join(tmp, 'nowhere', '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin'), install: 'apt-get install -y opensbi' });
    if (!result.ok) expect(describeMissing(result)).toContain('install it with: apt-get install -y opensbi');
  });

  it('U-Boot', () => {
    expect(ensureUBoot('qemu-riscv64_smode', { root: join(tmp, 'nowhere') })).toMatchObject({ ok: false, install: 'apt-get install -y u-boot-qemu' });
  });

  it.runIf(installed('linux-source-6.1'))('a kernel that is not built yet names the prepare command', () => {
    const env = { ...process.env, RVHV_CACHE_DIR: join(tmp, 'empty-cache') };
    const entry = linuxCacheEntry({ env });
    expect(entry.ok && entry.dir).toMatch(new RegExp(`^${join(tmp, 'empty-cache')}/linux-6\\.1-[0-9a-f]{12}$`));
    expect(ensureLinux({ env })).toMatchObject({ ok: false, install: PREPARE_GUESTS_COMMAND });
  });

  it.runIf(installed('linux-source-6.1'))('a build without the kernel source says which packages to install', () => {
    const env = { ...process.env, RVHV_CACHE_DIR: join(tmp, 'no-source'), RVHV_LINUX_TARBALL: join(tmp, 'absent.tar.xz') };
    const result = prepareLinux({ env });
    expect(result).toMatchObject({ ok: false, install: expect.stringContaining('apt-get install -y linux-source-6.1') });
    if (!result.ok) expect(result.missing).toContain('absent.tar.xz');
    expect(ensureLinux({ env }).ok).toBe(false);
  });
});

describe.runIf(installed('opensbi') && installed('u-boot-qemu'))("Debian's firmware files", () => {
  it.each(['fw_dynamic', 'fw_jump'] as const)('OpenSBI %s is found, .bin and .elf', (firmware) => {
    const result = ensureOpenSbi(firmware);
    expect(result).toMatchObject({ ok: true, bin: `/usr/lib/riscv64-linux-gnu/opensbi/generic/${firmware}.bin` });
    if (result.ok) expect(readFileSync(result.elf).subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'));
  });

  it('U-Boot for qemu-riscv64_smode is found', () => {
    expect(ensureUBoot()).toMatchObject({ ok: true, bin: '/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin', elf: '/usr/lib/u-boot/qemu-riscv64_smode/uboot.elf' });
  });
});

describe("the kernel's config fragment", () => {
  const fragment = readFileSync(LINUX_RECIPE_FILES.config, 'utf8');
  const settings = fragment.split('\n').filter((line) => /^CONFIG_\w+=/.test(line));

  it('asks for what the test kernel needs on the virt board', () => {
    const wanted = ['64BIT', 'SMP', 'MMU', 'RISCV_SBI', 'FPU', 'SERIAL_8250', 'SERIAL_8250_CONSOLE', 'SERIAL_OF_PLATFORM', 'VIRTIO_MMIO', 'VIRTIO_BLK', 'HW_RANDOM_VIRTIO', 'RTC_DRV_GOLDFISH', 'POWER_RESET_SYSCON', 'POWER_RESET_SYSCON_POWEROFF', 'BLK_DEV_INITRD', 'PROC_FS', 'SYSFS', 'DEVTMPFS', 'PRINTK', 'TTY'];
    for (const name of wanted) expect(settings).toContain(`CONFIG_${name}=y`);
    expect(fragment).toContain('# CONFIG_MODULES is not set');
    expect(fragment).toContain('# CONFIG_NET is not set');
  });

  it('sets each option once, and leaves the initramfs path to the recipe', () => {
    const names = settings.map((line) => line.split('=')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('CONFIG_INITRAMFS_SOURCE');
  });
});

describe('build-linux.sh', () => {
  it('names what is missing and exits 3 when the kernel source is not there', () => {
    const run = spawnSync('bash', [LINUX_RECIPE_FILES.script, join(tmp, 'script-cache', 'linux-x')], {
      encoding: 'utf8',
      env: { ...process.env, RVHV_LINUX_TARBALL: join(tmp, 'absent.tar.xz') },
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`missing: ${join(tmp, 'absent.tar.xz')}`);
    expect(run.stderr).toContain('install with: apt-get install -y linux-source-6.1');
    expect(existsSync(join(tmp, 'script-cache', 'linux-x'))).toBe(false);
  });
});

const userTools = ok('riscv64-linux-gnu-gcc', ['--version']) && ok('qemu-riscv64', ['--version']);

describe.runIf(userTools)('the init program, built as the recipe builds it, under qemu-riscv64 (user mode)', () => {
  const init = join(tmp, 'init');
  const cc = spawnSync('riscv64-linux-gnu-gcc', ['-static', '-O2', '-ffp-contract=off', '-Wall', '-Wextra', '-Werror', '-s', '-o', init, LINUX_RECIPE_FILES.init, '-lm'], { encoding: 'utf8' });

  it('compiles without warnings', () => {
    expect(cc.stderr).toBe('');
    expect(cc.status).toBe(0);
  });

  it('as the exec\'d child: greets and passes its floating-point checks (exit 42)', () => {
    const run = spawnSync('qemu-riscv64', [init, 'child'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/^rvhv-init: child: hello from pid \d+ \(parent \d+\), exec'd with "child"\n$/);
    expect(run.status).toBe(42);
  });

  it('refuses to run as anything but PID 1, after its first line', () => {
    const run = spawnSync('qemu-riscv64', [init], { encoding: 'utf8' });
    expect(run.stdout.split('\n')[0]).toBe('rvhv-init: started');
    expect(run.stdout).toContain('rvhv-init: FAIL: not PID 1');
    expect(run.status).toBe(2);
  });
});

describe('init report', () => {
  const transcript = [
    '[    0.1] Linux version 6.1',
    'rvhv-init: started\r',
    'rvhv-init: cpus online: 2',
    '[    0.5] virtio_blk virtio0: [vda] 2048 512-byte logical blocks',
    `rvhv-init: ok: disk block 0 starts "${TEST_DISK_SIGNATURE}"`,
    'rvhv-init: ok: mount proc on /proc',
    'rvhv-init: skip: disk (/dev/vdb: No such file)',
    'rvhv-init: FAIL: SIGALRM handler ran after setitimer (errno 4: Interrupted system call)',
    'rvhv-init: FAILED (1 checks)',
  ].join('\n');

  it('collects the checks, the cpu count and the disk signature', () => {
    expect(parseInitReport(transcript)).toEqual({
      started: true,
      finished: true,
      allOk: false,
      passed: [`disk block 0 starts "${TEST_DISK_SIGNATURE}"`, 'mount proc on /proc'],
      failed: ['SIGALRM handler ran after setitimer (errno 4: Interrupted system call)'],
      skipped: ['disk (/dev/vdb: No such file)'],
      cpusOnline: 2,
      diskBlock0: TEST_DISK_SIGNATURE,
    });
  });

  it('picks out kernel warnings, oopses and panics', () => {
    const log = '[    0.1] ok line\r\n[    0.2] WARNING: CPU: 0 PID: 1 at mm/x.c:1\n[    0.3] Unable to handle kernel paging request at virtual address 0\n[    0.4] Kernel panic - not syncing: Attempted to kill init!\n';
    expect(kernelTrouble(log)).toEqual([
      '[    0.2] WARNING: CPU: 0 PID: 1 at mm/x.c:1',
      '[    0.3] Unable to handle kernel paging request at virtual address 0',
      '[    0.4] Kernel panic - not syncing: Attempted to kill init!',
    ]);
    expect(kernelTrouble(transcript)).toEqual([]);
  });

  it('knows a boot that never reached init', () => {
    expect(parseInitReport('OpenSBI v1.1\n')).toMatchObject({ started: false, finished: false, allOk: false, cpusOnline: undefined });
  });
});

describe('test disk', () => {
  it('has the signature in block 0 and zeros elsewhere', () => {
    const disk = join(tmp, 'disk.img');
    createTestDisk(disk);
    expect(Buffer.from(readDiskBytes(disk, 0, TEST_DISK_SIGNATURE.length)).toString('latin1')).toBe(TEST_DISK_SIGNATURE);
    expect(readDiskBytes(disk, TEST_DISK_BYTES - 16, 16)).toEqual(new Uint8Array(16));
    expect(testDiskHasInitPattern(disk)).toBe(false);
  });

  it("recognises init.c's pattern in block 1 (text, then (i * 31 + 7) & 0xff)", () => {
    const pattern = testDiskPattern();
    expect(Buffer.from(pattern.subarray(0, 27)).toString('latin1')).toBe('rvhv-init wrote this block\n');
    expect(pattern[27]).toBe((27 * 31 + 7) & 0xff);
    expect(pattern[TEST_DISK_BLOCK - 1]).toBe(((TEST_DISK_BLOCK - 1) * 31 + 7) & 0xff);
    const disk = join(tmp, 'written.img');
    createTestDisk(disk);
    const bytes = readFileSync(disk);
    bytes.set(pattern, TEST_DISK_BLOCK);
    writeFileSync(disk, bytes);
    expect(testDiskHasInitPattern(disk)).toBe(true);
  });
});

/** A console that answers typed lines from a table, for the script driver. */
function fakeConsole(banner: string, answers: Readonly<Record<string, string>>): ConsoleEndpoint & { typed: string[]; end(): void } {
  let output: (text: string) => void = () => {};
  let ended: () => void = () => {};
  const typed: string[] = [];
  return {
    typed,
    onOutput: (listener) => {
      output = listener;
      queueMicrotask(() => output(banner));
    },
    onEnd: (listener) => (ended = listener),
    send: (text) => {
      typed.push(text);
      const answer = answers[text];
      if (answer !== undefined) setTimeout(() => output(answer), 1);
    },
    end: () => ended(),
  };
}

describe('console script', () => {
  it('types each line after the previous output, in order', async () => {
    const console = fakeConsole('boot...\n=> ', { 'a\n': 'a\nfirst\n=> ', 'b\n': 'b\nsecond\n=> ' });
    const result = await runConsoleScript(console, [{ expect: ['=> '] }, { send: 'a\n', expect: ['first', '=> '] }, { send: 'b\n', expect: [/sec.nd/, '=> '] }], { timeoutMs: 5000 });
    expect(result).toEqual({ ok: true, transcript: 'boot...\n=> a\nfirst\n=> b\nsecond\n=> ' });
    expect(console.typed).toEqual(['a\n', 'b\n']);
  });

  it('fails at the first pattern that does not come, naming it', async () => {
    const console = fakeConsole('=> ', { 'a\n': 'a\nwrong\n=> ' });
    const result = await runConsoleScript(console, [{ expect: ['=> '] }, { send: 'a\n', expect: ['right', '=> '] }], { timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.failure).toEqual({ step: 1, pattern: 'right', reason: 'timeout' });
  });

  it('does not match the same output twice', async () => {
    const console = fakeConsole('=> ', {});
    const result = await runConsoleScript(console, [{ expect: ['=> '] }, { expect: ['=> '] }], { timeoutMs: 100 });
    expect(result.failure).toEqual({ step: 1, pattern: '=> ', reason: 'timeout' });
  });

  it('stops when the console ends', async () => {
    const console = fakeConsole('', {});
    const pending = runConsoleScript(console, [{ expect: ['never'] }], { timeoutMs: 5000 });
    console.end();
    expect((await pending).failure).toEqual({ step: 0, pattern: 'never', reason: 'ended' });
  });
});

describe('U-Boot session', () => {
  it("recognises the signature in U-Boot's md.b format", () => {
    const mdStep = uBootConsoleSession().find((step) => step.send?.startsWith('md.b'));
    const line = '84000000: 52 56 48 56 20 74 65 73 74 20 64 69 73 6b 20 76  RVHV test disk v';
    expect(mdStep?.expect[0]).toBeInstanceOf(RegExp);
    expect((mdStep?.expect[0] as RegExp).test(line)).toBe(true);
    expect((mdStep?.expect[0] as RegExp).test(line.replace('52 56', '52 57'))).toBe(false);
  });

  it('ends every command step at the prompt', () => {
    const commands = uBootConsoleSession().filter((step) => step.send?.endsWith('\n') && step.send !== 'poweroff\n');
    expect(commands.map((step) => step.send)).toEqual(['version\n', 'sbi\n', 'virtio scan\n', 'virtio info\n', 'virtio read 0x84000000 0 1\n', 'md.b 0x84000000 0x20\n', 'mw.b 0x84100000 0x5a 0x200\n', 'virtio write 0x84100000 0x10 1\n']);
    for (const step of commands) expect(step.expect.at(-1)).toBe('=> ');
  });
});

describe('QEMU command line', () => {
  it('is the virt board, console on stdio, no reboot, the disk as virtio-blk', () => {
    expect(qemuVirtArgs({ bios: 'fw.bin', kernel: 'Image', harts: 2, disk: 'd.img', append: 'console=ttyS0' })).toEqual([
      '-M', 'virt', '-smp', '2', '-m', '256M', '-nographic', '-no-reboot', '-bios', 'fw.bin', '-kernel', 'Image',
      '-drive', 'file=d.img,format=raw,if=none,id=hd0', '-device', 'virtio-blk-device,drive=hd0', '-append', 'console=ttyS0',
    ]);
  });
});
