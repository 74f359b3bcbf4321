import { describe, expect, it } from 'vitest';
import { CoherentMemory, Hart } from '@rvhv/isa';
import { Bus } from '@rvhv/devices';
import { createRam } from '@rvhv/mmu';
import { bootRomImage, FW_DYNAMIC_INFO, FW_DYNAMIC_INFO_OFFSET, VIRT_MROM } from '../../src/index.js';
import { ReadOnlyMemory } from '../../src/virt/read-only-memory.js';

const options = { startAddr: 0x8000_0000, fdtAddr: 0x87e0_0000, dynamicInfo: { nextAddr: 0x8020_0000, nextMode: 1, bootHart: 0 } };

describe('the boot ROM', () => {
  it("is QEMU's reset vector word for word (hw/riscv/boot.c riscv_setup_rom_reset_vec, RV64)", () => {
    const rom = bootRomImage(options);
    const view = new DataView(rom.buffer);
    const words = Array.from({ length: 6 }, (_, i) => view.getUint32(i * 4, true));
    // auipc t0, 0; addi a2, t0, 40; csrr a0, mhartid; ld a1, 32(t0); ld t0, 24(t0); jr t0
    expect(words).toEqual([0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067]);
    expect(view.getBigUint64(24, true)).toBe(0x8000_0000n);
    expect(view.getBigUint64(32, true)).toBe(0x87e0_0000n);
  });

  it('holds fw_dynamic_info right after the code: magic "OSBI", version 2, next stage in S-mode, boot hart 0', () => {
    const rom = bootRomImage(options);
    const view = new DataView(rom.buffer, FW_DYNAMIC_INFO_OFFSET);
    const field = (i: number): bigint => view.getBigUint64(i * 8, true);
    expect([field(0), field(1), field(2), field(3), field(4), field(5)]).toEqual([0x4942534fn, 2n, 0x8020_0000n, 1n, 0n, 0n]);
    expect(rom.length).toBe(FW_DYNAMIC_INFO_OFFSET + FW_DYNAMIC_INFO.size);
  });

  it('sets a0 = mhartid, a1 = the DTB, a2 = fw_dynamic_info and jumps to the firmware when a hart runs it', () => {
    const bus = new Bus(createRam(0x8000_0000, 0x10_0000));
    bus.map({ name: 'mrom', base: VIRT_MROM.base, size: VIRT_MROM.size }, new ReadOnlyMemory(VIRT_MROM.size, bootRomImage(options)));
    const hart = new Hart({ memory: new CoherentMemory(bus), hartId: 3, resetPc: VIRT_MROM.base });
    expect(hart.run(6)).toBe(6);
    expect(hart.pc).toBe(0x8000_0000);
    expect([hart.xNumber(10), hart.xNumber(11), hart.xNumber(12)]).toEqual([3, 0x87e0_0000, VIRT_MROM.base + FW_DYNAMIC_INFO_OFFSET]);
  });

  it('ignores writes and reads zero past its contents', () => {
    const rom = new ReadOnlyMemory(VIRT_MROM.size, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    const out = { lo: 0, hi: 0 };
    expect(rom.write()).toBe(true);
    expect(rom.read(0, 8, out)).toBe(true);
    expect(out).toEqual({ lo: 0x04030201, hi: 0x08070605 });
    expect(rom.read(0x100, 4, out)).toBe(true);
    expect(out.lo).toBe(0);
    expect(rom.read(VIRT_MROM.size - 2, 4, out)).toBe(false);
  });
});
