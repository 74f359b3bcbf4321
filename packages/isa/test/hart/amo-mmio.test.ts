import { createRam, type AccessWidth, type PhysicalMemory, type RamWindow, type Word64 } from '@rvhv/mmu';
import { describe, expect, it } from 'vitest';
import { CoherentMemory, Exception, type Hart } from '@rvhv/isa';
import { atp, attempt, CODE, csrWrite, encode, makeHart, PageTables, PTE, RAM_BASE, RWX, setXreg, xreg } from './h-helpers.js';

/**
 * AMOs on device regions (outside RAM): a read, the operation, then a write
 * through the physical memory interface, with a store/AMO access fault when
 * nothing answers or the device refuses. LR/SC stay RAM-only. The device is
 * a stub on a stub PhysicalMemory (isa sits below @rvhv/devices).
 */

const DEVICE = 0x1000_0000;
const DEVICE_SIZE = 0x100;
/** A register of the stub device that can be read but refuses writes. */
const READ_ONLY_REGISTER = DEVICE + 0x80;
/** Nothing answers here. */
const NOWHERE = 0x2000_0000;
const MSTATUS_MPRV = 1n << 17n;
const MSTATUS_MPP_S = 1n << 11n;
const A0 = 10;
const A1 = 11;
const A2 = 12;

interface Access {
  op: 'read' | 'write';
  address: number;
  width: AccessWidth;
}

/** RAM plus one device of 64-bit little-endian registers that logs every access. */
class StubBus implements PhysicalMemory {
  readonly ram: RamWindow = createRam(RAM_BASE, 0x10_0000);
  readonly registers = new DataView(new ArrayBuffer(DEVICE_SIZE));
  readonly log: Access[] = [];

  read(paddr: number, width: AccessWidth, out: Word64): boolean {
    const off = paddr - DEVICE;
    if (off < 0 || off + width > DEVICE_SIZE) return false;
    this.log.push({ op: 'read', address: paddr, width });
    const v = this.registers;
    if (width === 8) {
      out.lo = v.getInt32(off, true);
      out.hi = v.getInt32(off + 4, true);
    } else {
      out.lo = width === 4 ? v.getUint32(off, true) : width === 2 ? v.getUint16(off, true) : v.getUint8(off);
      out.hi = 0;
    }
    return true;
  }

  write(paddr: number, width: AccessWidth, lo: number, hi: number): boolean {
    const off = paddr - DEVICE;
    if (off < 0 || off + width > DEVICE_SIZE || paddr === READ_ONLY_REGISTER) return false;
    this.log.push({ op: 'write', address: paddr, width });
    const v = this.registers;
    if (width === 8) {
      v.setInt32(off, lo, true);
      v.setInt32(off + 4, hi, true);
    } else if (width === 4) v.setInt32(off, lo, true);
    else if (width === 2) v.setInt16(off, lo, true);
    else v.setInt8(off, lo);
    return true;
  }

  register64(address: number): bigint {
    return this.registers.getBigUint64(address - DEVICE, true);
  }

  setRegister64(address: number, value: bigint): void {
    this.registers.setBigUint64(address - DEVICE, BigInt.asUintN(64, value), true);
  }
}

function setup(): { h: Hart; bus: StubBus } {
  const bus = new StubBus();
  const h = makeHart({ memory: new CoherentMemory(bus) });
  bus.log.length = 0;
  return { h, bus };
}

/** `name a0, a2, (a1)` in M-mode with a1 = address, a2 = source. */
function amo(h: Hart, name: string, address: number, source: bigint, rd = A0) {
  setXreg(h, A1, BigInt(address));
  setXreg(h, A2, source);
  return attempt(h, 'M', encode(name, { rd, rs1: A1, rs2: A2 }));
}

