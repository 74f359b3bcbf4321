/**
 * The device test programs: bare programs (src/programs/, assembled by the
 * project's assembler) that need the `virt` board's devices, so they run
 * with `runOnVirt` (@rvhv/machine) rather than on the bare runner. Each
 * names what the board must have for it.
 */
export interface VirtGuestProgram {
  readonly name: string;
  readonly file: string;
  readonly description: string;
  /** Typed on the console before the program starts. */
  readonly input?: string;
  /** A disk the program drives: 64 KiB, sector 0 starting with VIRT_TEST_DISK_SIGNATURE, serial VIRT_TEST_DISK_SERIAL. */
  readonly disk?: true;
}

export const VIRT_TEST_DISK_BYTES = 64 * 1024;
export const VIRT_TEST_DISK_SIGNATURE = 'rvhv virtio-blk test disk';
export const VIRT_TEST_DISK_SERIAL = 'rvhv-disk-0';
/** What virtio-blk.S writes to sector 1: byte i is (7 i + 3) mod 256. */
export function virtioBlkPattern(): Uint8Array {
  return Uint8Array.from({ length: 512 }, (_, i) => (7 * i + 3) & 0xff);
}

export const VIRT_GUEST_PROGRAMS: readonly VirtGuestProgram[] = [
  { name: 'uart-irq', file: 'uart-irq.S', description: '16550A UART: registers, THR output, receive and THR-empty interrupts through the PLIC, FIFO, loopback', input: 'rvhv\n' },
  { name: 'plic', file: 'plic.S', description: 'PLIC: priorities, enables, pending, thresholds, M/S context routing, claim/complete, priority order' },
  { name: 'timer-irq', file: 'timer-irq.S', description: 'CLINT: mtime, time CSR, mtimecmp, timer and software interrupts, WFI idling, Sstc stimecmp' },
  { name: 'virtio-blk', file: 'virtio-blk.S', description: 'virtio-blk over virtio-mmio: negotiation, queue, read, write, flush, get-id, IOERR, interrupts', disk: true },
];
