import type { DeviceTree, FdtNode, FdtReservation } from './device-tree.js';
import {
  alignUp,
  FDT_BEGIN_NODE,
  FDT_END,
  FDT_END_NODE,
  FDT_HEADER,
  FDT_HEADER_SIZE,
  FDT_LAST_COMP_VERSION,
  FDT_MAGIC,
  FDT_MIN_READ_VERSION,
  FDT_NOP,
  FDT_PROP,
  FDT_RESERVE_ENTRY_SIZE,
  FDT_RSVMAP_ALIGN,
  FDT_TOKEN_ALIGN,
  FDT_V16_HEADER_SIZE,
} from './fdt-format.js';

export type ParseFdtResult = { readonly ok: true; readonly tree: DeviceTree } | { readonly ok: false; readonly error: string };

/** Deepest node nesting accepted: far beyond any real tree, and it bounds the work done on hostile input. */
export const FDT_MAX_DEPTH = 64;

const TWO_32 = 0x1_0000_0000;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Thrown inside the parser only; `parseFdt` turns it into the error value. */
class FdtFormatError {
  constructor(readonly message: string) {}
}

const hex = (n: number): string => `0x${n.toString(16)}`;

/**
 * Parses a flattened device tree blob (Devicetree Specification v0.4,
 * chapter 5). Checks what libfdt's `fdt_check_header` and `fdt_check_full`
 * check: magic, versions, that every block lies inside totalsize and the
 * input, alignment, that every token, name, property value and string
 * offset is in bounds and NUL-terminated, and that nodes nest properly
 * under one root. Returns the tree or a one-line description of the first
 * problem; never throws and never reads outside `bytes`.
 */
export function parseFdt(bytes: Uint8Array): ParseFdtResult {
  try {
    return { ok: true, tree: parse(bytes) };
  } catch (e) {
    if (e instanceof FdtFormatError) return { ok: false, error: `invalid device tree blob: ${e.message}` };
    throw e;
  }
}

function fail(message: string): never {
  throw new FdtFormatError(message);
}

function parse(bytes: Uint8Array): DeviceTree {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The magic first: a file that is not a DTB at all (an ELF, a text) is reported as such, whatever its length.
  if (bytes.length < 4) fail(`${bytes.length} bytes is too short for a header (${FDT_HEADER_SIZE} bytes)`);
  const magic = view.getUint32(FDT_HEADER.magic);
  if (magic !== FDT_MAGIC) fail(`bad magic ${hex(magic)} (expected ${hex(FDT_MAGIC)})`);
  if (bytes.length < FDT_V16_HEADER_SIZE) fail(`${bytes.length} bytes is too short for a header (${FDT_HEADER_SIZE} bytes)`);
  const version = view.getUint32(FDT_HEADER.version);
  const lastComp = view.getUint32(FDT_HEADER.last_comp_version);
  if (version < FDT_MIN_READ_VERSION) fail(`version ${version} is too old (${FDT_MIN_READ_VERSION} or later is read)`);
  if (lastComp > FDT_LAST_COMP_VERSION) fail(`last_comp_version ${lastComp} is newer than this reader (${FDT_LAST_COMP_VERSION})`);
  if (lastComp > version) fail(`last_comp_version ${lastComp} is greater than version ${version}`);
  const headerSize = version >= 17 ? FDT_HEADER_SIZE : FDT_V16_HEADER_SIZE;
  if (bytes.length < headerSize) fail(`${bytes.length} bytes is too short for a version ${version} header (${headerSize} bytes)`);

  const totalSize = view.getUint32(FDT_HEADER.totalsize);
  if (totalSize < headerSize) fail(`totalsize ${totalSize} is smaller than the header`);
  if (totalSize > bytes.length) fail(`totalsize ${totalSize} exceeds the ${bytes.length} bytes given (truncated?)`);

  const rsvOffset = view.getUint32(FDT_HEADER.off_mem_rsvmap);
  const structOffset = view.getUint32(FDT_HEADER.off_dt_struct);
  const stringsOffset = view.getUint32(FDT_HEADER.off_dt_strings);
  const stringsSize = view.getUint32(FDT_HEADER.size_dt_strings);
  // Version 16 has no size_dt_struct: the structure block then ends where its FDT_END token is.
  const structSize = version >= 17 ? view.getUint32(FDT_HEADER.size_dt_struct) : totalSize - Math.min(structOffset, totalSize);

  const checkBlock = (what: string, offset: number, size: number): void => {
    if (offset < headerSize) fail(`${what} offset ${hex(offset)} overlaps the header`);
    if (offset + size > totalSize) fail(`${what} [${hex(offset)}, ${hex(offset + size)}) extends past totalsize ${hex(totalSize)}`);
  };
  if (rsvOffset % FDT_RSVMAP_ALIGN !== 0) fail(`memory reservation block offset ${hex(rsvOffset)} is not 8-byte aligned`);
  checkBlock('memory reservation block', rsvOffset, 0);
  if (structOffset % FDT_TOKEN_ALIGN !== 0) fail(`structure block offset ${hex(structOffset)} is not 4-byte aligned`);
  checkBlock('structure block', structOffset, structSize);
  checkBlock('strings block', stringsOffset, stringsSize);

  const reservations = parseReservations(view, rsvOffset, totalSize);
  const root = parseStructure(bytes, view, structOffset, structSize, stringsOffset, stringsSize);
  return { root, reservations, bootCpuId: view.getUint32(FDT_HEADER.boot_cpuid_phys) };
}

