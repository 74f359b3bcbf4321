import { ensureChild, removeProperty, setProperty, type DeviceTree } from './device-tree.js';
import { str, u64 } from './fdt-value.js';

/** A RAM range [start, end) holding an initial ramdisk. */
export interface InitrdRange {
  readonly start: number;
  readonly end: number;
}

/** What the loader tells the kernel through /chosen (Devicetree Specification v0.4, 3.6). */
export interface ChosenPatch {
  /** Kernel command line; undefined leaves the tree's bootargs as they are. */
  readonly bootargs?: string;
  /** Where the initrd was loaded; undefined leaves the tree's linux,initrd-* as they are. */
  readonly initrd?: InitrdRange;
}

/**
 * Writes bootargs and linux,initrd-start/-end into /chosen, creating the
 * node if the tree has none — what QEMU does to a generated tree and to a
 * user's `-dtb` alike. The initrd bounds are 64-bit (two cells), as QEMU
 * writes them for riscv64; Linux reads either width (`of_read_number`).
 */
export function patchChosen(tree: DeviceTree, patch: ChosenPatch): void {
  const chosen = ensureChild(tree.root, 'chosen');
  if (patch.bootargs !== undefined) setProperty(chosen, 'bootargs', str(patch.bootargs));
  if (patch.initrd !== undefined) {
    setProperty(chosen, 'linux,initrd-start', u64(patch.initrd.start));
    setProperty(chosen, 'linux,initrd-end', u64(patch.initrd.end));
  }
}

/** Removes the initrd bounds from /chosen (a user tree may carry stale ones when no initrd is given). */
export function removeInitrd(tree: DeviceTree): void {
  const chosen = ensureChild(tree.root, 'chosen');
  removeProperty(chosen, 'linux,initrd-start');
  removeProperty(chosen, 'linux,initrd-end');
}
