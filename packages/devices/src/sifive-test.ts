import type { AccessWidth, Word64 } from '@rvhv/mmu';
import type { MmioDevice } from './device.js';
import type { PowerEvent } from './power-event.js';

/**
 * SiFive's test finisher (`sifive,test0`), the syscon of QEMU's `virt` board
 * at 0x0010_0000 (QEMU `hw/misc/sifive_test.c`). A write to offset 0 whose
 * low 16 bits are
 *
 *     0x5555  PASS   power off, exit code 0  (Linux syscon-poweroff)
 *     0x3333  FAIL   power off, exit code = bits 31:16
 *     0x7777  RESET  reset the machine       (Linux syscon-reboot)
 *
 * asks the board to stop or restart; other values and offsets are ignored
 * and reads return 0. As on QEMU, only 2- and 4-byte accesses are decoded
 * (OpenSBI writes 16 bits, Linux's regmap 32); others are access faults.
 */
export const SIFIVE_TEST = { FAIL: 0x3333, PASS: 0x5555, RESET: 0x7777, size: 0x1000 } as const;

export class SifiveTest implements MmioDevice {
  private readonly onEvent: (event: PowerEvent) => void;
  /** The last request made, until the board clears it with {@link take}. */
  requested: PowerEvent | undefined;

  constructor(onEvent: (event: PowerEvent) => void = () => undefined) {
    this.onEvent = onEvent;
  }

  /** Returns and clears the pending request (for boards that poll instead of listening). */
  take(): PowerEvent | undefined {
    const event = this.requested;
    this.requested = undefined;
    return event;
  }

  read(_offset: number, width: AccessWidth, out: Word64): boolean {
    if (width !== 2 && width !== 4) return false;
    out.lo = 0;
    out.hi = 0;
    return true;
  }

  write(offset: number, width: AccessWidth, lo: number, _hi: number): boolean {
    if (width !== 2 && width !== 4) return false;
    if (offset !== 0) return true;
    const status = lo & 0xffff;
    const code = width === 4 ? (lo >>> 16) & 0xffff : 0;
    let event: PowerEvent | undefined;
    if (status === SIFIVE_TEST.PASS) event = { kind: 'poweroff', code: 0 };
    else if (status === SIFIVE_TEST.FAIL) event = { kind: 'poweroff', code };
    else if (status === SIFIVE_TEST.RESET) event = { kind: 'reset' };
    if (event !== undefined) {
      this.requested = event;
      this.onEvent(event);
    }
    return true;
  }
}
