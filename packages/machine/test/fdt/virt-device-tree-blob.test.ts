import { describe, expect, it } from 'vitest';
import {
  deviceTree,
  fdtNode as node,
  fdtProp as prop,
  fdtValue as v,
  findNode,
  findProperty,
  parseFdt,
  patchChosen,
  removeInitrd,
  virtDeviceTreeBlob,
  writeFdt,
} from '../../src/index.js';

const config = { harts: 1, ramSize: 0x1000_0000 };

describe('virtDeviceTreeBlob', () => {
  it('writes the generated tree, which parses back to the same tree', () => {
    const r = virtDeviceTreeBlob({ config: { ...config, bootargs: 'quiet' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const parsed = parseFdt(r.dtb);
    expect(parsed.ok && parsed.tree).toEqual(r.tree);
    expect(v.readString(findProperty(findNode(r.tree, '/chosen')!, 'bootargs')!.value)).toBe('quiet');
  });

  it('passes configuration errors through', () => {
    expect(virtDeviceTreeBlob({ config: { ...config, harts: 12 } })).toEqual({ ok: false, error: 'the virt board has 1 to 8 harts, not 12' });
  });

  it('uses a user DTB, patching bootargs and initrd into /chosen and keeping the rest', () => {
    const user = writeFdt(
      deviceTree(node('', [prop('model', v.str('mine'))], [node('chosen', [prop('bootargs', v.str('old')), prop('stdout-path', v.str('/uart'))])])),
    );
    const r = virtDeviceTreeBlob({ config: { ...config, bootargs: 'new', initrd: { start: 0x8400_0000, end: 0x8500_0000 } }, userDtb: user });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const chosen = findNode(r.tree, '/chosen')!;
    expect(v.readString(findProperty(chosen, 'bootargs')!.value)).toBe('new');
    expect(v.readString(findProperty(chosen, 'stdout-path')!.value)).toBe('/uart');
    expect(v.readU64(findProperty(chosen, 'linux,initrd-start')!.value)).toBe(0x8400_0000);
    expect(v.readU64(findProperty(chosen, 'linux,initrd-end')!.value)).toBe(0x8500_0000);
    expect(findNode(r.tree, '/cpus')).toBeUndefined(); // the user's tree, not the generated one
    expect(parseFdt(r.dtb).ok).toBe(true);
  });

  it('leaves a user DTB’s /chosen alone when the command line gives nothing', () => {
    const tree = deviceTree(node('', [], [node('chosen', [prop('bootargs', v.str('keep'))])]));
    const r = virtDeviceTreeBlob({ config, userDtb: writeFdt(tree) });
    expect(r.ok && r.tree).toEqual(tree);
  });

  it('reports a user DTB that does not parse in one line', () => {
    const r = virtDeviceTreeBlob({ config, userDtb: new TextEncoder().encode('not a device tree at all, just text') });
    expect(r).toEqual({ ok: false, error: 'invalid device tree blob: bad magic 0x6e6f7420 (expected 0xd00dfeed)' });
  });

  it('adds free space when asked', () => {
    const plain = virtDeviceTreeBlob({ config });
    const padded = virtDeviceTreeBlob({ config, padding: 4096 });
    expect(plain.ok && padded.ok && padded.dtb.length - plain.dtb.length).toBe(4096);
  });
});

describe('patchChosen / removeInitrd', () => {
  it('creates /chosen when the tree has none, and removes initrd bounds', () => {
    const tree = deviceTree(node(''));
    patchChosen(tree, { bootargs: 'a', initrd: { start: 0x1_0000_0000, end: 0x1_0001_0000 } });
    const chosen = findNode(tree, '/chosen')!;
    expect(v.readCells(findProperty(chosen, 'linux,initrd-start')!.value)).toEqual([1, 0]);
    removeInitrd(tree);
    expect(chosen.properties.map((p) => p.name)).toEqual(['bootargs']);
  });
});
