/**
 * The header of a RISC-V Linux `Image` (Documentation/riscv/boot-image-header.rst):
 *
 *     0x00 code0, code1   u32 x2  executable code (a jump over the header)
 *     0x08 text_offset    u64     offset from the start of RAM to load at
 *     0x10 image_size     u64     bytes the kernel occupies once loaded (with .bss)
 *     0x18 flags          u64     bit 0: endianness (0 = little)
 *     0x20 version        u32     major << 16 | minor (0.2 today)
 *     0x24 res1           u32
 *     0x28 res2           u64
 *     0x30 magic          u64     "RISCV\0\0\0" (deprecated since 0.2)
 *     0x38 magic2         u32     "RSC\x05"
 *     0x3c res3           u32     PE/COFF header offset (EFI stub)
 */
export const LINUX_IMAGE_HEADER = {
  size: 64,
  textOffset: 0x08,
  imageSize: 0x10,
  flags: 0x18,
  version: 0x20,
  magic: 0x30,
  magic2: 0x38,
  /** "RSC\x05" little-endian. */
  magic2Value: 0x0543_5352,
  /** "RISCV" as the low five bytes of a little-endian u64. */
  magicText: 'RISCV',
  /** flags bit 0: the kernel is big-endian. */
  flagBigEndian: 1,
} as const;

/** Load alignment of an RV64 kernel: a PMD, 2 MiB (Linux arch/riscv: the kernel is mapped with huge pages). */
export const LINUX_IMAGE_ALIGN = 2 * 1024 * 1024;

export interface LinuxImageHeader {
  readonly textOffset: number;
  /** Bytes the kernel occupies in memory (at least the file's length). */
  readonly imageSize: number;
  readonly version: { readonly major: number; readonly minor: number };
}

export type ParseLinuxImageResult =
  | { readonly kind: 'image'; readonly header: LinuxImageHeader }
  | { readonly kind: 'not-image' }
  | { readonly kind: 'bad-header'; readonly error: string };

/** Whether the bytes carry either Image magic (so they are meant to be an Image, good header or not). */
function hasMagic(bytes: Uint8Array): boolean {
  const at = (offset: number, length: number): string => String.fromCharCode(...bytes.subarray(offset, offset + length));
  const magic2 =
    bytes.length >= LINUX_IMAGE_HEADER.magic2 + 4 &&
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(LINUX_IMAGE_HEADER.magic2, true) === LINUX_IMAGE_HEADER.magic2Value;
  const magic = bytes.length >= LINUX_IMAGE_HEADER.magic + 5 && at(LINUX_IMAGE_HEADER.magic, 5) === LINUX_IMAGE_HEADER.magicText;
  return magic2 || magic;
}

/**
 * Reads the Image header of a kernel file. Files without the magic are not
 * Images (the caller loads them as raw binaries, as QEMU does); files with
 * it must have a header that makes sense: a little-endian kernel, a 4 KiB
 * aligned text_offset, and an image_size that covers the file.
 */
export function parseLinuxImage(bytes: Uint8Array): ParseLinuxImageResult {
  if (!hasMagic(bytes)) return { kind: 'not-image' };
  if (bytes.length < LINUX_IMAGE_HEADER.size) {
    return { kind: 'bad-header', error: `Linux Image header is truncated: the file is ${bytes.length} bytes, the header ${LINUX_IMAGE_HEADER.size}` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (offset: number): bigint => view.getBigUint64(offset, true);
  const textOffset = u64(LINUX_IMAGE_HEADER.textOffset);
  const imageSize = u64(LINUX_IMAGE_HEADER.imageSize);
  const flags = u64(LINUX_IMAGE_HEADER.flags);
  const version = view.getUint32(LINUX_IMAGE_HEADER.version, true);
  const bad = (why: string): ParseLinuxImageResult => ({ kind: 'bad-header', error: `bad Linux Image header: ${why}` });
  if ((flags & BigInt(LINUX_IMAGE_HEADER.flagBigEndian)) !== 0n) return bad('the kernel is big-endian (flags bit 0)');
  if (textOffset % 4096n !== 0n || textOffset > BigInt(Number.MAX_SAFE_INTEGER)) return bad(`text_offset 0x${textOffset.toString(16)} is not 4 KiB aligned`);
  if (imageSize > BigInt(Number.MAX_SAFE_INTEGER)) return bad(`image_size 0x${imageSize.toString(16)} is too large`);
  // image_size 0 comes from headers before version 0.2 (the field was not filled in): the file's length is all we know.
  if (imageSize !== 0n && imageSize < BigInt(bytes.length)) {
    return bad(`image_size ${imageSize} is smaller than the file (${bytes.length} bytes)`);
  }
  return {
    kind: 'image',
    header: {
      textOffset: Number(textOffset),
      imageSize: imageSize === 0n ? bytes.length : Number(imageSize),
      version: { major: version >>> 16, minor: version & 0xffff },
    },
  };
}
