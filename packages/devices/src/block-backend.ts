/**
 * Storage behind a block device (virtio-blk), implemented by the host: an
 * in-memory image here, a file in the CLI, browser storage in the web app.
 * Offsets and lengths are in bytes; the device only asks for whole 512-byte
 * sectors inside {@link size}. Calls are synchronous, like the device
 * registers that trigger them; `false` means a host I/O error, which the
 * guest sees as VIRTIO_BLK_S_IOERR.
 */
export interface BlockBackend {
  /** Size of the medium in bytes. */
  readonly size: number;
  /** Whether the medium refuses writes. */
  readonly readOnly: boolean;
  /** Reads `into.length` bytes starting at `offset`. */
  read(offset: number, into: Uint8Array): boolean;
  /** Writes `bytes` starting at `offset`. */
  write(offset: number, bytes: Uint8Array): boolean;
  /** Makes every completed write durable on the host. */
  flush(): boolean;
  /** The range's contents are no longer needed (they may read back as anything). Without it, a discard does nothing. */
  discard?(offset: number, length: number): boolean;
}

/** Bytes of the sectors virtio-blk addresses (virtio 1.2 section 5.2.6: sector numbers count 512-byte units). */
export const SECTOR_SIZE = 512;
