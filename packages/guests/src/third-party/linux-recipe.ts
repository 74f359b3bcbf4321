import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rvhvCacheDir } from './cache-dir.js';
import type { Ensured } from './ensured.js';

/**
 * rvhv's test kernel: Linux 6.1 from Debian's linux-source-6.1, configured
 * with tinyconfig plus the project's fragment, with the project's init
 * program as its whole initramfs. packages/guests/recipes/build-linux.sh
 * builds it; this module names the cache entry (a hash of everything that
 * goes into the kernel) and finds or builds it.
 */
export const LINUX_RECIPE_FILES = {
  script: fileURLToPath(new URL('../../recipes/build-linux.sh', import.meta.url)),
  config: fileURLToPath(new URL('../../linux/rvhv.config', import.meta.url)),
  init: fileURLToPath(new URL('../../linux/init.c', import.meta.url)),
} as const;

/** Debian packages whose contents end up in the kernel: their versions are part of the cache key. */
export const LINUX_BUILD_PACKAGES = ['linux-source-6.1', 'gcc-riscv64-linux-gnu', 'libc6-dev-riscv64-cross'] as const;

/** Everything the build needs (Debian 12 names). */
export const LINUX_BUILD_INSTALL =
  'apt-get install -y linux-source-6.1 gcc-riscv64-linux-gnu make gcc flex bison bc libssl-dev libelf-dev cpio xz-utils';

/** build-linux.sh's exit status when a tool or the kernel source is not installed. */
const MISSING_TOOLS_EXIT = 3;

/** The command that builds (once) and caches the kernel. */
export const PREPARE_GUESTS_COMMAND = 'pnpm --filter @rvhv/guests prepare-guests';

export interface LinuxRecipeInputs {
  /** Contents of the recipe script, the config fragment and the init source. */
  readonly sources: readonly string[];
  /** `package=version` of each of LINUX_BUILD_PACKAGES. */
  readonly packageVersions: readonly string[];
}

/** The cache entry's name part: 12 hex digits of a SHA-256 over the inputs. */
export function linuxRecipeHash(inputs: LinuxRecipeInputs): string {
  const hash = createHash('sha256');
  // Length-prefixed, so moving text from one input to the next changes the hash.
  for (const part of [...inputs.sources, ...inputs.packageVersions]) hash.update(`${Buffer.byteLength(part)}:${part}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** The recipe's inputs on this machine, or what is missing to build at all. */
export function readLinuxRecipeInputs(): Ensured<LinuxRecipeInputs> {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package}=${Version}\\n', ...LINUX_BUILD_PACKAGES], { encoding: 'utf8' });
  const packageVersions = (query.stdout ?? '').split('\n').filter((line) => line.length > 0);
  const installed = new Set(packageVersions.map((line) => line.split('=')[0]));
  const absent = LINUX_BUILD_PACKAGES.filter((name) => !installed.has(name));
  if (query.error || absent.length > 0) {
    return { ok: false, missing: `Debian packages ${absent.join(', ') || LINUX_BUILD_PACKAGES.join(', ')}`, install: LINUX_BUILD_INSTALL };
  }
  const sources = [LINUX_RECIPE_FILES.script, LINUX_RECIPE_FILES.config, LINUX_RECIPE_FILES.init].map((path) => readFileSync(path, 'utf8'));
  return { ok: true, sources, packageVersions };
}

/** The files of one cache entry (see build-linux.sh). */
export interface LinuxFiles {
  readonly dir: string;
  /** The kernel to boot: RISC-V Linux `Image` (loads at RAM start + 2 MiB). */
  readonly image: string;
  readonly vmlinux: string;
  readonly systemMap: string;
  /** The final .config. */
  readonly config: string;
  /** The static init program, as built into the initramfs. */
  readonly init: string;
  readonly buildInfo: string;
}

export function linuxFilesIn(dir: string): LinuxFiles {
  return {
    dir,
    image: join(dir, 'Image'),
    vmlinux: join(dir, 'vmlinux'),
    systemMap: join(dir, 'System.map'),
    config: join(dir, 'config'),
    init: join(dir, 'init'),
    buildInfo: join(dir, 'build-info.txt'),
  };
}

export interface LinuxCacheOptions {
  /** Environment for the cache location (RVHV_CACHE_DIR, XDG_CACHE_HOME, HOME); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Where this machine's build of the current recipe lives (whether or not it is built yet). */
export function linuxCacheEntry(options: LinuxCacheOptions = {}): Ensured<{ readonly dir: string; readonly hash: string }> {
  const inputs = readLinuxRecipeInputs();
  if (!inputs.ok) return inputs;
  const hash = linuxRecipeHash(inputs);
  return { ok: true, hash, dir: join(rvhvCacheDir(options.env), `linux-6.1-${hash}`) };
}

/** The cached kernel for the current recipe, without building it. */
export function ensureLinux(options: LinuxCacheOptions = {}): Ensured<LinuxFiles> {
  const entry = linuxCacheEntry(options);
  if (!entry.ok) return entry;
  const files = linuxFilesIn(entry.dir);
  if (!existsSync(files.image)) return { ok: false, missing: `a built Linux kernel (${files.image})`, install: PREPARE_GUESTS_COMMAND };
  return { ok: true, ...files };
}

export interface PrepareLinuxOptions extends LinuxCacheOptions {
  /** 'inherit' shows the recipe's progress on this process's terminal; 'pipe' keeps it quiet. */
  readonly stdio?: 'inherit' | 'pipe';
  /** make -j; default 2 (these machines have 2 cores). */
  readonly jobs?: number;
}

/** The cached kernel, built first if it is not cached (a few minutes, once per recipe change). */
export function prepareLinux(options: PrepareLinuxOptions = {}): Ensured<LinuxFiles> {
  const entry = linuxCacheEntry(options);
  if (!entry.ok) return entry;
  const env = { ...(options.env ?? process.env), RVHV_JOBS: String(options.jobs ?? 2) };
  const run = spawnSync('bash', [LINUX_RECIPE_FILES.script, entry.dir], { env, stdio: options.stdio ?? 'pipe', encoding: 'utf8' });
  if (run.status !== 0) {
    const why = run.error ? run.error.message : (run.stderr ?? '').trim().split('\n').slice(-3).join(' / ') || `exit ${run.status}`;
    // Exit 3 is the script's "a tool or the source is missing"; anything else is a failed build.
    const install = run.status === MISSING_TOOLS_EXIT ? LINUX_BUILD_INSTALL : `${PREPARE_GUESTS_COMMAND} (after fixing the build: see ${entry.dir}.tmp/build.log)`;
    return { ok: false, missing: `a built Linux kernel (build-linux.sh failed: ${why})`, install };
  }
  return ensureLinux(options);
}
