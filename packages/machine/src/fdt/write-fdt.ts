import type { DeviceTree, FdtNode } from './device-tree.js';
import { splitU64 } from './fdt-value.js';
import {
  alignUp,
  FDT_BEGIN_NODE,
  FDT_END,
  FDT_END_NODE,
  FDT_HEADER,
  FDT_HEADER_SIZE,
  FDT_LAST_COMP_VERSION,
  FDT_MAGIC,
  FDT_PROP,
  FDT_RESERVE_ENTRY_SIZE,
  FDT_RSVMAP_ALIGN,
  FDT_TOKEN_ALIGN,
  FDT_VERSION,
} from './fdt-format.js';

export interface WriteFdtOptions {
  /**
   * Free bytes appended after the strings block and counted in totalsize
   * (like `dtc -p`), so firmware can grow the tree in place with libfdt
   * (OpenSBI adds its own nodes before passing the tree on).
   */
  readonly padding?: number;
}

const encoder = new TextEncoder();

/**
 * Serialises a device tree as a version 17 flattened device tree
 * (Devicetree Specification v0.4, chapter 5): header, memory reservation
 * block, structure block, strings block, in that order (5.1). Property
 * names are stored once in the strings block however many nodes use them.
 *
 * Two passes: the first encodes names and sizes everything, the second
 * writes into a single buffer of the exact size.
 */
export function writeFdt(tree: DeviceTree, options: WriteFdtOptions = {}): Uint8Array {
  // Pass 1: names, the strings block and the structure block size.
  const nameBytes = new Map<FdtNode, Uint8Array>();
  const stringOffsets = new Map<string, number>();
  const stringParts: Uint8Array[] = [];
  let stringsSize = 0;
  let structSize = 0;
  const stack: FdtNode[] = [tree.root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const name = encoder.encode(n.name);
    nameBytes.set(n, name);
    // FDT_BEGIN_NODE, name + NUL padded to 4, ..., FDT_END_NODE (5.4.1).
    structSize += 4 + alignUp(name.length + 1, FDT_TOKEN_ALIGN) + 4;
    for (const p of n.properties) {
      if (!stringOffsets.has(p.name)) {
        const bytes = encoder.encode(p.name);
        stringOffsets.set(p.name, stringsSize);
        stringParts.push(bytes);
        stringsSize += bytes.length + 1;
      }
      // FDT_PROP, len, nameoff, value padded to 4 (5.4.1).
      structSize += 12 + alignUp(p.value.length, FDT_TOKEN_ALIGN);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  structSize += 4; // FDT_END

  const rsvmapOffset = alignUp(FDT_HEADER_SIZE, FDT_RSVMAP_ALIGN);
  const rsvmapSize = (tree.reservations.length + 1) * FDT_RESERVE_ENTRY_SIZE;
  const structOffset = rsvmapOffset + rsvmapSize;
  const stringsOffset = structOffset + structSize;
  const totalSize = stringsOffset + stringsSize + Math.max(0, options.padding ?? 0);

  // Pass 2: write.
  const out = new Uint8Array(totalSize);
  const view = new DataView(out.buffer);
  view.setUint32(FDT_HEADER.magic, FDT_MAGIC);
  view.setUint32(FDT_HEADER.totalsize, totalSize);
  view.setUint32(FDT_HEADER.off_dt_struct, structOffset);
  view.setUint32(FDT_HEADER.off_dt_strings, stringsOffset);
  view.setUint32(FDT_HEADER.off_mem_rsvmap, rsvmapOffset);
  view.setUint32(FDT_HEADER.version, FDT_VERSION);
  view.setUint32(FDT_HEADER.last_comp_version, FDT_LAST_COMP_VERSION);
  view.setUint32(FDT_HEADER.boot_cpuid_phys, tree.bootCpuId >>> 0);
  view.setUint32(FDT_HEADER.size_dt_strings, stringsSize);
  view.setUint32(FDT_HEADER.size_dt_struct, structSize);

  let at = rsvmapOffset;
  for (const r of tree.reservations) {
    const [ah, al] = splitU64(r.address);
    const [sh, sl] = splitU64(r.size);
    view.setUint32(at, ah);
    view.setUint32(at + 4, al);
    view.setUint32(at + 8, sh);
    view.setUint32(at + 12, sl);
    at += FDT_RESERVE_ENTRY_SIZE;
  }
  // The terminating all-zero entry is already zero.

  at = structOffset;
  const writeNode = (n: FdtNode): void => {
    view.setUint32(at, FDT_BEGIN_NODE);
    const name = nameBytes.get(n)!;
    out.set(name, at + 4);
    at += 4 + alignUp(name.length + 1, FDT_TOKEN_ALIGN);
    for (const p of n.properties) {
      view.setUint32(at, FDT_PROP);
      view.setUint32(at + 4, p.value.length);
      view.setUint32(at + 8, stringOffsets.get(p.name)!);
      out.set(p.value, at + 12);
      at += 12 + alignUp(p.value.length, FDT_TOKEN_ALIGN);
    }
    for (const c of n.children) writeNode(c);
    view.setUint32(at, FDT_END_NODE);
    at += 4;
  };
  writeNode(tree.root);
  view.setUint32(at, FDT_END);

  at = stringsOffset;
  for (const s of stringParts) {
    out.set(s, at);
    at += s.length + 1;
  }
  return out;
}
