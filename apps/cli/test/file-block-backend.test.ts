import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileBlockBackend, openFileDisk } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rvhv-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function image(name: string, bytes = 4096): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 0xee));
  return path;
}

describe('disk images on the host', () => {
  it('reads and writes a file at byte offsets; flush is fsync', () => {
    const path = image('plain.img');
    const disk = new FileBlockBackend(path, { readOnly: false });
    expect(disk.size).toBe(4096);
    expect(disk.write(512, Uint8Array.of(1, 2, 3))).toBe(true);
    const back = new Uint8Array(4);
    expect(disk.read(511, back)).toBe(true);
    expect(back).toEqual(Uint8Array.of(0xee, 1, 2, 3));
    expect(disk.flush()).toBe(true);
    expect(disk.read(4095, new Uint8Array(2))).toBe(false);
    disk.close();
    expect(readFileSync(path)[513]).toBe(2);
  });

  it('puts the guest’s writes in the file when it flushes (write-back cache), and the rest at close', () => {
    const path = image('cached.img');
    const disk = openFileDisk(path, { readOnly: false });
    disk.write(0, new Uint8Array(512).fill(7));
    const seen = new Uint8Array(512);
    disk.read(0, seen);
    expect(seen[0]).toBe(7);
    expect(readFileSync(path)[0]).toBe(0xee);
    expect(disk.flush()).toBe(true);
    expect(readFileSync(path)[0]).toBe(7);
    disk.write(1024, new Uint8Array(512).fill(9));
    expect(readFileSync(path)[1024]).toBe(0xee);
    disk.close();
    expect(readFileSync(path)[1024]).toBe(9);
  });

  it('refuses writes to a read-only image', () => {
    const disk = openFileDisk(image('ro.img'), { readOnly: true });
    expect(disk.readOnly).toBe(true);
    expect(disk.write(0, new Uint8Array(512))).toBe(false);
    disk.close();
  });

  it("throws Node's errors for images that cannot be opened (the CLI words them)", () => {
    expect(() => new FileBlockBackend(join(dir, 'missing.img'), { readOnly: false })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => new FileBlockBackend(dir, { readOnly: true })).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
