import { failAt, type SourceLocation } from './asm-error.js';
import { tokenize, type StatementText, type Token } from './lexer.js';

/** A label written before a statement (`name:` or numeric `1:`). */
export interface LabelDef {
  readonly name: string;
  readonly numeric: boolean;
  readonly at: SourceLocation;
}

export type StatementBody =
  | { readonly kind: 'directive'; readonly name: string; readonly at: SourceLocation; readonly args: readonly Token[] }
  | { readonly kind: 'instruction'; readonly name: string; readonly at: SourceLocation; readonly args: readonly Token[] }
  | { readonly kind: 'assign'; readonly name: string; readonly at: SourceLocation; readonly args: readonly Token[] };

/** One source statement, tokenized once and interpreted by every pass. */
export interface Statement {
  readonly index: number;
  readonly labels: readonly LabelDef[];
  readonly body: StatementBody | undefined;
  /** Location just past the statement's end (for "missing operand" errors). */
  readonly end: SourceLocation;
}

/** Tokenizes a statement and separates its labels, directive/mnemonic and arguments. */
export function parseStatement(text: StatementText, index: number): Statement {
  const tokens = tokenize(text);
  const end: SourceLocation = { file: text.file, line: text.line, column: text.column + text.text.trimEnd().length };
  const labels: LabelDef[] = [];
  let i = 0;
  while (i + 1 < tokens.length && tokens[i + 1]!.kind === 'punct' && tokens[i + 1]!.text === ':') {
    const t = tokens[i]!;
    if (t.kind === 'ident') labels.push({ name: t.text, numeric: false, at: t.at });
    else if (t.kind === 'number' && /^[0-9]+$/.test(t.text)) labels.push({ name: String(Number(t.text)), numeric: true, at: t.at });
    else failAt(t.at, `'${t.text}' cannot be a label`);
    i += 2;
  }
  if (i >= tokens.length) return { index, labels, body: undefined, end };
  const head = tokens[i]!;
  if (head.kind !== 'ident') failAt(head.at, `expected an instruction or directive but found '${head.text}'`);
  const next = tokens[i + 1];
  if (next && next.kind === 'punct' && next.text === '=') {
    return { index, labels, body: { kind: 'assign', name: head.text, at: head.at, args: tokens.slice(i + 2) }, end };
  }
  const kind = head.text.startsWith('.') ? 'directive' : 'instruction';
  return { index, labels, body: { kind, name: head.text.toLowerCase(), at: head.at, args: tokens.slice(i + 1) }, end };
}
