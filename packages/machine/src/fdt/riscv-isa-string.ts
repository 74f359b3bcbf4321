/**
 * The `riscv,isa` string and `riscv,isa-extensions` list of a hart from the
 * names of the extensions it implements, in the canonical order of the
 * unprivileged spec (chapter "ISA Extension Naming Conventions"): base,
 * then single-letter extensions in the order IMAFDQLCBKJTPVH, then
 * multi-letter ones — Z extensions grouped by the single-letter category
 * their second letter names (in that same order) and alphabetical within a
 * group, then S extensions, then X extensions, each alphabetical.
 */

/** Canonical order of single-letter extensions. */
const SINGLE_LETTER_ORDER = 'imafdqlcbkjtpvh';

const MULTI_LETTER_PREFIX_ORDER = 'zsx';

export type IsaNamesResult = { readonly ok: true; readonly names: string[] } | { readonly ok: false; readonly error: string };

function sortKey(name: string): [number, number, string] {
  if (name.length === 1) return [0, SINGLE_LETTER_ORDER.indexOf(name), ''];
  const prefix = MULTI_LETTER_PREFIX_ORDER.indexOf(name[0]!);
  // Z extensions: by the category of their second letter; unknown categories after the known ones.
  const category = name[0] === 'z' ? SINGLE_LETTER_ORDER.indexOf(name[1]!) : 0;
  return [1 + prefix, category < 0 ? SINGLE_LETTER_ORDER.length : category, name];
}

/**
 * The extensions in canonical order, lowercase and without duplicates, or
 * an error naming the first name that is not an extension name (a single
 * letter of IMAFDQLCBKJTPVH, or z/s/x followed by letters and digits).
 * `i` must be present: it is the base (RV64I).
 */
export function canonicalIsaExtensions(names: readonly string[]): IsaNamesResult {
  const set = new Set<string>();
  for (const raw of names) {
    const name = raw.toLowerCase();
    const valid = name.length === 1 ? SINGLE_LETTER_ORDER.includes(name) : /^[zsx][a-z][a-z0-9]*$/.test(name);
    if (!valid) return { ok: false, error: `'${raw}' is not a RISC-V extension name` };
    set.add(name);
  }
  if (!set.has('i')) return { ok: false, error: "the extension list lacks 'i' (the RV64I base)" };
  const sorted = [...set].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
  });
  return { ok: true, names: sorted };
}

/**
 * The `riscv,isa` string for canonically ordered extensions `names`:
 * `rv64` + single letters, then `_name` for each multi-letter extension
 * (`rv64imafdch_zicsr_zifencei_zba`).
 */
export function riscvIsaString(names: readonly string[], xlen: 32 | 64 = 64): string {
  const single = names.filter((n) => n.length === 1).join('');
  const multi = names.filter((n) => n.length > 1);
  return [`rv${xlen}${single}`, ...multi].join('_');
}
