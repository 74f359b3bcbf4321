/**
 * The in-memory device tree that the FDT writer serialises and the parser
 * produces: nodes with named properties whose values are raw bytes (the
 * devicetree's own representation, Devicetree Specification v0.4, 2.2.4).
 * Typed values are made and read with the helpers in `fdt-value.ts`.
 */

/** A property: a name and its value, big-endian cells / NUL-terminated strings as the spec encodes them. */
export interface FdtProperty {
  readonly name: string;
  value: Uint8Array;
}

/** A node. The root's name is the empty string; others are `name@unit-address` (2.2.1). */
export interface FdtNode {
  readonly name: string;
  readonly properties: FdtProperty[];
  readonly children: FdtNode[];
}

/** An entry of the memory reservation block (5.3): physical memory the client must not use. */
export interface FdtReservation {
  readonly address: number;
  readonly size: number;
}

/** A whole flattened device tree: the root node plus what the header and reservation block carry. */
export interface DeviceTree {
  readonly root: FdtNode;
  readonly reservations: FdtReservation[];
  /** fdt_header.boot_cpuid_phys. */
  bootCpuId: number;
}

/** A property. */
export function fdtProp(name: string, value: Uint8Array): FdtProperty {
  return { name, value };
}

/** A node with its properties and children (properties are written first, as the spec requires: 5.4.2). */
export function fdtNode(name: string, properties: FdtProperty[] = [], children: FdtNode[] = []): FdtNode {
  return { name, properties, children };
}

/** A device tree around `root`. */
export function deviceTree(root: FdtNode, reservations: FdtReservation[] = [], bootCpuId = 0): DeviceTree {
  return { root, reservations, bootCpuId };
}

/** The property `name` of `n`, if it has one. */
export function findProperty(n: FdtNode, name: string): FdtProperty | undefined {
  return n.properties.find((p) => p.name === name);
}

/** Sets property `name` of `n` to `value`, replacing an existing value in place or appending. */
export function setProperty(n: FdtNode, name: string, value: Uint8Array): void {
  const existing = findProperty(n, name);
  if (existing) existing.value = value;
  else n.properties.push({ name, value });
}

/** Removes property `name` from `n`; true if it was there. */
export function removeProperty(n: FdtNode, name: string): boolean {
  const i = n.properties.findIndex((p) => p.name === name);
  if (i < 0) return false;
  n.properties.splice(i, 1);
  return true;
}

/** The child of `n` called `name` (the full `name@unit` form). */
export function findChild(n: FdtNode, name: string): FdtNode | undefined {
  return n.children.find((c) => c.name === name);
}

/** The child of `n` called `name`, created (empty) if missing. */
export function ensureChild(n: FdtNode, name: string): FdtNode {
  const existing = findChild(n, name);
  if (existing) return existing;
  const created = fdtNode(name);
  n.children.push(created);
  return created;
}

/**
 * The node at an absolute path such as `/soc/serial@10000000` ("/" is the
 * root). A path component without a unit address also matches a node that
 * has one when exactly that node carries the name (as libfdt does for
 * `fdt_path_offset`: `/memory` finds `/memory@80000000`).
 */
export function findNode(tree: DeviceTree | FdtNode, path: string): FdtNode | undefined {
  let current: FdtNode | undefined = 'root' in tree ? tree.root : tree;
  if (!path.startsWith('/')) return undefined;
  for (const part of path.split('/')) {
    if (part === '') continue;
    const parent: FdtNode = current;
    current = findChild(parent, part);
    if (!current && !part.includes('@')) current = parent.children.find((c) => c.name.split('@')[0] === part);
    if (!current) return undefined;
  }
  return current;
}

/** Calls `visit` on every node, parents before children, with the node's absolute path. */
export function walkNodes(root: FdtNode, visit: (n: FdtNode, path: string) => void): void {
  const stack: { n: FdtNode; path: string }[] = [{ n: root, path: '/' }];
  while (stack.length > 0) {
    const { n, path } = stack.pop()!;
    visit(n, path);
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i]!;
      stack.push({ n: c, path: path === '/' ? `/${c.name}` : `${path}/${c.name}` });
    }
  }
}