function parseReservations(view: DataView, offset: number, totalSize: number): FdtReservation[] {
  const out: FdtReservation[] = [];
  for (let at = offset; ; at += FDT_RESERVE_ENTRY_SIZE) {
    if (at + FDT_RESERVE_ENTRY_SIZE > totalSize) fail('memory reservation block has no terminating zero entry before totalsize');
    const ah = view.getUint32(at);
    const al = view.getUint32(at + 4);
    const sh = view.getUint32(at + 8);
    const sl = view.getUint32(at + 12);
    if (ah === 0 && al === 0 && sh === 0 && sl === 0) return out;
    const address = ah * TWO_32 + al;
    const size = sh * TWO_32 + sl;
    if (!Number.isSafeInteger(address + size)) fail(`memory reservation ${out.length} (${hex(address)}, size ${hex(size)}) is beyond 2^53`);
    out.push({ address, size });
  }
}

function parseStructure(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  size: number,
  stringsOffset: number,
  stringsSize: number,
): FdtNode {
  const end = offset + size;
  const stack: FdtNode[] = [];
  const pathOf = (): string => (stack.length <= 1 ? '/' : '/' + stack.slice(1).map((n) => n.name).join('/'));
  let root: FdtNode | undefined;
  let at = offset;

  const word = (what: string): number => {
    if (at + 4 > end) fail(`structure block ends inside ${what} at ${hex(at)}`);
    const w = view.getUint32(at);
    at += 4;
    return w;
  };
  const propertyName = (nameOffset: number): string => {
    if (nameOffset >= stringsSize) fail(`property in ${pathOf()} has name offset ${hex(nameOffset)} outside the strings block (${hex(stringsSize)} bytes)`);
    const from = stringsOffset + nameOffset;
    const nul = bytes.subarray(from, stringsOffset + stringsSize).indexOf(0);
    if (nul < 0) fail(`property name at strings offset ${hex(nameOffset)} is not NUL-terminated within the strings block`);
    if (nul === 0) fail(`property in ${pathOf()} has an empty name`);
    return decoder.decode(bytes.subarray(from, from + nul));
  };

  while (true) {
    const tokenAt = at;
    const token = word('a token (missing FDT_END?)');
    switch (token) {
      case FDT_BEGIN_NODE: {
        if (root && stack.length === 0) fail(`second root node at ${hex(tokenAt)}`);
        const nul = bytes.subarray(at, end).indexOf(0);
        if (nul < 0) fail(`node name at ${hex(at)} is not NUL-terminated within the structure block`);
        const name = decoder.decode(bytes.subarray(at, at + nul));
        at += alignUp(nul + 1, FDT_TOKEN_ALIGN);
        if (at > end) fail(`node name at ${hex(tokenAt + 4)} runs past the structure block`);
        if (stack.length === 0 && name !== '') fail(`root node has name '${name}' (must be empty)`);
        if (stack.length > 0 && name === '') fail(`node in ${pathOf()} at ${hex(tokenAt)} has an empty name`);
        if (stack.length >= FDT_MAX_DEPTH) fail(`nodes nested deeper than ${FDT_MAX_DEPTH} at ${hex(tokenAt)}`);
        const n: FdtNode = { name, properties: [], children: [] };
        if (stack.length === 0) root = n;
        else stack[stack.length - 1]!.children.push(n);
        stack.push(n);
        break;
      }
      case FDT_END_NODE:
        if (stack.length === 0) fail(`FDT_END_NODE at ${hex(tokenAt)} without a matching FDT_BEGIN_NODE`);
        stack.pop();
        break;
      case FDT_PROP: {
        if (stack.length === 0) fail(`property at ${hex(tokenAt)} outside any node`);
        const len = word('a property header');
        const name = propertyName(word('a property header'));
        if (len > end - at) fail(`property '${name}' in ${pathOf()} has length ${len}, past the structure block`);
        const n = stack[stack.length - 1]!;
        if (n.properties.some((p) => p.name === name)) fail(`property '${name}' appears twice in ${pathOf()}`);
        n.properties.push({ name, value: bytes.slice(at, at + len) });
        at += alignUp(len, FDT_TOKEN_ALIGN);
        if (at > end) fail(`property '${name}' in ${pathOf()} padding runs past the structure block`);
        break;
      }
      case FDT_NOP:
        break;
      case FDT_END:
        if (!root) fail('structure block has no root node');
        if (stack.length > 0) fail(`FDT_END at ${hex(tokenAt)} while ${stack.length} node(s) are still open (innermost ${pathOf()})`);
        return root;
      default:
        fail(`unknown token ${hex(token)} at ${hex(tokenAt)}`);
    }
  }
}
