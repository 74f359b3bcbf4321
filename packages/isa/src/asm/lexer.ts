import { failAt, type SourceLocation } from './asm-error.js';

/**
 * Splits GNU as source into statements and tokens. RISC-V GNU as uses `#`
 * for comments, `;` to separate statements on one line, and also accepts C
 * block comments.
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'localref' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier/punctuation text, string contents (unescaped) or local label reference like '1b'. */
  readonly text: string;
  /**
   * Numeric value of a `number` token (also character literals); undefined
   * when the text is no integer (`1.5`: only .float/.double read those).
   */
  readonly value?: bigint;
  readonly at: SourceLocation;
}

/** One statement's text with the location of its first character. */
export interface StatementText {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  /** 1-based column of text[0] in the source line. */
  readonly column: number;
}

/** Splits `source` into statements, dropping comments (`#`, `/* *\/`) and honouring quotes. */
export function splitStatements(source: string, file: string): StatementText[] {
  const out: StatementText[] = [];
  const lines = source.split(/\r?\n/);
  let inBlockComment = false;
  lines.forEach((lineText, index) => {
    const line = index + 1;
    let current = '';
    let start = 0;
    let i = 0;
    const flush = (end: number): void => {
      if (current.trim() !== '') out.push({ text: current, file, line, column: start + 1 });
      current = '';
      start = end + 1;
    };
    while (i < lineText.length) {
      const c = lineText[i]!;
      if (inBlockComment) {
        if (c === '*' && lineText[i + 1] === '/') {
          inBlockComment = false;
          current += '  ';
          i += 2;
        } else {
          current += ' ';
          i++;
        }
        continue;
      }
      if (c === '/' && lineText[i + 1] === '*') {
        inBlockComment = true;
        current += '  ';
        i += 2;
        continue;
      }
      if (c === '#') break;
      if (c === ';') {
        flush(i);
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        // Copy a quoted run verbatim (a character literal is 'x, with an optional closing quote).
        const quote = c;
        current += c;
        i++;
        while (i < lineText.length && lineText[i] !== quote) {
          if (lineText[i] === '\\' && i + 1 < lineText.length) {
            current += lineText[i]! + lineText[i + 1]!;
            i += 2;
          } else {
            current += lineText[i]!;
            i++;
          }
          if (quote === "'") break;
        }
        if (i < lineText.length && lineText[i] === quote) {
          current += quote;
          i++;
        }
        continue;
      }
      current += c;
      i++;
    }
    flush(lineText.length);
  });
  return out;
}

const IDENT_START = /[A-Za-z_.$]/;
const IDENT_CHAR = /[A-Za-z0-9_.$]/;
const PUNCT3 = ['<<=', '>>='];
const PUNCT2 = ['<<', '>>', '==', '!=', '<>', '<=', '>=', '&&', '||'];

function unescape(raw: string, at: SourceLocation): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = raw[++i];
    if (n === undefined) failAt(at, 'string ends with a lone backslash');
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'e':
        out += '\x1b';
        break;
      case 'x': {
        let hex = '';
        while (i + 1 < raw.length && /[0-9a-fA-F]/.test(raw[i + 1]!)) hex += raw[++i];
        if (hex === '') failAt(at, '\\x escape without hex digits');
        out += String.fromCharCode(parseInt(hex, 16) & 0xff);
        break;
      }
      default:
        if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && i + 1 < raw.length && /[0-7]/.test(raw[i + 1]!)) oct += raw[++i];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else {
          out += n;
        }
    }
  }
  return out;
}

/** The value of an integer literal (0x.., 0b.., 0.. octal, decimal), or undefined when malformed. */
function parseNumber(text: string): bigint | undefined {
  const t = text.toLowerCase();
  if (/^0x[0-9a-f]+$/.test(t) || /^0b[01]+$/.test(t) || /^[1-9][0-9]*$/.test(t) || t === '0') return BigInt(t);
  if (/^0[0-7]+$/.test(t)) return BigInt(`0o${t.slice(1)}`);
  return undefined;
}

/** Tokenizes one statement (comments already removed). */
export function tokenize(stmt: StatementText): Token[] {
  const tokens: Token[] = [];
  const s = stmt.text;
  let i = 0;
  const loc = (pos: number): SourceLocation => ({ file: stmt.file, line: stmt.line, column: stmt.column + pos });
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    const at = loc(i);
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < s.length && IDENT_CHAR.test(s[j]!)) j++;
      const text = s.slice(i, j);
      // `1b` / `1f` are references to numeric local labels; 0b101 is a binary number.
      if (/^[0-9]+[bf]$/.test(text) && !/^0b[01]+$/i.test(text)) {
        tokens.push({ kind: 'localref', text, at });
      } else {
        const value = parseNumber(text);
        tokens.push(value === undefined ? { kind: 'number', text, at } : { kind: 'number', text, value, at });
      }
      i = j;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < s.length && IDENT_CHAR.test(s[j]!)) j++;
      tokens.push({ kind: 'ident', text: s.slice(i, j), at });
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) {
          raw += s[j]! + s[j + 1]!;
          j += 2;
        } else {
          raw += s[j]!;
          j++;
        }
      }
      if (j >= s.length) failAt(at, 'unterminated string');
      tokens.push({ kind: 'string', text: unescape(raw, at), at });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      // Character constant: 'a or 'a' (GNU accepts both), with escapes.
      let j = i + 1;
      let raw = s[j] ?? '';
      if (raw === '\\') {
        raw += s[j + 1] ?? '';
        j++;
      }
      if (raw === '') failAt(at, 'empty character constant');
      j++;
      if (s[j] === "'") j++;
      const ch = unescape(raw, at);
      tokens.push({ kind: 'number', text: s.slice(i, j), value: BigInt(ch.charCodeAt(0)), at });
      i = j;
      continue;
    }
    const three = s.slice(i, i + 3);
    const two = s.slice(i, i + 2);
    if (PUNCT3.includes(three)) {
      tokens.push({ kind: 'punct', text: three, at });
      i += 3;
    } else if (PUNCT2.includes(two)) {
      tokens.push({ kind: 'punct', text: two, at });
      i += 2;
    } else if ('+-*/%&|^~!()<>,:=@'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at });
      i++;
    } else {
      failAt(at, `unexpected character '${c}'`);
    }
  }
  return tokens;
}
