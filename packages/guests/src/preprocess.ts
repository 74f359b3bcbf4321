/**
 * The GNU as macro directives the project's assembler does not implement
 * (yet): `.include`, `.macro`/`.endm`, `.rept`/`.endr` and `.irp`/`.endr`,
 * expanded before assembly with GNU as semantics (as.texinfo "Macro"):
 *
 * - `.macro NAME a, b=default` ... `.endm`; an invocation `NAME x, y` puts
 *   its arguments where the body says `\a`, `\b`; `\@` is the number of
 *   macros expanded so far (for unique labels) and `\()` separates a
 *   parameter from text that follows it.
 * - `.rept N` ... `.endr` repeats its body; `.irp sym, v1, v2` ... `.endr`
 *   repeats it with `\sym` replaced by each value.
 * - `.include "file"` inserts another file of the same program set.
 *
 * Arguments are separated by commas only (GNU as also splits on blanks):
 * write expressions without spaces, or in parentheses, so both readings
 * agree. Programs stay plain GNU as and also assemble with binutils.
 *
 * Every expansion is joined into one line with `;` so line numbers in
 * assembler errors still point into the original file, and each included
 * file becomes a source of its own, named after the file.
 */

/** A file of assembly source. */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export type PreprocessResult =
  | { readonly ok: true; readonly sources: readonly SourceFile[] }
  | { readonly ok: false; readonly error: string };

interface Macro {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly fallback: string }[];
  readonly body: readonly string[];
}

class PreprocessError extends Error {}

const MAX_DEPTH = 64;

