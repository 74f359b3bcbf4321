import { describe, expect, it } from 'vitest';
import { BufferedConsole, Htif, type DmaPort } from '../src/index.js';

const BASE = 0x8000_0000;
const TOHOST = BASE + 0x1000;
const FROMHOST = BASE + 0x1008;

/** 64 KiB of guest memory at BASE, with helpers to poke 64-bit words. */
function memory(): DmaPort & { view: DataView; bytes: Uint8Array; setU64(a: number, v: bigint): void; u64(a: number): bigint } {
  const bytes = new Uint8Array(0x1_0000);
  const view = new DataView(bytes.buffer);
  const inRange = (a: number, n: number): boolean => a >= BASE && a + n <= BASE + bytes.length;
  return {
    bytes,
    view,
    read(paddr, into) {
      if (!inRange(paddr, into.length)) return false;
      into.set(bytes.subarray(paddr - BASE, paddr - BASE + into.length));
      return true;
    },
    write(paddr, data) {
      if (!inRange(paddr, data.length)) return false;
      bytes.set(data, paddr - BASE);
      return true;
    },
    setU64(a, v) {
      view.setBigUint64(a - BASE, v, true);
    },
    u64(a) {
      return view.getBigUint64(a - BASE, true);
    },
  };
}

function setup(options: { fromhost?: number } = { fromhost: FROMHOST }) {
  const mem = memory();
  const console = new BufferedConsole();
  const htif = new Htif({ tohost: TOHOST, fromhost: options.fromhost, memory: mem, console });
  return { mem, console, htif };
}

const command = (device: number, cmd: number, payload: bigint): bigint => (BigInt(device) << 56n) | (BigInt(cmd) << 48n) | payload;

