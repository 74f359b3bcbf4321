import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where built third-party guests are cached, outside the repository:
 * `$RVHV_CACHE_DIR` if set, else `${XDG_CACHE_HOME:-~/.cache}/rvhv` (the XDG
 * base directory convention).
 */
export function rvhvCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RVHV_CACHE_DIR) return env.RVHV_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'rvhv');
}
