import { describe, expect, it } from 'vitest';
import { parseLinuxImage } from '../../src/index.js';
import { linuxImage } from './helpers/program.js';

describe('parseLinuxImage', () => {
  it('reads text_offset, image_size and the version of a good header', () => {
    const r = parseLinuxImage(linuxImage({ textOffset: 0x200000n, imageSize: 0x1234000n }));
    expect(r).toEqual({ kind: 'image', header: { textOffset: 0x200000, imageSize: 0x1234000, version: { major: 0, minor: 2 } } });
  });

  it('accepts the deprecated magic alone (headers before 0.2) and image_size 0 as "the file"', () => {
    const r = parseLinuxImage(linuxImage({ magic2: false, imageSize: 0n, length: 8192 }));
    expect(r).toMatchObject({ kind: 'image', header: { imageSize: 8192 } });
  });

  it('calls a file without either magic not an Image (it is loaded raw, as QEMU does)', () => {
    expect(parseLinuxImage(new Uint8Array(4096).fill(0x13))).toEqual({ kind: 'not-image' });
    expect(parseLinuxImage(new Uint8Array(10))).toEqual({ kind: 'not-image' });
  });

  it.each([
    ['a truncated header', linuxImage({ length: 60 }), /truncated: the file is 60 bytes, the header 64/],
    ['a big-endian kernel', linuxImage({ flags: 1n }), /big-endian/],
    ['a text_offset that is not 4 KiB aligned', linuxImage({ textOffset: 0x200010n }), /text_offset 0x200010 is not 4 KiB aligned/],
    ['an image_size smaller than the file', linuxImage({ imageSize: 100n }), /image_size 100 is smaller than the file \(4096 bytes\)/],
    ['an absurd image_size', linuxImage({ imageSize: 1n << 60n }), /image_size 0x1000000000000000 is too large/],
  ])('rejects %s', (_what, bytes, message) => {
    const r = parseLinuxImage(bytes);
    expect(r.kind).toBe('bad-header');
    if (r.kind === 'bad-header') expect(r.error).toMatch(message);
  });
});