/** Strips `#` and `/* *\/` comments, honouring string and character literals; `state.block` carries an open block comment across lines. */
function stripComments(line: string, state: { block: boolean }): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (state.block) {
      if (c === '*' && line[i + 1] === '/') {
        state.block = false;
        i += 2;
      } else i++;
      continue;
    }
    if (c === '"') {
      const end = stringEnd(line, i);
      out += line.slice(i, end);
      i = end;
      continue;
    }
    if (c === '\'' && i + 1 < line.length) {
      // Character literal 'x or '\n (GNU as needs no closing quote).
      const len = line[i + 1] === '\\' ? 3 : 2;
      out += line.slice(i, i + len);
      i += len;
      if (line[i] === '\'') {
        out += '\'';
        i++;
      }
      continue;
    }
    if (c === '#') break;
    if (c === '/' && line[i + 1] === '*') {
      state.block = true;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/** Splits at `sep` outside strings and parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      current += text.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Leading `label:` definitions of a statement and the rest. */
function splitLabels(statement: string): { labels: string; rest: string } {
  const m = /^(\s*(?:[A-Za-z_.$][\w.$]*|\d+)\s*:(?!=))*/.exec(statement)!;
  return { labels: m[0], rest: statement.slice(m[0].length) };
}

function directiveOf(statement: string): { name: string; args: string } {
  const m = /^\s*([A-Za-z_.$][\w.$]*)\s*(.*)$/s.exec(statement);
  return m ? { name: m[1]!, args: m[2]!.trim() } : { name: '', args: statement.trim() };
}

class Preprocessor {
  private readonly macros = new Map<string, Macro>();
  private expansions = 0;
  readonly sources: SourceFile[] = [];

  constructor(private readonly files: ReadonlyMap<string, string>) {}

  /** Processes `name`, appending it (split around its includes) to `sources`. */
  processFile(name: string, depth: number): void {
    if (depth > MAX_DEPTH) throw new PreprocessError(`${name}: .include nested too deeply`);
    const text = this.files.get(name);
    if (text === undefined) throw new PreprocessError(`cannot find included file "${name}"`);
    const lines = text.split(/\r?\n/);
    const comments = { block: false };
    let out: string[] = [];
    const flush = (): void => {
      if (out.some((l) => l.trim() !== '')) this.sources.push({ name, text: out.join('\n') });
    };
    for (let i = 0; i < lines.length; i++) {
      const line = stripComments(lines[i]!, comments);
      const where = `${name}:${i + 1}`;
      const { name: directive, args } = directiveOf(splitLabels(line).rest);
      if (directive === '.include') {
        const file = /^"([^"]+)"$/.exec(args)?.[1];
        if (file === undefined) throw new PreprocessError(`${where}: .include expects a quoted file name`);
        flush();
        this.processFile(file, depth + 1);
        // Blank lines keep the rest of this file on its original line numbers.
        out = Array<string>(i + 1).fill('');
        continue;
      }
      if (directive === '.macro' || directive === '.rept' || directive === '.irp') {
        const end = this.blockEnd(lines, i, comments, where);
        const body = lines.slice(i + 1, end).map((l) => stripComments(l, comments));
        if (directive === '.macro') {
          this.define(args, body, where);
          out.push('');
        } else {
          out.push(this.expandBlock(directive, args, body, where, 0).join('; '));
        }
        for (let k = i + 1; k <= end; k++) out.push('');
        i = end;
        continue;
      }
      out.push(this.expandLine(line, where, 0).join('; '));
    }
    flush();
  }

  /** Line index of the `.endm`/`.endr` closing the block opened at `start` (blocks nest). */
  private blockEnd(lines: readonly string[], start: number, comments: { block: boolean }, where: string): number {
    let depth = 1;
    const probe = { block: comments.block };
    for (let i = start + 1; i < lines.length; i++) {
      const d = directiveOf(splitLabels(stripComments(lines[i]!, probe)).rest).name;
      if (d === '.macro' || d === '.rept' || d === '.irp') depth++;
      if (d === '.endm' || d === '.endr') depth--;
      if (depth === 0) return i;
    }
    throw new PreprocessError(`${where}: block is never closed (missing .endm/.endr)`);
  }

  private define(args: string, body: readonly string[], where: string): void {
    const m = /^([A-Za-z_.$][\w.$]*)\s*,?\s*(.*)$/s.exec(args);
    if (m === null) throw new PreprocessError(`${where}: .macro needs a name`);
    const [, name, spec] = m as unknown as [string, string, string];
    // Parameters are separated by commas, or by blanks when there are no commas.
    const parts = spec.includes(',') ? spec.split(',') : spec.split(/\s+/);
    const params = parts
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        const bare = (eq < 0 ? p : p.slice(0, eq)).trim().replace(/:(req|vararg)$/, '');
        return { name: bare, fallback: eq < 0 ? '' : p.slice(eq + 1).trim() };
      });
    this.macros.set(name.toLowerCase(), { name, params, body });
  }

  /** Expands `.rept`/`.irp` blocks into statements. */
  private expandBlock(kind: string, args: string, body: readonly string[], where: string, depth: number): string[] {
    const out: string[] = [];
    if (kind === '.rept') {
      const count = Number(args);
      if (!Number.isInteger(count) || count < 0) throw new PreprocessError(`${where}: .rept expects a count, got '${args}'`);
      for (let n = 0; n < count; n++) out.push(...this.expandBody(body, new Map(), where, depth + 1));
      return out;
    }
    const [symbol, ...values] = splitTopLevel(args, ',').map((s) => s.trim());
    if (!symbol) throw new PreprocessError(`${where}: .irp expects a symbol`);
    for (const v of values) out.push(...this.expandBody(body, new Map([[symbol, v]]), where, depth + 1));
    return out;
  }

  /** Substitutes parameters into body lines and expands what they invoke. */
  private expandBody(body: readonly string[], bindings: ReadonlyMap<string, string>, where: string, depth: number): string[] {
    const counter = this.expansions++;
    const out: string[] = [];
    for (let i = 0; i < body.length; i++) {
      const line = substitute(body[i]!, bindings, counter);
      const { name } = directiveOf(splitLabels(line).rest);
      if (name === '.rept' || name === '.irp') {
        const end = this.blockEnd(body, i, { block: false }, where);
        const inner = body.slice(i + 1, end).map((l) => substitute(l, bindings, counter));
        out.push(...this.expandBlock(name, directiveOf(splitLabels(line).rest).args, inner, where, depth + 1));
        i = end;
        continue;
      }
      out.push(...this.expandLine(line, where, depth + 1));
    }
    return out;
  }

  /** The statements of one source line with macro invocations expanded. */
  private expandLine(line: string, where: string, depth: number): string[] {
    if (depth > MAX_DEPTH) throw new PreprocessError(`${where}: macros nested too deeply (recursive macro?)`);
    const out: string[] = [];
    for (const statement of splitTopLevel(line, ';')) {
      const { labels, rest } = splitLabels(statement);
      const { name, args } = directiveOf(rest);
      const macro = this.macros.get(name.toLowerCase());
      if (macro === undefined) {
        if (statement.trim() !== '') out.push(statement.trim());
        continue;
      }
      if (labels.trim() !== '') out.push(labels.trim());
      out.push(...this.invoke(macro, args, where, depth));
    }
    return out;
  }

  private invoke(macro: Macro, args: string, where: string, depth: number): string[] {
    const values = args === '' ? [] : splitTopLevel(args, ',').map((s) => s.trim());
    if (values.length > macro.params.length) {
      throw new PreprocessError(`${where}: macro ${macro.name} takes ${macro.params.length} arguments, got ${values.length}`);
    }
    const bindings = new Map<string, string>();
    macro.params.forEach((p, i) => {
      const v = values[i];
      bindings.set(p.name, v === undefined || v === '' ? p.fallback : v);
    });
    return this.expandBody(macro.body, bindings, where, depth);
  }
}

/** Replaces `\param`, `\@` and `\()` in one body line. */
function substitute(line: string, bindings: ReadonlyMap<string, string>, counter: number): string {
  return line.replace(/\\(@|\(\)|[A-Za-z_][\w]*)/g, (whole, key: string) => {
    if (key === '@') return String(counter);
    if (key === '()') return '';
    return bindings.get(key) ?? whole;
  });
}

/**
 * Preprocesses `entry` of a set of files (name -> text): includes and
 * macros expanded, the result split into sources in the order the assembler
 * must read them.
 */
export function preprocess(files: ReadonlyMap<string, string>, entry: string): PreprocessResult {
  const p = new Preprocessor(files);
  try {
    p.processFile(entry, 0);
    return { ok: true, sources: p.sources };
  } catch (e) {
    if (e instanceof PreprocessError) return { ok: false, error: e.message };
    throw e;
  }
}
