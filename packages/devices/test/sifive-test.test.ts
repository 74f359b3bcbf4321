import { describe, expect, it } from 'vitest';
import { SIFIVE_TEST, SifiveTest, type PowerEvent } from '../src/index.js';

describe('SifiveTest', () => {
  const setup = () => {
    const events: PowerEvent[] = [];
    return { events, dev: new SifiveTest((e) => events.push(e)) };
  };

  it('powers off with code 0 on PASS (0x5555), 32-bit as Linux syscon-poweroff or 16-bit as OpenSBI', () => {
    const { dev, events } = setup();
    expect(dev.write(0, 4, SIFIVE_TEST.PASS, 0)).toBe(true);
    expect(dev.write(0, 2, SIFIVE_TEST.PASS, 0)).toBe(true);
    expect(events).toEqual([
      { kind: 'poweroff', code: 0 },
      { kind: 'poweroff', code: 0 },
    ]);
  });

  it('powers off with the code in bits 31:16 on FAIL (0x3333)', () => {
    const { dev, events } = setup();
    dev.write(0, 4, (42 << 16) | SIFIVE_TEST.FAIL, 0);
    expect(events).toEqual([{ kind: 'poweroff', code: 42 }]);
    expect(dev.take()).toEqual({ kind: 'poweroff', code: 42 });
    expect(dev.take()).toBeUndefined();
  });

  it('resets on 0x7777 and ignores other values and offsets', () => {
    const { dev, events } = setup();
    dev.write(0, 4, 0x1234, 0);
    dev.write(4, 4, SIFIVE_TEST.PASS, 0);
    expect(events).toEqual([]);
    dev.write(0, 4, SIFIVE_TEST.RESET, 0);
    expect(events).toEqual([{ kind: 'reset' }]);
  });

  it('reads 0 and decodes only 2- and 4-byte accesses, as QEMU', () => {
    const { dev } = setup();
    const out = { lo: 9, hi: 9 };
    expect(dev.read(0, 4, out)).toBe(true);
    expect(out).toEqual({ lo: 0, hi: 0 });
    expect(dev.read(0, 8, out)).toBe(false);
    expect(dev.write(0, 1, 0x55, 0)).toBe(false);
  });
});
