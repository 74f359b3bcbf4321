import { failAt, type SourceLocation } from './asm-error.js';
import type { Token } from './lexer.js';

/** Relocation operators of RISC-V assembly (psABI "Assembler Relocation Functions"). */
export type RelocOp = 'hi' | 'lo' | 'pcrel_hi' | 'pcrel_lo';
const RELOC_OPS: ReadonlySet<string> = new Set<RelocOp>(['hi', 'lo', 'pcrel_hi', 'pcrel_lo']);

export type Expr =
  | { readonly kind: 'num'; readonly value: bigint; readonly at: SourceLocation }
  | { readonly kind: 'sym'; readonly name: string; readonly at: SourceLocation }
  | { readonly kind: 'dot'; readonly at: SourceLocation }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Expr; readonly at: SourceLocation }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr; readonly at: SourceLocation }
  | { readonly kind: 'reloc'; readonly op: RelocOp; readonly arg: Expr; readonly at: SourceLocation };

/**
 * Binary operator precedence as GNU as defines it (as.texinfo "Infix
 * Operators"): * / % << >> bind tightest, then | & ^ !, then + - and the
 * comparisons, then && and ||.
 */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '*': 4,
  '/': 4,
  '%': 4,
  '<<': 4,
  '>>': 4,
  '|': 3,
  '&': 3,
  '^': 3,
  '!': 3,
  '+': 2,
  '-': 2,
  '==': 2,
  '!=': 2,
  '<>': 2,
  '<': 2,
  '>': 2,
  '<=': 2,
  '>=': 2,
  '&&': 1,
  '||': 1,
};

/** Maps a numeric local label reference ('1b', '2f') to the internal symbol name it denotes. */
export type LocalRefResolver = (text: string, at: SourceLocation) => string;

