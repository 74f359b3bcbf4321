import { describe, expect, it } from 'vitest';
import { isVirtFlag, parseArgs, parseVirtArgs } from '../src/index.js';

const MiB = 1024 * 1024;

function parsed(...argv: string[]) {
  const r = parseVirtArgs(argv);
  if (!r.ok) throw new Error(r.message);
  return r.command;
}

function error(...argv: string[]): string {
  const r = parseVirtArgs(argv);
  if (r.ok) throw new Error(`accepted: ${argv.join(' ')}`);
  return r.message;
}

describe('the QEMU-style command line', () => {
  it("reads the common Linux boot line of qemu-system-riscv64", () => {
    const c = parsed(
      '-M', 'virt', '-m', '256M', '-smp', '2', '-nographic', '-bios', 'fw_dynamic.bin', '-kernel', 'Image', '-initrd', 'initrd.cpio',
      '-append', 'console=ttyS0 root=/dev/vda', '-drive', 'file=disk.img,format=raw,if=none,id=hd0', '-device', 'virtio-blk-device,drive=hd0', '-no-reboot',
    );
    expect(c).toEqual({
      kind: 'virt',
      memory: 256 * MiB,
      harts: 2,
      bios: 'fw_dynamic.bin',
      kernel: 'Image',
      initrd: 'initrd.cpio',
      append: 'console=ttyS0 root=/dev/vda',
      dtb: undefined,
      dumpDtb: undefined,
      drives: [{ id: 'hd0', file: 'disk.img', readOnly: false, interface: 'none' }],
      devices: [{ kind: 'virtio-blk', drive: 'hd0' }],
      noReboot: true,
      icountShift: undefined,
    });
  });

  it('has QEMU defaults: 128 MiB, one hart, the default firmware, the host clock', () => {
    expect(parsed('-M', 'virt')).toMatchObject({ memory: 128 * MiB, harts: 1, bios: undefined, noReboot: false, icountShift: undefined });
  });

  it.each([
    ['256', 256 * MiB],
    ['256M', 256 * MiB],
    ['1G', 1024 * MiB],
    ['1.5g', 1536 * MiB],
    ['size=64M', 64 * MiB],
    ['65536k', 64 * MiB],
  ])('reads -m %s', (text, bytes) => {
    expect(parsed('-m', text).memory).toBe(bytes);
  });

  it('takes --flags as QEMU does, -machine with dumpdtb, -smp cpus=, -icount in its forms', () => {
    expect(parsed('--machine', 'virt,dumpdtb=out.dtb').dumpDtb).toBe('out.dtb');
    expect(parsed('-machine', 'dumpdtb=x.dtb').dumpDtb).toBe('x.dtb');
    expect(parsed('-smp', 'cpus=4,maxcpus=4').harts).toBe(4);
    expect(parsed('-icount', 'shift=3').icountShift).toBe(3);
    expect(parsed('-icount', '2').icountShift).toBe(2);
    expect(parsed('-icount', '-M', 'virt').icountShift).toBe(0);
    expect(parsed('-icount').icountShift).toBe(0);
  });

  it('attaches if=virtio drives directly, and virtio devices in command-line order', () => {
    const c = parsed('-drive', 'file=a.img,if=virtio,readonly=on', '-device', 'virtio-rng-device', '-drive', 'file=b.img,id=b,if=none', '-device', 'virtio-blk-device,drive=b,serial=xyz');
    expect(c.drives).toEqual([
      { id: 'drive0', file: 'a.img', readOnly: true, interface: 'virtio' },
      { id: 'b', file: 'b.img', readOnly: false, interface: 'none' },
    ]);
    expect(c.devices).toEqual([{ kind: 'virtio-blk', drive: 'drive0' }, { kind: 'virtio-rng' }, { kind: 'virtio-blk', drive: 'b', serial: 'xyz' }]);
  });

  it('accepts the console options that describe what rvhv always does', () => {
    expect(parsed('-nographic', '-serial', 'mon:stdio', '-display', 'none', '-monitor', 'none').kind).toBe('virt');
  });

  it.each([
    [['-M', 'virt', '-s'], /^unsupported option '-s' \(supported: -M\/-machine virt\[,dumpdtb=FILE\], -m, -smp, .*-icount; see rvhv --help\)$/],
    [['-M', 'virt', '-enable-kvm'], /^unsupported option '-enable-kvm' \(supported: /],
    [['-M', 'virt', 'Image'], /^unexpected argument 'Image'/],
    [['-M', 'sifive_u'], "-M: unsupported machine 'sifive_u' (rvhv has one machine: virt)"],
    [['-M', 'virt,aia=aplic'], "-M: unsupported option 'aia' (rvhv supports type, dumpdtb)"],
    [['-m', 'lots'], "-m: 'lots' is not a memory size (e.g. 256M, 1G)"],
    [['-m', '4G'], /^-m: 4G of RAM is not supported/],
    [['-smp', '9'], "-smp: '9' harts: the virt board has 1 to 8"],
    [['-smp', '2,sockets=2'], "-smp: unsupported option 'sockets' (rvhv supports cpus, maxcpus)"],
    [['-initrd', 'x'], '-initrd only allowed with -kernel option'],
    [['-append', 'x'], '-append only allowed with -kernel option'],
    [['-bios', 'none'], '-bios none needs a -kernel: there is nothing else to boot'],
    [['-kernel'], '-kernel expects a value'],
    [['-drive', 'file=x.qcow2,format=qcow2,if=none,id=a'], "-drive: format 'qcow2' is not supported (raw images only)"],
    [['-drive', 'format=raw,if=none,id=a'], '-drive: file=... is required'],
    [['-drive', 'file=x,if=scsi'], /^-drive: if=scsi is not supported/],
    [['-drive', 'file=x,if=none'], /^-drive: if=none needs an id/],
    [['-drive', 'file=x,if=none,id=a,cache=none'], "-drive: unsupported option 'cache' (rvhv supports file, format, if, id, readonly)"],
    [['-drive', 'file=x,if=none,id=a', '-drive', 'file=y,if=none,id=a'], "-drive: duplicate drive id 'a'"],
    [['-device', 'virtio-blk-device,drive=nope'], "-device virtio-blk-device: drive 'nope' is not defined by a -drive id=nope"],
    [['-drive', 'file=x,if=none,id=a', '-device', 'virtio-blk-device,drive=a', '-device', 'virtio-blk-device,drive=a'], "-device virtio-blk-device: drive 'a' is already in use by another device"],
    [['-device', 'virtio-blk-device'], '-device: virtio-blk-device needs drive=<id of a -drive>'],
    [['-device', 'e1000'], "-device: unsupported device 'e1000' (rvhv has virtio-blk-device and virtio-rng-device)"],
    [['-icount', 'shift=auto'], "-icount: shift 'auto' is not supported (a number 0..10; 'auto' is not supported)"],
    [['-serial', 'pty'], "-serial: 'pty' is not supported (the console is on stdio: -serial stdio or mon:stdio)"],
  ])('refuses %j: %s', (argv, message) => {
    if (typeof message === 'string') expect(error(...argv)).toBe(message);
    else expect(error(...argv)).toMatch(message);
  });

  it('tells the QEMU-style flags from the options of rvhv run', () => {
    expect(['-M', '-machine', '--kernel', '-bios', '-nographic', '-no-reboot', '-icount'].every(isVirtFlag)).toBe(true);
    expect(['--trace', '--max-instructions', 'run', '-', 'prog.elf', '-h'].some(isVirtFlag)).toBe(false);
    expect(parseArgs(['-M', 'virt', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-kernel', 'x', '--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['-M', 'virt', '-kernel', 'k']).kind).toBe('virt');
    expect(parseArgs(['-M', 'virt', '--trace'])).toMatchObject({ kind: 'usage-error', message: /^unsupported option '--trace'/, seeHelp: false });
  });
});
