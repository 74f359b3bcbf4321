import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Ensured } from './ensured.js';

/** Where to look for installed Debian files; `root` lets tests and unusual installs move the tree. */
export interface DebianFilesOptions {
  readonly root?: string;
}

/**
 * Checks that files of one Debian package are installed. `files` maps a
 * name to an absolute path as the package installs it.
 */
export function findDebianFiles<K extends string>(
  debianPackage: string,
  files: Readonly<Record<K, string>>,
  options: DebianFilesOptions = {},
): Ensured<Record<K, string>> {
  const found = {} as Record<K, string>;
  for (const key of Object.keys(files) as K[]) {
    const path = options.root ? join(options.root, files[key]) : files[key];
    if (!existsSync(path)) return { ok: false, missing: path, install: `apt-get install -y ${debianPackage}` };
    found[key] = path;
  }
  return { ok: true as const, ...found };
}
