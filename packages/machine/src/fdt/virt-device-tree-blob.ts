import { patchChosen } from './chosen.js';
import type { DeviceTree } from './device-tree.js';
import { parseFdt } from './parse-fdt.js';
import { buildVirtDeviceTree, type VirtDeviceTreeConfig } from './virt-device-tree.js';
import { writeFdt } from './write-fdt.js';

export interface VirtDeviceTreeBlobOptions {
  /** The board: generates the tree, and supplies bootargs/initrd for a user tree. */
  readonly config: VirtDeviceTreeConfig;
  /** A user's DTB (`-dtb FILE`) to use instead of the generated tree; its /chosen gets bootargs and initrd. */
  readonly userDtb?: Uint8Array;
  /** Free bytes after the tree (see WriteFdtOptions.padding). */
  readonly padding?: number;
}

export type VirtDeviceTreeBlobResult =
  | { readonly ok: true; readonly tree: DeviceTree; readonly dtb: Uint8Array }
  | { readonly ok: false; readonly error: string };

/**
 * The DTB a `virt` boot hands the firmware in a1: the generated tree, or
 * the user's with /chosen patched as QEMU patches it (bootargs and initrd
 * from the command line win over what the file holds). The bytes are what
 * `-machine dumpdtb=FILE` writes.
 */
export function virtDeviceTreeBlob(options: VirtDeviceTreeBlobOptions): VirtDeviceTreeBlobResult {
  let tree: DeviceTree;
  if (options.userDtb) {
    const parsed = parseFdt(options.userDtb);
    if (!parsed.ok) return parsed;
    tree = parsed.tree;
    patchChosen(tree, { bootargs: options.config.bootargs, initrd: options.config.initrd });
  } else {
    const built = buildVirtDeviceTree(options.config);
    if (!built.ok) return built;
    tree = built.tree;
  }
  return { ok: true, tree, dtb: writeFdt(tree, { padding: options.padding }) };
}