describe('AMOs on a device region', () => {
  it('amoadd.w reads, adds, writes back (one read then one write of 4 bytes); rd = old word sign-extended', () => {
    const { h, bus } = setup();
    bus.setRegister64(DEVICE + 8, 0x5555_5555_ffff_fffen);
    expect(amo(h, 'amoadd.w', DEVICE + 8, 0x1234_5678_0000_0003n)).toEqual({ trap: false });
    expect(xreg(h, A0)).toBe(0xffff_ffff_ffff_fffen);
    expect(bus.register64(DEVICE + 8)).toBe(0x5555_5555_0000_0001n);
    expect(bus.log).toEqual([
      { op: 'read', address: DEVICE + 8, width: 4 },
      { op: 'write', address: DEVICE + 8, width: 4 },
    ]);
  });

  it.each([
    ['amoswap.d', 0x0123_4567_89ab_cdefn, -1n, 0xffff_ffff_ffff_ffffn],
    ['amoadd.d', 0x0000_0000_ffff_ffffn, 1n, 0x0000_0001_0000_0000n],
    ['amoxor.d', 0xff00_ff00_ff00_ff00n, 0x0ff0_0ff0_0ff0_0ff0n, 0xf0f0_f0f0_f0f0_f0f0n],
    ['amoand.d', 0xff00_ff00_ff00_ff00n, 0x0ff0_0ff0_0ff0_0ff0n, 0x0f00_0f00_0f00_0f00n],
    ['amoor.d', 0xff00_ff00_ff00_ff00n, 0x0ff0_0ff0_0ff0_0ff0n, 0xfff0_fff0_fff0_fff0n],
    ['amomin.d', 0x8000_0000_0000_0000n, 1n, 0x8000_0000_0000_0000n],
    ['amomax.d', 0x8000_0000_0000_0000n, 1n, 1n],
    ['amominu.d', 0x8000_0000_0000_0000n, 1n, 1n],
    ['amomaxu.d', 0x8000_0000_0000_0000n, 1n, 0x8000_0000_0000_0000n],
  ])('%s on the device: 64-bit read then write, rd = old', (name, old, source, expected) => {
    const { h, bus } = setup();
    bus.setRegister64(DEVICE + 16, old);
    expect(amo(h, name, DEVICE + 16, source)).toEqual({ trap: false });
    expect(xreg(h, A0)).toBe(old);
    expect(bus.register64(DEVICE + 16)).toBe(expected);
    expect(bus.log).toEqual([
      { op: 'read', address: DEVICE + 16, width: 8 },
      { op: 'write', address: DEVICE + 16, width: 8 },
    ]);
  });

  it('rd = rs2: the source is read before rd is written', () => {
    const { h, bus } = setup();
    bus.setRegister64(DEVICE, 7n);
    setXreg(h, A1, BigInt(DEVICE));
    setXreg(h, A2, 5n);
    expect(attempt(h, 'M', encode('amoswap.d', { rd: A2, rs1: A1, rs2: A2 }))).toEqual({ trap: false });
    expect(xreg(h, A2)).toBe(7n);
    expect(bus.register64(DEVICE)).toBe(5n);
  });

  it('where nothing answers: store/AMO access fault, tval = the address, rd unchanged, no access', () => {
    const { h, bus } = setup();
    setXreg(h, A0, 42n);
    expect(amo(h, 'amoor.w', NOWHERE, 1n)).toMatchObject({ trap: true, to: 'M', cause: Exception.storeAccessFault, tval: BigInt(NOWHERE) });
    expect(xreg(h, A0)).toBe(42n);
    expect(amo(h, 'amoswap.d', NOWHERE + 8, 1n)).toMatchObject({ trap: true, cause: Exception.storeAccessFault, tval: BigInt(NOWHERE + 8) });
    expect(bus.log).toEqual([]);
  });

  it('a device that refuses the write: store/AMO access fault, rd unchanged', () => {
    const { h, bus } = setup();
    bus.setRegister64(READ_ONLY_REGISTER, 3n);
    setXreg(h, A0, 42n);
    expect(amo(h, 'amoadd.d', READ_ONLY_REGISTER, 1n)).toMatchObject({ trap: true, cause: Exception.storeAccessFault, tval: BigInt(READ_ONLY_REGISTER) });
    expect(xreg(h, A0)).toBe(42n);
    expect(bus.register64(READ_ONLY_REGISTER)).toBe(3n);
  });

  it('a misaligned AMO on the device raises store/AMO address-misaligned before any access', () => {
    const { h, bus } = setup();
    expect(amo(h, 'amoadd.w', DEVICE + 2, 1n)).toMatchObject({ trap: true, cause: Exception.storeMisaligned, tval: BigInt(DEVICE + 2) });
    expect(amo(h, 'amoadd.d', DEVICE + 4, 1n)).toMatchObject({ trap: true, cause: Exception.storeMisaligned, tval: BigInt(DEVICE + 4) });
    expect(bus.log).toEqual([]);
  });

  it('LR/SC stay RAM-only: lr is a load access fault, sc a store/AMO access fault, with no device access', () => {
    const { h, bus } = setup();
    setXreg(h, A1, BigInt(DEVICE));
    expect(attempt(h, 'M', encode('lr.w', { rd: A0, rs1: A1 }))).toMatchObject({ trap: true, cause: Exception.loadAccessFault, tval: BigInt(DEVICE) });
    expect(attempt(h, 'M', encode('sc.d', { rd: A0, rs1: A1, rs2: A2 }))).toMatchObject({ trap: true, cause: Exception.storeAccessFault, tval: BigInt(DEVICE) });
    expect(bus.log).toEqual([]);
  });

  it('a locked PMP entry without W over the device: store/AMO access fault in M-mode, no access', () => {
    const { h, bus } = setup();
    // Entry 0: the device's first 4 KiB, NAPOT, locked, R only; entry 1: everything else.
    csrWrite(h, 'M', 'pmpaddr1', (1n << 54n) - 1n);
    csrWrite(h, 'M', 'pmpaddr0', BigInt((DEVICE + 0x7ff) >>> 2));
    csrWrite(h, 'M', 'pmpcfg0', 0x1f99n);
    bus.log.length = 0;
    expect(amo(h, 'amoadd.w', DEVICE, 1n)).toMatchObject({ trap: true, cause: Exception.storeAccessFault, tval: BigInt(DEVICE) });
    expect(bus.log).toEqual([]);
  });

  it('AMOs on RAM are unchanged', () => {
    const { h, bus } = setup();
    const data = RAM_BASE + 0x8000;
    h.memory.ram.view.setBigUint64(data - RAM_BASE, 10n, true);
    expect(amo(h, 'amoadd.d', data, 5n)).toEqual({ trap: false });
    expect(xreg(h, A0)).toBe(10n);
    expect(h.memory.ram.view.getBigUint64(data - RAM_BASE, true)).toBe(15n);
    expect(bus.log).toEqual([]);
  });
});

