import { describe, expect, it } from 'vitest';
import { assemble } from '@rvhv/isa';
import { findChild, findProperty, fdtValue, parseFdt } from '@rvhv/machine';
import { EXIT, runCli } from '../src/index.js';
import { fakeTerminal, memoryIo, type MemoryFile } from './memory-io.js';

/** A bare program for -bios (M-mode at 0x8000_0000). */
function program(source: string): Uint8Array {
  const result = assemble(`  .text\n  .globl _start\n_start:\n${source}`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
  return result.elf;
}

const powerOff = (code: number) => `
  li t0, 0x100000
  li t1, ${code === 0 ? 0x5555 : (code << 16) | 0x3333}
  sw t1, 0(t0)
1:
  j 1b
`;

const SPIN = program(`
1:
  j 1b
`);

/** Echoes UART input until it reads 'q', then powers off with code 9. */
const ECHO = program(`
  li s0, 0x10000000
1:
  lbu t0, 5(s0)
  andi t0, t0, 1
  beqz t0, 1b
  lbu t1, 0(s0)
  sb t1, 0(s0)
  li t2, 0x71
  bne t1, t2, 1b
${powerOff(9)}`);

async function rvhv(argv: string[], files: Record<string, MemoryFile> = {}, during?: (io: ReturnType<typeof memoryIo>) => void) {
  const io = memoryIo(files, fakeTerminal());
  const pending = runCli(argv, io);
  if (during) setTimeout(() => during(io), 1);
  const status = await pending;
  return { status, io };
}

describe('rvhv -M virt', () => {
  it("exits with the guest's poweroff code and reports the run on stderr", async () => {
    const { status, io } = await rvhv(['-M', 'virt', '-bios', 'fw.elf'], { 'fw.elf': program(powerOff(5)) });
    expect(status).toBe(5);
    expect(io.err()).toMatch(/^rvhv: the guest powered off with code 5 \[[\d.]+ s, \d+ instructions, [\d.]+ MIPS\]\n$/);
    expect(io.terminal.rawModes).toEqual([true, false]);
  });

  it('exits 0 when the guest powers off with pass', async () => {
    const { status } = await rvhv(['-M', 'virt', '-bios', 'fw.elf', '-nographic'], { 'fw.elf': program(powerOff(0)) });
    expect(status).toBe(EXIT.pass);
  });

  it('puts the console on the terminal: typed input reaches the UART, its output reaches stdout', async () => {
    const { status, io } = await rvhv(['-M', 'virt', '-bios', 'echo.elf'], { 'echo.elf': ECHO }, (io) => io.terminal.type('hello q'));
    expect(status).toBe(9);
    expect(io.out()).toBe('hello q');
  });

  it('quits on Ctrl-A x with status 0 and the terminal back in cooked mode', async () => {
    const { status, io } = await rvhv(['-M', 'virt', '-bios', 'spin.elf'], { 'spin.elf': SPIN }, (io) => io.terminal.type('\x01x'));
    expect(status).toBe(EXIT.pass);
    expect(io.err()).toMatch(/^rvhv: terminated \(Ctrl-A x\) \[/);
    expect(io.terminal.rawModes).toEqual([true, false]);
    expect(io.terminal.listening).toBe(false);
  });

  it('prints the Ctrl-A help on Ctrl-A h', async () => {
    const { io } = await rvhv(['-M', 'virt', '-bios', 'spin.elf'], { 'spin.elf': SPIN }, (io) => io.terminal.type('\x01h\x01x'));
    expect(io.out()).toContain('C-a x    exit rvhv\r\n');
  });

  it('ends on SIGTERM with 128 + 15, restoring the terminal', async () => {
    const { status, io } = await rvhv(['-M', 'virt', '-bios', 'spin.elf'], { 'spin.elf': SPIN }, (io) => io.terminal.signal('SIGTERM'));
    expect(status).toBe(143);
    expect(io.err()).toMatch(/terminated by SIGTERM/);
    expect(io.terminal.rawModes).toEqual([true, false]);
  });

  it('ends on a guest reset with -no-reboot, status 0', async () => {
    const reset = program(`
  li t0, 0x100000
  li t1, 0x7777
  sw t1, 0(t0)
1:
  j 1b
`);
    const { status, io } = await rvhv(['-M', 'virt', '-no-reboot', '-bios', 'r.elf'], { 'r.elf': reset });
    expect(status).toBe(0);
    expect(io.err()).toMatch(/reset \(no reboot\)/);
  });

  it('attaches -drive/-device virtio-blk-device in the highest virtio slot, as QEMU does', async () => {
    // Powers off with the DeviceID of slot 7 as its code: 2 for a block device.
    const probe = program(`
  li t0, 0x10008008
  lw t1, 0(t0)
  slli t1, t1, 16
  li t2, 0x3333
  or t1, t1, t2
  li t0, 0x100000
  sw t1, 0(t0)
1:
  j 1b
`);
    const files = { 'p.elf': probe, 'disk.img': new Uint8Array(4096) };
    const withDisk = await rvhv(['-M', 'virt', '-bios', 'p.elf', '-drive', 'file=disk.img,format=raw,if=none,id=hd0', '-device', 'virtio-blk-device,drive=hd0'], files);
    expect(withDisk.status).toBe(2);
    const without = await rvhv(['-M', 'virt', '-bios', 'p.elf'], files);
    expect(without.status).toBe(0);
  });

  it('-icount runs are repeatable: the same instruction count each time', async () => {
    const waits = program(`
  li t0, 0x200bff8
  ld t1, 0(t0)
  li t2, 50000
  add t1, t1, t2
  li t0, 0x2004000
  sd t1, 0(t0)
  li t0, 0x80
  csrs mie, t0
1:
  wfi
  csrr t0, mip
  andi t0, t0, 0x80
  beqz t0, 1b
${powerOff(0)}`);
    const counts = [];
    for (let i = 0; i < 2; i++) {
      const { status, io } = await rvhv(['-M', 'virt', '-icount', 'shift=0', '-bios', 'w.elf'], { 'w.elf': waits });
      expect(status).toBe(0);
      counts.push(/(\d+) instructions/.exec(io.err())![1]);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('-machine dumpdtb writes the device tree with the command line in /chosen and exits 0', async () => {
    const { status, io } = await rvhv(
      ['-M', 'virt,dumpdtb=out.dtb', '-m', '256M', '-smp', '2', '-bios', 'fw.elf', '-kernel', 'k.bin', '-append', 'console=ttyS0', '-initrd', 'i.cpio'],
      { 'fw.elf': SPIN, 'k.bin': new Uint8Array(64), 'i.cpio': new Uint8Array(100) },
    );
    expect(status).toBe(0);
    expect(io.err()).toBe('');
    const parsed = parseFdt(io.written.get('out.dtb')!);
    if (!parsed.ok) throw new Error(parsed.error);
    const chosen = findChild(parsed.tree.root, 'chosen')!;
    expect(fdtValue.readString(findProperty(chosen, 'bootargs')!.value)).toBe('console=ttyS0');
    // The kernel at 0x8020_0000, the initrd at kernel + 128 MiB (RAM >= 256 MiB).
    expect(fdtValue.readU64(findProperty(chosen, 'linux,initrd-start')!.value)).toBe(0x8820_0000);
    expect(fdtValue.readU64(findProperty(chosen, 'linux,initrd-end')!.value)).toBe(0x8820_0064);
    expect(findChild(findChild(parsed.tree.root, 'cpus')!, 'cpu@1')).toBeDefined();
    expect(io.terminal.rawModes).toEqual([]);
  });

  it('uses a -dtb instead of the generated tree, with /chosen from the command line', async () => {
    const dumped = await rvhv(['-M', 'virt,dumpdtb=a.dtb', '-bios', 'fw.elf'], { 'fw.elf': SPIN });
    expect(dumped.status).toBe(0);
    const { status, io } = await rvhv(['-M', 'virt,dumpdtb=b.dtb', '-dtb', 'a.dtb', '-bios', 'fw.elf', '-kernel', 'k', '-append', 'quiet'], {
      'fw.elf': SPIN,
      'a.dtb': dumped.io.written.get('a.dtb')!,
      k: new Uint8Array(16),
    });
    expect(status).toBe(0);
    const parsed = parseFdt(io.written.get('b.dtb')!);
    expect(parsed.ok && fdtValue.readString(findProperty(findChild(parsed.tree.root, 'chosen')!, 'bootargs')!.value)).toBe('quiet');
  });

  const truncatedElf = program('  nop').subarray(0, 100);
  const badImage = (() => {
    const image = new Uint8Array(4096);
    const view = new DataView(image.buffer);
    view.setBigUint64(8, 0x200001n, true);
    view.setBigUint64(16, 4096n, true);
    view.setUint32(56, 0x05435352, true);
    return image;
  })();

  it.each([
    ['a missing kernel', ['-M', 'virt', '-bios', 'fw.elf', '-kernel', 'nope'], '-kernel nope: cannot read it: no such file'],
    ['a directory as firmware', ['-M', 'virt', '-bios', 'dir'], '-bios dir: cannot read it: it is a directory'],
    ['a truncated ELF', ['-M', 'virt', '-bios', 'cut.elf'], /^-bios cut\.elf: malformed ELF: /],
    ['an Image with a bad header', ['-M', 'virt', '-bios', 'fw.elf', '-kernel', 'Image'], '-kernel Image: bad Linux Image header: text_offset 0x200001 is not 4 KiB aligned'],
    ['a DTB that does not parse', ['-M', 'virt', '-bios', 'fw.elf', '-dtb', 'bad.dtb'], /^-dtb bad\.dtb: .*magic/],
    ['a disk image that cannot be opened', ['-M', 'virt', '-bios', 'fw.elf', '-drive', 'file=gone.img,if=none,id=d', '-device', 'virtio-blk-device,drive=d'], '-drive file=gone.img: cannot open the disk image: no such file'],
    ['conflicting flags', ['-M', 'virt', '-bios', 'none', '-initrd', 'i'], '-initrd only allowed with -kernel option'],
    ['a kernel too large for RAM', ['-M', 'virt', '-m', '2M', '-bios', 'fw.elf', '-kernel', 'big'], /^-kernel big: 3145728 bytes at 0x80200000 do not fit in RAM/],
    ['no default firmware', ['-M', 'virt', '-kernel', 'Image'], /^no -bios given and no default firmware found \(looked for .*fw_dynamic\.bin\): install it with apt-get install -y opensbi, or pass -bios FILE or -bios none$/],
    ['a dump that cannot be written', ['-M', 'virt,dumpdtb=/readonly/x.dtb', '-bios', 'fw.elf'], '-machine dumpdtb=/readonly/x.dtb: cannot write it: permission denied'],
  ])('refuses %s: one line on stderr, exit status 2, the terminal untouched', async (_what, argv, message) => {
    const { status, io } = await rvhv(argv, {
      'fw.elf': SPIN,
      dir: 'directory',
      'cut.elf': truncatedElf,
      Image: badImage,
      'bad.dtb': new TextEncoder().encode('this is not a device tree blob at all, just text'),
      big: new Uint8Array(3 * 1024 * 1024),
    });
    expect(status).toBe(EXIT.usage);
    const err = io.err();
    expect(err.endsWith('\n') && err.trim().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(err).toBe(`rvhv: ${message}\n`);
    else expect(err.slice('rvhv: '.length).trimEnd()).toMatch(message);
    expect(io.terminal.rawModes).toEqual([]);
  });
});