/** A cursor over a statement's tokens. */
export class TokenCursor {
  pos = 0;
  constructor(
    readonly tokens: readonly Token[],
    /** Location used for errors at the end of the statement. */
    readonly end: SourceLocation,
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token | undefined {
    return this.tokens[this.pos++];
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  here(): SourceLocation {
    return this.peek()?.at ?? this.end;
  }
  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }
  expectPunct(text: string): Token {
    const t = this.peek();
    if (!t || t.kind !== 'punct' || t.text !== text) {
      failAt(this.here(), t ? `expected '${text}' but found '${t.text}'` : `expected '${text}' at end of line`);
    }
    this.pos++;
    return t;
  }
}

/** Parses one expression from the cursor (stops before a ',' or an unmatched ')'). */
export function parseExpression(cur: TokenCursor, resolveLocal: LocalRefResolver): Expr {
  return parseBinary(cur, resolveLocal, 1);
}

function parseBinary(cur: TokenCursor, resolveLocal: LocalRefResolver, minPrec: number): Expr {
  let left = parseUnary(cur, resolveLocal);
  while (true) {
    const t = cur.peek();
    if (!t || t.kind !== 'punct') return left;
    const prec = PRECEDENCE[t.text];
    if (prec === undefined || prec < minPrec) return left;
    cur.next();
    const right = parseBinary(cur, resolveLocal, prec + 1);
    left = { kind: 'binary', op: t.text, left, right, at: t.at };
  }
}

function parseUnary(cur: TokenCursor, resolveLocal: LocalRefResolver): Expr {
  const t = cur.peek();
  if (!t) failAt(cur.here(), 'expected an expression at end of line');
  if (t.kind === 'punct' && (t.text === '-' || t.text === '~' || t.text === '!' || t.text === '+')) {
    cur.next();
    return { kind: 'unary', op: t.text, arg: parseUnary(cur, resolveLocal), at: t.at };
  }
  return parsePrimary(cur, resolveLocal);
}

function parsePrimary(cur: TokenCursor, resolveLocal: LocalRefResolver): Expr {
  const t = cur.next();
  if (!t) failAt(cur.here(), 'expected an expression at end of line');
  switch (t.kind) {
    case 'number':
      if (t.value === undefined) failAt(t.at, `bad number '${t.text}'`);
      return { kind: 'num', value: t.value, at: t.at };
    case 'localref':
      return { kind: 'sym', name: resolveLocal(t.text, t.at), at: t.at };
    case 'ident':
      if (t.text === '.') return { kind: 'dot', at: t.at };
      return { kind: 'sym', name: t.text, at: t.at };
    case 'punct':
      if (t.text === '(') {
        const inner = parseExpression(cur, resolveLocal);
        cur.expectPunct(')');
        return inner;
      }
      if (t.text === '%') {
        const name = cur.next();
        if (!name || name.kind !== 'ident' || !RELOC_OPS.has(name.text)) {
          failAt(name?.at ?? t.at, `unknown relocation operator '%${name?.text ?? ''}' (expected %hi, %lo, %pcrel_hi or %pcrel_lo)`);
        }
        cur.expectPunct('(');
        const arg = parseExpression(cur, resolveLocal);
        cur.expectPunct(')');
        return { kind: 'reloc', op: name.text as RelocOp, arg, at: t.at };
      }
      failAt(t.at, `expected an expression but found '${t.text}'`);
    // eslint-disable-next-line no-fallthrough
    case 'string':
      failAt(t.at, 'a string is not allowed in an expression');
  }
}

/** A symbol's current value as the evaluator sees it. */
export interface SymbolValue {
  readonly value: bigint;
  /** 1 for an address (label), 0 for an absolute number. */
  readonly rel: number;
  /** Whether the value depends on a label (GNU then keeps it symbolic: no compression). */
  readonly symbolic: boolean;
}

/** What expression evaluation needs from the assembler. */
export interface EvalContext {
  /** Value of a symbol, or undefined when it is not defined (yet). */
  lookup(name: string): SymbolValue | undefined;
  /** Address of the current location ('.'), and the pc of the instruction being encoded. */
  readonly dot: bigint;
  /** Report undefined symbols as errors (last pass) or treat them as 0 (layout passes). */
  readonly final: boolean;
  /** %pcrel_lo(label): the pc-relative offset that the %pcrel_hi at `label`'s address computed. */
  pcrelHiAt(address: bigint): bigint | undefined;
}

export interface EvalResult extends SymbolValue {
  /** Names a relocation operator when the expression is `%op(...)`. */
  readonly reloc?: RelocOp;
  /** `%pcrel_hi(x)`: the full offset x - pc, which a %pcrel_lo naming this instruction completes. */
  readonly pcrelOffset?: bigint;
}

/** 64-bit two's complement wrap (values are signed 64-bit, as GNU as's on a 64-bit host). */
export function wrap64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Sign-extends the low 12 bits (the %lo part that addi/ld/sd add). */
export function lo12(v: bigint): bigint {
  return BigInt.asIntN(12, v);
}

/** The %hi part: the upper 20 bits after rounding for the signed %lo (psABI). */
export function hi20(v: bigint): bigint {
  return BigInt.asUintN(20, (v + 0x800n) >> 12n);
}

function truth(b: boolean): bigint {
  // GNU as comparisons yield -1 for true and 0 for false.
  return b ? -1n : 0n;
}

/** Evaluates `e`; undefined symbols are errors only in the final pass. */
export function evaluate(e: Expr, ctx: EvalContext): EvalResult {
  switch (e.kind) {
    case 'num':
      return { value: wrap64(e.value), rel: 0, symbolic: false };
    case 'dot':
      return { value: ctx.dot, rel: 1, symbolic: true };
    case 'sym': {
      const v = ctx.lookup(e.name);
      if (v) return v;
      if (ctx.final) failAt(e.at, `undefined symbol '${displaySymbol(e.name)}'`);
      return { value: 0n, rel: 1, symbolic: true };
    }
    case 'unary': {
      const a = evaluate(e.arg, ctx);
      switch (e.op) {
        case '-':
          return { value: wrap64(-a.value), rel: -a.rel, symbolic: a.symbolic };
        case '~':
          return { value: wrap64(~a.value), rel: 0, symbolic: a.symbolic };
        case '!':
          return { value: a.value === 0n ? 1n : 0n, rel: 0, symbolic: a.symbolic };
        default:
          return a;
      }
    }
    case 'binary':
      return evaluateBinary(e.op, evaluate(e.left, ctx), evaluate(e.right, ctx), e.at, ctx.final);
    case 'reloc':
      return { ...evaluateReloc(e, ctx), reloc: e.op };
  }
}

function evaluateBinary(op: string, a: SymbolValue, b: SymbolValue, at: SourceLocation, final: boolean): SymbolValue {
  const symbolic = a.symbolic || b.symbolic;
  const plain = (value: bigint): SymbolValue => ({ value: wrap64(value), rel: 0, symbolic });
  switch (op) {
    case '+':
      return { value: wrap64(a.value + b.value), rel: a.rel + b.rel, symbolic };
    case '-': {
      // The difference of two addresses is a plain number (GNU: same-section symbol difference).
      const rel = a.rel - b.rel;
      return { value: wrap64(a.value - b.value), rel, symbolic: rel !== 0 && symbolic };
    }
    case '*':
      return plain(a.value * b.value);
    case '/':
    case '%':
      if (b.value === 0n) {
        if (final) failAt(at, 'division by zero');
        return plain(0n);
      }
      return plain(op === '/' ? a.value / b.value : a.value % b.value);
    case '<<':
      return plain(b.value >= 64n || b.value < 0n ? 0n : a.value << b.value);
    case '>>':
      // GNU as shifts right arithmetically on its signed offsetT values.
      return plain(b.value >= 64n || b.value < 0n ? (a.value < 0n ? -1n : 0n) : a.value >> b.value);
    case '|':
      return plain(a.value | b.value);
    case '&':
      return plain(a.value & b.value);
    case '^':
      return plain(a.value ^ b.value);
    case '!':
      return plain(a.value | ~b.value);
    case '==':
      return plain(truth(a.value === b.value));
    case '!=':
    case '<>':
      return plain(truth(a.value !== b.value));
    case '<':
      return plain(truth(a.value < b.value));
    case '>':
      return plain(truth(a.value > b.value));
    case '<=':
      return plain(truth(a.value <= b.value));
    case '>=':
      return plain(truth(a.value >= b.value));
    case '&&':
      return plain(a.value !== 0n && b.value !== 0n ? 1n : 0n);
    case '||':
      return plain(a.value !== 0n || b.value !== 0n ? 1n : 0n);
    default:
      return failAt(at, `unknown operator '${op}'`);
  }
}

function evaluateReloc(e: Extract<Expr, { kind: 'reloc' }>, ctx: EvalContext): EvalResult {
  const a = evaluate(e.arg, ctx);
  switch (e.op) {
    case 'hi':
      return { value: hi20(a.value), rel: 0, symbolic: true };
    case 'lo':
      return { value: lo12(a.value), rel: 0, symbolic: true };
    case 'pcrel_hi':
      return { value: hi20(a.value - ctx.dot), rel: 0, symbolic: true, pcrelOffset: wrap64(a.value - ctx.dot) };
    case 'pcrel_lo': {
      // %pcrel_lo names the auipc's label, not the target (psABI): the low part is
      // the one the auipc at that address left over.
      const offset = ctx.pcrelHiAt(a.value);
      if (offset === undefined) {
        if (ctx.final) failAt(e.at, `%pcrel_lo: no auipc with %pcrel_hi at the address of its operand`);
        return { value: 0n, rel: 0, symbolic: true };
      }
      return { value: lo12(offset), rel: 0, symbolic: true };
    }
  }
}

/** User-facing name of an internal symbol (numeric local labels are stored as `.L<n>^<k>`). */
export function displaySymbol(name: string): string {
  const m = /^\.L(\d+)\^(\d+)$/.exec(name);
  return m ? `local label ${m[1]}` : name;
}