describe('Htif', () => {
  it('keeps running while tohost is zero', () => {
    const { htif } = setup();
    expect(htif.poll()).toBe(false);
    expect(htif.state).toEqual({ kind: 'running' });
  });

  it('tohost = 1 is an exit with code 0 (pass)', () => {
    const { mem, htif } = setup();
    mem.setU64(TOHOST, 1n);
    expect(htif.poll()).toBe(true);
    expect(htif.state).toEqual({ kind: 'exited', code: 0 });
    expect(mem.u64(TOHOST)).toBe(0n);
  });

  it('another odd value is an exit with code value >> 1', () => {
    const { mem, htif } = setup();
    mem.setU64(TOHOST, (21n << 1n) | 1n);
    htif.poll();
    expect(htif.state).toEqual({ kind: 'exited', code: 21 });
  });

  it('keeps all 47 bits of a large exit code', () => {
    const { mem, htif } = setup();
    mem.setU64(TOHOST, 0xffff_ffff_ffffn);
    htif.poll();
    expect(htif.state).toEqual({ kind: 'exited', code: 0x7fff_ffff_ffff });
  });

  it('console putchar writes the low byte and sends no reply (as Spike)', () => {
    const { mem, console, htif } = setup();
    for (const ch of 'hi\n') {
      mem.setU64(TOHOST, command(1, 1, BigInt(ch.charCodeAt(0))));
      expect(htif.poll()).toBe(false);
      expect(mem.u64(TOHOST)).toBe(0n);
    }
    expect(console.text()).toBe('hi\n');
    expect(mem.u64(FROMHOST)).toBe(0n);
  });

  it('proxies write(1, buf, len) through magic_mem, returns the count and answers fromhost = 1', () => {
    const { mem, console, htif } = setup();
    const magic = BASE + 0x2000;
    const buf = BASE + 0x3000;
    mem.bytes.set(new TextEncoder().encode('hello, world'), buf - BASE);
    mem.setU64(magic, 64n);
    mem.setU64(magic + 8, 1n);
    mem.setU64(magic + 16, BigInt(buf));
    mem.setU64(magic + 24, 5n);
    mem.setU64(TOHOST, BigInt(magic));
    expect(htif.poll()).toBe(false);
    expect(console.text()).toBe('hello');
    expect(mem.u64(magic)).toBe(5n);
    expect(mem.u64(FROMHOST)).toBe(1n);
  });

  it('returns -EBADF for write to other descriptors and -EFAULT for a buffer outside memory', () => {
    const { mem, console, htif } = setup();
    const magic = BASE + 0x2000;
    mem.setU64(magic, 64n);
    mem.setU64(magic + 8, 7n);
    mem.setU64(magic + 16, BigInt(BASE));
    mem.setU64(magic + 24, 1n);
    mem.setU64(TOHOST, BigInt(magic));
    htif.poll();
    expect(mem.view.getBigInt64(magic - BASE, true)).toBe(-9n);
    mem.setU64(FROMHOST, 0n);
    mem.setU64(magic, 64n);
    mem.setU64(magic + 8, 1n);
    mem.setU64(magic + 16, 0x1000n);
    mem.setU64(TOHOST, BigInt(magic));
    htif.poll();
    expect(mem.view.getBigInt64(magic - BASE, true)).toBe(-14n);
    expect(console.text()).toBe('');
  });

  it('exit through the proxy (syscall 93) ends with its argument as the code', () => {
    const { mem, htif } = setup();
    const magic = BASE + 0x2000;
    mem.setU64(magic, 93n);
    mem.setU64(magic + 8, 3n);
    mem.setU64(TOHOST, BigInt(magic));
    expect(htif.poll()).toBe(true);
    expect(htif.state).toEqual({ kind: 'exited', code: 3 });
  });

  it('stops with an error for an unknown syscall or a magic_mem pointer outside memory', () => {
    const a = setup();
    a.mem.setU64(BASE + 0x2000, 57n);
    a.mem.setU64(TOHOST, BigInt(BASE + 0x2000));
    expect(a.htif.poll()).toBe(true);
    expect(a.htif.state).toEqual({ kind: 'error', message: 'unsupported syscall 57 through the HTIF syscall proxy' });
    const b = setup();
    b.mem.setU64(TOHOST, 0x10n);
    b.htif.poll();
    expect(b.htif.state.kind).toBe('error');
  });

  it('queues replies until the target has consumed fromhost', () => {
    const { mem, htif } = setup();
    htif.pushInput(new TextEncoder().encode('ab'));
    mem.setU64(TOHOST, command(1, 0, 0n));
    htif.poll();
    expect(mem.u64(FROMHOST)).toBe(command(1, 0, 0x100n | 0x61n));
    mem.setU64(TOHOST, command(1, 0, 0n));
    htif.poll();
    // The first reply has not been taken yet: the second waits.
    expect(mem.u64(FROMHOST)).toBe(command(1, 0, 0x161n));
    mem.setU64(FROMHOST, 0n);
    htif.poll();
    expect(mem.u64(FROMHOST)).toBe(command(1, 0, 0x162n));
  });

  it('answers a console read once input arrives', () => {
    const { mem, htif } = setup();
    mem.setU64(TOHOST, command(1, 0, 0n));
    htif.poll();
    expect(mem.u64(FROMHOST)).toBe(0n);
    htif.pushInput(Uint8Array.of(0x7a));
    htif.poll();
    expect(mem.u64(FROMHOST)).toBe(command(1, 0, 0x17an));
  });

  it('ignores unknown devices and commands (as Spike and QEMU do) but records them', () => {
    const { mem, htif } = setup();
    mem.setU64(TOHOST, command(5, 2, 1n));
    expect(htif.poll()).toBe(false);
    expect(htif.ignored).toEqual(['device 5 command 2']);
    expect(mem.u64(TOHOST)).toBe(0n);
  });

  it('drops replies when the program has no fromhost', () => {
    const { mem, console, htif } = setup({});
    const magic = BASE + 0x2000;
    mem.setU64(magic, 64n);
    mem.setU64(magic + 8, 1n);
    mem.setU64(magic + 16, BigInt(BASE + 0x3000));
    mem.setU64(magic + 24, 0n);
    mem.setU64(TOHOST, BigInt(magic));
    expect(htif.poll()).toBe(false);
    expect(console.text()).toBe('');
    expect(mem.u64(FROMHOST)).toBe(0n);
  });
});
