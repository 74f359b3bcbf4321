/** Node's file errors, in words: "no such file" rather than a stack trace. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
    EROFS: 'read-only file system',
    EBUSY: 'the file is busy',
  };
  const reason = typeof code === 'string' ? reasons[code] : undefined;
  return reason ?? (error instanceof Error ? error.message : String(error));
}
