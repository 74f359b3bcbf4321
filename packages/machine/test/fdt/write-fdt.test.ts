import { describe, expect, it } from 'vitest';
import { deviceTree, fdtNode as node, fdtProp as prop, fdtValue as v, parseFdt, writeFdt, FDT_MAGIC } from '../../src/index.js';
import { compile, decompile, dtcExists } from './dtc.js';

const sample = () =>
  deviceTree(
    node(
      '',
      [prop('#address-cells', v.u32(2)), prop('#size-cells', v.u32(2)), prop('model', v.str('test-board'))],
      [
        node('chosen', [prop('bootargs', v.str('console=ttyS0 earlycon')), prop('linux,initrd-start', v.u64(0x1_8000_0000))]),
        node('soc', [prop('#address-cells', v.u32(2)), prop('#size-cells', v.u32(2)), prop('ranges', v.EMPTY)], [
          node('dev@1000', [prop('compatible', v.strings('vendor,dev', 'generic')), prop('reg', v.reg([[0x1000, 0x100]]))]),
          node('abc@2000', [prop('compatible', v.str('x')), prop('reg', v.reg([[0x2000, 0x10]])), prop('odd', new Uint8Array([1, 2, 3]))]),
        ]),
      ],
    ),
    [{ address: 0x8000_0000, size: 0x20_0000 }],
    1,
  );

describe('writeFdt', () => {
  it('writes a version 17 header whose blocks are in order, aligned and sized', () => {
    const dtb = writeFdt(sample());
    const view = new DataView(dtb.buffer);
    expect(view.getUint32(0)).toBe(FDT_MAGIC);
    expect(view.getUint32(4)).toBe(dtb.length);
    const [offStruct, offStrings, offRsv] = [view.getUint32(8), view.getUint32(12), view.getUint32(16)];
    expect(view.getUint32(20)).toBe(17);
    expect(view.getUint32(24)).toBe(16);
    expect(view.getUint32(28)).toBe(1);
    const [sizeStrings, sizeStruct] = [view.getUint32(32), view.getUint32(36)];
    expect(offRsv).toBe(40);
    expect(offRsv % 8).toBe(0);
    expect(offStruct).toBe(offRsv + 2 * 16); // one entry plus the terminator
    expect(offStruct % 4).toBe(0);
    expect(offStrings).toBe(offStruct + sizeStruct);
    expect(offStrings + sizeStrings).toBe(dtb.length);
    // First token FDT_BEGIN_NODE with the empty root name, last FDT_END.
    expect(view.getUint32(offStruct)).toBe(1);
    expect(view.getUint32(offStruct + 4)).toBe(0);
    expect(view.getUint32(offStruct + sizeStruct - 4)).toBe(9);
    // Reservation entry.
    expect([view.getUint32(offRsv), view.getUint32(offRsv + 4), view.getUint32(offRsv + 8), view.getUint32(offRsv + 12)]).toEqual([
      0, 0x8000_0000, 0, 0x20_0000,
    ]);
  });

  it('stores each property name once in the strings block', () => {
    const dtb = writeFdt(sample());
    const view = new DataView(dtb.buffer);
    const strings = new TextDecoder().decode(dtb.subarray(view.getUint32(12), view.getUint32(12) + view.getUint32(32)));
    const names = strings.split('\0').slice(0, -1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['#address-cells', '#size-cells', 'model', 'bootargs', 'linux,initrd-start', 'ranges', 'compatible', 'reg', 'odd']);
  });

  it('appends padding counted in totalsize', () => {
    const plain = writeFdt(sample());
    const padded = writeFdt(sample(), { padding: 256 });
    expect(padded.length).toBe(plain.length + 256);
    expect(new DataView(padded.buffer).getUint32(4)).toBe(padded.length);
    expect(padded.subarray(0, 4)).toEqual(plain.subarray(0, 4));
    expect(parseFdt(padded).ok).toBe(true);
  });

  it('round-trips through parseFdt', () => {
    const tree = sample();
    const parsed = parseFdt(writeFdt(tree));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.tree).toEqual(tree);
    expect(writeFdt(parsed.tree)).toEqual(writeFdt(tree));
  });
});

describe.runIf(dtcExists)('writeFdt vs dtc', () => {
  it('dtc decompiles the blob without warnings to the expected source', () => {
    const { status, dts, stderr } = decompile(writeFdt(sample()));
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(dts).toContain('/memreserve/\t0x0000000080000000 0x0000000000200000;');
    expect(dts).toContain('bootargs = "console=ttyS0 earlycon";');
    expect(dts).toContain('linux,initrd-start = <0x01 0x80000000>;');
    expect(dts).toContain('compatible = "vendor,dev\\0generic";');
    expect(dts).toContain('reg = <0x00 0x1000 0x00 0x100>;');
    expect(dts).toContain('odd = [01 02 03];');
    expect(dts).toContain('ranges;');
  });

  it('writes the same tree dtc compiles from the same source', () => {
    const source = decompile(writeFdt(sample())).dts;
    const theirs = parseFdt(compile(source));
    expect(theirs.ok).toBe(true);
    if (!theirs.ok) return;
    // dtc may lay out the strings block differently: compare trees, not bytes. (A .dts has no boot cpuid.)
    expect(theirs.tree.root).toEqual(sample().root);
    expect(theirs.tree.reservations).toEqual(sample().reservations);
  });
});
