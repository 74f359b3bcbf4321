import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { WriteBackBlockBackend, type BlockBackend } from '@rvhv/devices';
import type { HostDisk } from './cli-io.js';

/**
 * A raw disk image file as a block backend: reads and writes at byte
 * offsets of the file, flush is fsync. Host I/O errors are `false` (the
 * guest sees an I/O error), never exceptions.
 */
export class FileBlockBackend implements BlockBackend {
  readonly size: number;
  readonly readOnly: boolean;
  private fd: number | undefined;

  /** Opens the file; throws Node's error (ENOENT, EACCES, EISDIR...) when it cannot. */
  constructor(path: string, options: { readonly readOnly: boolean }) {
    this.readOnly = options.readOnly;
    const fd = openSync(path, options.readOnly ? 'r' : 'r+');
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      this.size = stat.size;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    this.fd = fd;
  }

  read(offset: number, into: Uint8Array): boolean {
    if (this.fd === undefined || offset < 0 || offset + into.length > this.size) return false;
    try {
      let done = 0;
      while (done < into.length) {
        const n = readSync(this.fd, into, done, into.length - done, offset + done);
        if (n === 0) return false;
        done += n;
      }
      return true;
    } catch {
      return false;
    }
  }

  write(offset: number, bytes: Uint8Array): boolean {
    if (this.fd === undefined || this.readOnly || offset < 0 || offset + bytes.length > this.size) return false;
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
      return true;
    } catch {
      return false;
    }
  }

  flush(): boolean {
    if (this.fd === undefined) return false;
    if (this.readOnly) return true;
    try {
      fsyncSync(this.fd);
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * A disk image file behind a write-back cache: the guest's writes reach the
 * file when it flushes (virtio-blk's volatile write cache, VIRTIO_BLK_F_FLUSH),
 * and what is left is written when rvhv ends, as QEMU does at exit.
 */
export function openFileDisk(path: string, options: { readonly readOnly: boolean }): HostDisk {
  const file = new FileBlockBackend(path, options);
  const cache = new WriteBackBlockBackend(file);
  return {
    get size() {
      return cache.size;
    },
    get readOnly() {
      return cache.readOnly;
    },
    read: (offset, into) => cache.read(offset, into),
    write: (offset, bytes) => cache.write(offset, bytes),
    flush: () => cache.flush(),
    discard: (offset, length) => cache.discard(offset, length),
    close: () => {
      cache.flush();
      file.close();
    },
  };
}