describe('AMOs on a device through Sv39 (S-mode)', () => {
  const DEVICE_VA = 0x4000_0000;
  const READ_ONLY_VA = 0x4000_1000;
  const RAM_VA = 0x4000_2000;

  /** S-mode with Sv39: the code page identity-mapped, DEVICE_VA -> the device (RW), READ_ONLY_VA -> the device (R only), RAM_VA -> RAM. */
  function paged(): { h: Hart; bus: StubBus } {
    const { h, bus } = setup();
    const tables = new PageTables(h, RAM_BASE + 0x2_0000);
    const root = tables.table();
    tables.map(root, BigInt(CODE), BigInt(CODE), RWX);
    tables.map(root, BigInt(DEVICE_VA), BigInt(DEVICE), RWX);
    tables.map(root, BigInt(READ_ONLY_VA), BigInt(DEVICE), PTE.V | PTE.R | PTE.A);
    tables.map(root, BigInt(RAM_VA), BigInt(RAM_BASE + 0x9000), RWX);
    csrWrite(h, 'M', 'satp', atp(8n, root));
    bus.log.length = 0;
    return { h, bus };
  }

  function amoS(h: Hart, name: string, address: number, source: bigint) {
    setXreg(h, A1, BigInt(address));
    setXreg(h, A2, source);
    return attempt(h, 'HS', encode(name, { rd: A0, rs1: A1, rs2: A2 }));
  }

  it('an AMO at a virtual address mapped to the device reaches the device at its physical address', () => {
    const { h, bus } = paged();
    bus.setRegister64(DEVICE + 0x20, 0x10n);
    expect(amoS(h, 'amomaxu.w', DEVICE_VA + 0x20, 0x20n)).toEqual({ trap: false });
    expect(xreg(h, A0)).toBe(0x10n);
    expect(bus.register64(DEVICE + 0x20)).toBe(0x20n);
    expect(bus.log).toEqual([
      { op: 'read', address: DEVICE + 0x20, width: 4 },
      { op: 'write', address: DEVICE + 0x20, width: 4 },
    ]);
  });

  it('a read-only mapping of the device: store/AMO page fault, and the device is not even read', () => {
    const { h, bus } = paged();
    expect(amoS(h, 'amoadd.w', READ_ONLY_VA, 1n)).toMatchObject({ trap: true, cause: Exception.storePageFault, tval: BigInt(READ_ONLY_VA) });
    expect(bus.log).toEqual([]);
  });

  it('an unmapped virtual address: store/AMO page fault', () => {
    const { h } = paged();
    expect(amoS(h, 'amoswap.d', 0x5000_0000, 1n)).toMatchObject({ trap: true, cause: Exception.storePageFault, tval: 0x5000_0000n });
  });

  it('M-mode with MPRV and MPP = S translates the AMO as S-mode does', () => {
    const { h, bus } = paged();
    csrWrite(h, 'M', 'mstatus', MSTATUS_MPRV | MSTATUS_MPP_S);
    bus.setRegister64(DEVICE + 0x28, 1n);
    setXreg(h, A1, BigInt(DEVICE_VA + 0x28));
    setXreg(h, A2, 2n);
    expect(attempt(h, 'M', encode('amoor.d', { rd: A0, rs1: A1, rs2: A2 }))).toEqual({ trap: false });
    expect(xreg(h, A0)).toBe(1n);
    expect(bus.register64(DEVICE + 0x28)).toBe(3n);
  });

  it('an AMO at a virtual address mapped to RAM still works', () => {
    const { h, bus } = paged();
    h.memory.ram.view.setBigUint64(0x9008, 0xffff_ffffn, true);
    expect(amoS(h, 'amoadd.d', RAM_VA + 8, 1n)).toEqual({ trap: false });
    expect(h.memory.ram.view.getBigUint64(0x9008, true)).toBe(0x1_0000_0000n);
    expect(bus.log).toEqual([]);
  });
});
