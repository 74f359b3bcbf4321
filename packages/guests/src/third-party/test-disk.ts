import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';

/**
 * The disk image the reference boots attach as virtio-blk: block 0 carries a
 * signature the guest prints (so the test sees the guest read the host's
 * bytes), block 1 receives the pattern rvhv-init writes (so the test sees the
 * guest's write reach the host). The pattern's formula is also in
 * packages/guests/linux/init.c (fill_pattern): keep the two the same.
 */
export const TEST_DISK_BYTES = 1024 * 1024;
export const TEST_DISK_SIGNATURE = 'RVHV test disk v1';
/** rvhv-init's block size for its disk check (a page, for O_DIRECT). */
export const TEST_DISK_BLOCK = 4096;
const PATTERN_TEXT = 'rvhv-init wrote this block\n';

/** Creates (or overwrites) a test disk: zeros, with the signature at offset 0. */
export function createTestDisk(path: string): void {
  const disk = Buffer.alloc(TEST_DISK_BYTES);
  disk.write(TEST_DISK_SIGNATURE, 0, 'latin1');
  writeFileSync(path, disk);
}

/** The block rvhv-init writes at offset TEST_DISK_BLOCK. */
export function testDiskPattern(): Uint8Array {
  const block = new Uint8Array(TEST_DISK_BLOCK);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
  block.set(Buffer.from(PATTERN_TEXT, 'latin1'), 0);
  return block;
}

/** Reads `length` bytes of a disk image at `offset`. */
export function readDiskBytes(path: string, offset: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Whether block 1 of the disk holds what rvhv-init writes there. */
export function testDiskHasInitPattern(path: string): boolean {
  return Buffer.from(readDiskBytes(path, TEST_DISK_BLOCK, TEST_DISK_BLOCK)).equals(testDiskPattern());
}
