import { describe, expect, it } from 'vitest';
import { deviceTree, fdtNode as node, fdtProp as prop, fdtValue as v, parseFdt, writeFdt, FDT_MAX_DEPTH } from '../../src/index.js';

const tree = () =>
  deviceTree(
    node('', [prop('model', v.str('m'))], [node('a@1', [prop('reg', v.u32(1)), prop('compatible', v.str('x'))], [node('b')])]),
  );

/** A writable copy of a valid blob plus accessors for its header and blocks. */
function blob() {
  const bytes = writeFdt(tree()).slice();
  const view = new DataView(bytes.buffer);
  return {
    bytes,
    view,
    structOffset: view.getUint32(8),
    stringsOffset: view.getUint32(12),
    structSize: view.getUint32(36),
  };
}

function expectError(bytes: Uint8Array, pattern: RegExp): void {
  const r = parseFdt(bytes);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatch(/^invalid device tree blob: /);
  expect(r.error).toMatch(pattern);
  expect(r.error).not.toContain('\n');
}

describe('parseFdt', () => {
  it('parses what writeFdt writes', () => {
    const r = parseFdt(writeFdt(tree()));
    expect(r.ok && r.tree).toEqual(tree());
  });

  it('reads a blob at a non-zero offset of a larger buffer', () => {
    const dtb = writeFdt(tree());
    const big = new Uint8Array(dtb.length + 13);
    big.set(dtb, 5);
    const r = parseFdt(big.subarray(5, 5 + dtb.length));
    expect(r.ok && r.tree).toEqual(tree());
  });

  it('skips FDT_NOP tokens', () => {
    const b = blob();
    // Replace property 'model' (FDT_PROP, len 2, nameoff, "m\0" padded) by four NOPs.
    const at = b.structOffset + 8;
    expect(b.view.getUint32(at)).toBe(3);
    for (let i = 0; i < 4; i++) b.view.setUint32(at + 4 * i, 4);
    const r = parseFdt(b.bytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.tree.root.properties).toEqual([]);
  });

  it('rejects an empty or truncated input', () => {
    expectError(new Uint8Array(0), /0 bytes is too short/);
    const dtb = writeFdt(tree());
    expectError(dtb.subarray(0, dtb.length - 1), /totalsize \d+ exceeds the \d+ bytes given \(truncated\?\)/);
    expectError(dtb.subarray(0, 38), /too short for a version 17 header/);
  });

  it('rejects a bad magic', () => {
    const b = blob();
    b.view.setUint32(0, 0x7f454c46);
    expectError(b.bytes, /bad magic 0x7f454c46 \(expected 0xd00dfeed\)/);
  });

  it('rejects versions it cannot read', () => {
    const old = blob();
    old.view.setUint32(20, 3);
    old.view.setUint32(24, 2);
    expectError(old.bytes, /version 3 is too old/);
    const future = blob();
    future.view.setUint32(20, 18);
    future.view.setUint32(24, 18);
    expectError(future.bytes, /last_comp_version 18 is newer than this reader/);
  });

  it('accepts a newer version that stays backwards compatible', () => {
    const b = blob();
    b.view.setUint32(20, 18);
    expect(parseFdt(b.bytes).ok).toBe(true);
  });

  it('reads a version 16 blob, whose header has no size_dt_struct', () => {
    const b = blob();
    b.view.setUint32(20, 16);
    b.view.setUint32(36, 0); // not a header field in version 16: must be ignored
    const r = parseFdt(b.bytes);
    expect(r.ok && r.tree).toEqual(tree());
  });

  it('rejects blocks outside totalsize and misaligned offsets', () => {
    const s = blob();
    s.view.setUint32(8, s.stringsOffset); // 4-aligned, but a struct-size block no longer fits
    expectError(s.bytes, /structure block \[.*\) extends past totalsize/);
    const str = blob();
    str.view.setUint32(32, 0x1000);
    expectError(str.bytes, /strings block .* extends past totalsize/);
    const rsv = blob();
    rsv.view.setUint32(16, 44);
    expectError(rsv.bytes, /memory reservation block offset 0x2c is not 8-byte aligned/);
    const mis = blob();
    mis.view.setUint32(8, mis.structOffset + 2);
    expectError(mis.bytes, /structure block offset .* is not 4-byte aligned/);
    const head = blob();
    head.view.setUint32(12, 8);
    expectError(head.bytes, /strings block offset 0x8 overlaps the header/);
    const small = blob();
    small.view.setUint32(4, 20);
    expectError(small.bytes, /totalsize 20 is smaller than the header/);
  });

  it('rejects a reservation block without its terminator', () => {
    const b = blob();
    // Point the reservation map at the strings block's end: no zero entry fits before totalsize.
    b.view.setUint32(16, (b.bytes.length - 8) & ~7);
    expectError(b.bytes, /no terminating zero entry/);
  });

  it('rejects a string offset outside the strings block', () => {
    const b = blob();
    b.view.setUint32(b.structOffset + 16, 0x999);
    expectError(b.bytes, /property in \/ has name offset 0x999 outside the strings block/);
  });

  it('rejects an unterminated property name', () => {
    const b = blob();
    // Drop the strings block's final NUL from its size.
    b.view.setUint32(32, b.view.getUint32(32) - 1);
    // The last-stored name ('compatible') is now unterminated; make a property point at it.
    expectError(b.bytes, /property name at strings offset 0x[0-9a-f]+ is not NUL-terminated/);
  });

  it('rejects an unterminated node name', () => {
    const b = blob();
    // Make the root's final FDT_END_NODE a FDT_BEGIN_NODE whose name runs to the end without NUL.
    const last = b.structOffset + b.structSize - 8;
    b.view.setUint32(last, 1);
    b.view.setUint32(last + 4, 0x41414141);
    expectError(b.bytes, /node name at 0x[0-9a-f]+ is not NUL-terminated/);
  });

  it('rejects unbalanced nodes', () => {
    const missingEnd = blob();
    // Turn the root's FDT_END_NODE into a NOP: FDT_END comes with the root still open.
    missingEnd.view.setUint32(missingEnd.structOffset + missingEnd.structSize - 8, 4);
    expectError(missingEnd.bytes, /FDT_END at 0x[0-9a-f]+ while 1 node\(s\) are still open \(innermost \/\)/);

    const early = blob();
    // An FDT_END_NODE in place of node 'b''s FDT_BEGIN_NODE closes 'a@1' early; b's own END_NODE then closes the root,
    // and the root's END_NODE has nothing left to close.
    // root BEGIN + name (8), model (16), a@1 BEGIN + name (8), reg (16), compatible (16): b begins at +64.
    const bBegin = early.structOffset + 64;
    expect([early.view.getUint32(bBegin), early.view.getUint32(bBegin + 4)]).toEqual([1, 0x62000000]);
    early.view.setUint32(bBegin, 2);
    early.view.setUint32(bBegin + 4, 4); // b's name word becomes a NOP
    expectError(early.bytes, /FDT_END_NODE at 0x[0-9a-f]+ without a matching FDT_BEGIN_NODE/);
    const extraEnd = blob();
    // Turn FDT_END into FDT_END_NODE: one END_NODE too many, then the block ends.
    extraEnd.view.setUint32(extraEnd.structOffset + extraEnd.structSize - 4, 2);
    expectError(extraEnd.bytes, /FDT_END_NODE at 0x[0-9a-f]+ without a matching FDT_BEGIN_NODE/);

    const noEnd = blob();
    noEnd.view.setUint32(noEnd.structOffset + noEnd.structSize - 4, 4);
    expectError(noEnd.bytes, /structure block ends inside a token/);
  });

  it('rejects a second root, an unknown token, a named root and an oversized property', () => {
    const second = blob();
    // FDT_END -> FDT_BEGIN_NODE after the root closed.
    second.view.setUint32(second.structOffset + second.structSize - 4, 1);
    expectError(second.bytes, /second root node/);

    const unknown = blob();
    unknown.view.setUint32(unknown.structOffset + 8, 0x77);
    expectError(unknown.bytes, /unknown token 0x77 at 0x[0-9a-f]+/);

    const named = blob();
    named.view.setUint32(named.structOffset + 4, 0x78000000); // "x\0\0\0"
    expectError(named.bytes, /root node has name 'x'/);

    const long = blob();
    long.view.setUint32(long.structOffset + 12, 0x10000);
    expectError(long.bytes, /property 'model' in \/ has length 65536, past the structure block/);
  });

  it('rejects duplicate properties and an empty child name', () => {
    const dup = parseFdt(writeFdt(deviceTree(node('', [prop('x', v.u32(1)), prop('x', v.u32(2))]))));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/property 'x' appears twice in \//);
    const empty = parseFdt(writeFdt(deviceTree(node('', [], [node('a', [], [node('')])]))));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/node in \/a at 0x[0-9a-f]+ has an empty name/);
  });

  it('rejects nesting beyond FDT_MAX_DEPTH', () => {
    let n = node('leaf');
    for (let i = 0; i < FDT_MAX_DEPTH; i++) n = node(`n${i}`, [], [n]);
    const r = parseFdt(writeFdt(deviceTree(node('', [], [n]))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/nested deeper than 64/);
  });

  it('never throws on corrupted blobs (random byte mutations and truncations)', () => {
    const base = writeFdt(tree());
    // Deterministic xorshift so a failure reproduces.
    let seed = 0x1234_5678;
    const rand = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    let errors = 0;
    for (let i = 0; i < 5000; i++) {
      const bytes = base.slice(0, base.length - (i % 7 === 0 ? rand(base.length) : 0));
      for (let k = 1 + rand(4); k > 0; k--) if (bytes.length > 0) bytes[rand(bytes.length)] = rand(256);
      const r = parseFdt(bytes);
      if (!r.ok) {
        errors++;
        expect(r.error).toMatch(/^invalid device tree blob: [^\n]+$/);
      }
    }
    expect(errors).toBeGreaterThan(1000);
    // Header fields set to arbitrary or near-boundary values.
    const interesting = [0, 1, 3, 4, 8, 36, 40, base.length - 4, base.length, base.length + 1, 0x7fff_ffff, 0xffff_ffff];
    for (let i = 0; i < 5000; i++) {
      const bytes = base.slice();
      const view = new DataView(bytes.buffer);
      for (let k = 1 + rand(3); k > 0; k--) {
        const field = 4 + 4 * rand(9);
        view.setUint32(field, rand(2) === 0 ? interesting[rand(interesting.length)]! : rand(0x1_0000) * 0x1_0000 + rand(0x1_0000));
      }
      const r = parseFdt(bytes);
      if (!r.ok) expect(r.error).toMatch(/^invalid device tree blob: [^\n]+$/);
    }
  });
});
