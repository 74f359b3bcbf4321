import { failAt } from './asm-error.js';
import type { AssemblyPass, DirectiveHandler } from './assembly-pass.js';
import { evalOperand, operandIdent, operandText, splitOperands, type Operand } from './operands.js';
import type { Statement } from './statement.js';
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS, STT_FUNC, STT_NOTYPE, STT_OBJECT } from '../elf/elf64-types.js';

/**
 * GNU as directives (as.texinfo "Assembler Directives", and the RISC-V
 * specific ones in "RISC-V Directives"). `.macro` and `.include` are not
 * supported.
 */

const NOP = 0x00000013n;
const C_NOP = 0x0001n;

function args(pass: AssemblyPass, stmt: Statement): Operand[] {
  void pass;
  return splitOperands(stmt.body!.args, stmt.end);
}

function argCount(stmt: Statement, ops: readonly Operand[], min: number, max: number, form: string): void {
  if (ops.length < min || ops.length > max) {
    failAt(ops[max]?.at ?? stmt.body!.at, `'${stmt.body!.name}' expects ${form}`);
  }
}

function value(pass: AssemblyPass, op: Operand): bigint {
  const r = evalOperand(op, pass.operandContext(pass.dot()));
  if (r.reloc) failAt(op.at, `%${r.reloc} is only allowed in instruction operands`);
  return r.value;
}

/** A non-negative count that fits comfortably in memory (sizes, repeat counts). */
function count(pass: AssemblyPass, op: Operand, what: string): number {
  const v = value(pass, op);
  if (v < 0n || v > 0x10000000n) failAt(op.at, `${what} ${v} is out of range`);
  return Number(v);
}

function symbolName(op: Operand): string {
  const id = operandIdent(op);
  if (id === undefined) failAt(op.at, `expected a symbol name but found '${operandText(op)}'`);
  return id;
}

function requireData(pass: AssemblyPass, stmt: Statement): void {
  if (pass.section.isNobits) failAt(stmt.body!.at, `'${stmt.body!.name}' puts data in ${pass.section.name}, which has no contents (use .zero or .space)`);
}

function dataDirective(bytes: number): DirectiveHandler {
  return (pass, stmt) => {
    requireData(pass, stmt);
    const ops = args(pass, stmt);
    if (ops.length === 0) failAt(stmt.body!.at, `'${stmt.body!.name}' expects at least one value`);
    for (const op of ops) {
      const v = value(pass, op);
      const bits = BigInt(bytes * 8);
      if (bytes < 8 && (v < -(1n << (bits - 1n)) || v >= 1n << bits)) {
        failAt(op.at, `value ${v} does not fit in ${bytes} byte${bytes === 1 ? '' : 's'}`);
      }
      pass.section.emit(v, bytes);
    }
  };
}

/** Bytes of a string: characters up to 0xff (escapes like \xff included) are one byte, others UTF-8. */
function stringBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) out.push(code);
    else out.push(...new TextEncoder().encode(ch));
  }
  return Uint8Array.from(out);
}

function stringDirective(terminate: boolean): DirectiveHandler {
  return (pass, stmt) => {
    requireData(pass, stmt);
    const ops = args(pass, stmt);
    if (ops.length === 0) failAt(stmt.body!.at, `'${stmt.body!.name}' expects a string`);
    for (const op of ops) {
      if (op.tokens.length !== 1 || op.tokens[0]!.kind !== 'string') failAt(op.at, `expected a string but found '${operandText(op)}'`);
      const text = op.tokens[0]!.text;
      pass.section.emitBytes(stringBytes(text));
      if (terminate) pass.section.fill(1, 0);
    }
  };
}

function floatDirective(bytes: 4 | 8): DirectiveHandler {
  return (pass, stmt) => {
    requireData(pass, stmt);
    for (const op of args(pass, stmt)) {
      const text = op.tokens.map((t) => t.text).join('').replace(/^0[fdFD]/, '');
      const n = /^[+-]?(inf|nan)$/i.test(text) ? (text.toLowerCase().includes('nan') ? NaN : text.startsWith('-') ? -Infinity : Infinity) : Number(text);
      if (Number.isNaN(n) && !/nan/i.test(text)) failAt(op.at, `bad floating-point number '${text}'`);
      const buf = new DataView(new ArrayBuffer(8));
      if (bytes === 4) buf.setFloat32(0, n, true);
      else buf.setFloat64(0, n, true);
      pass.section.emitBytes(new Uint8Array(buf.buffer, 0, bytes));
    }
  };
}

/** Pads to a multiple of `align` bytes: code sections get nops (a c.nop when RVC is on), others `fill`. */
function alignTo(pass: AssemblyPass, align: number, fill: bigint | undefined, max: number | undefined): void {
  const s = pass.section;
  s.align = Math.max(s.align, align);
  let pad = (align - (s.size % align)) % align;
  if (pad === 0 || (max !== undefined && pad > max)) return;
  if (s.isNobits || fill !== undefined || !s.isCode) {
    s.fill(pad, Number(BigInt.asUintN(8, fill ?? 0n)));
    return;
  }
  // gas riscv_handle_align: leading odd bytes as zeros, then a c.nop if needed, then nops.
  const odd = pad % 2;
  s.fill(odd, 0);
  pad -= odd;
  if (pad % 4 === 2) {
    if (pass.rvc) s.emit(C_NOP, 2);
    else s.fill(2, 0);
    pad -= 2;
  }
  for (; pad > 0; pad -= 4) s.emit(NOP, 4);
}

function alignDirective(kind: 'p2' | 'bytes'): DirectiveHandler {
  return (pass, stmt) => {
    const ops = args(pass, stmt);
    argCount(stmt, ops, 1, 3, 'an alignment, an optional fill value and an optional maximum');
    const n = count(pass, ops[0]!, 'alignment');
    let align: number;
    if (kind === 'p2') {
      if (n > 30) failAt(ops[0]!.at, `alignment 2^${n} is too large`);
      align = 2 ** n;
    } else {
      if (n === 0 || (n & (n - 1)) !== 0) failAt(ops[0]!.at, `alignment ${n} is not a power of 2`);
      align = n;
    }
    const fill = ops[1] && ops[1].tokens.length > 0 ? value(pass, ops[1]) : undefined;
    const max = ops[2] ? count(pass, ops[2], 'maximum') : undefined;
    alignTo(pass, align, fill, max);
  };
}

function spaceDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  argCount(stmt, ops, 1, 2, 'a size and an optional fill byte');
  const n = count(pass, ops[0]!, 'size');
  const fill = ops[1] ? value(pass, ops[1]) : 0n;
  if (pass.section.isNobits && fill !== 0n) failAt(ops[1]!.at, `${pass.section.name} can only be filled with zeros`);
  pass.section.fill(n, Number(BigInt.asUintN(8, fill)));
}

function fillDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  argCount(stmt, ops, 1, 3, 'a repeat count, an optional size and an optional value');
  const repeat = count(pass, ops[0]!, 'repeat count');
  const size = ops[1] ? Math.min(count(pass, ops[1], 'size'), 8) : 1;
  const v = ops[2] ? value(pass, ops[2]) : 0n;
  if (pass.section.isNobits && v !== 0n) failAt(stmt.body!.at, `${pass.section.name} can only be filled with zeros`);
  for (let i = 0; i < repeat; i++) {
    // gas: the value is 4 bytes at most; wider sizes are zero padded.
    pass.section.emit(BigInt.asUintN(32, v), Math.min(size, 4));
    if (size > 4) pass.section.fill(size - 4, 0);
  }
}

function orgDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  argCount(stmt, ops, 1, 2, 'a location and an optional fill byte');
  const r = evalOperand(ops[0]!, pass.operandContext(pass.dot()));
  // An address in this section (`label + 16`, `. + 4`) or an offset from the section start.
  const target = r.rel === 1 ? r.value - pass.sectionAddress(pass.section) : r.value;
  const here = BigInt(pass.section.size);
  if (target < here) failAt(ops[0]!.at, `.org would move the location backwards (from ${here} to ${target})`);
  if (target - here > 0x10000000n) failAt(ops[0]!.at, `.org moves the location too far`);
  const fill = ops[1] ? value(pass, ops[1]) : 0n;
  pass.section.fill(Number(target - here), Number(BigInt.asUintN(8, fill)));
}

/** `.section name[, "flags"[, @type]]`. */
function sectionDirective(push: boolean): DirectiveHandler {
  return (pass, stmt) => {
    const ops = args(pass, stmt);
    if (ops.length === 0) failAt(stmt.body!.at, `'${stmt.body!.name}' expects a section name`);
    const nameOp = ops[0]!;
    const nameTok = nameOp.tokens.length === 1 ? nameOp.tokens[0]! : undefined;
    if (!nameTok || (nameTok.kind !== 'ident' && nameTok.kind !== 'string')) failAt(nameOp.at, `bad section name '${operandText(nameOp)}'`);
    const name = nameTok.text;
    let kind: { type: number; flags: bigint } | undefined;
    if (ops[1]) {
      const flagTok = ops[1].tokens[0];
      if (!flagTok || flagTok.kind !== 'string' || ops[1].tokens.length !== 1) failAt(ops[1].at, `section flags must be a string like "ax"`);
      let flags = 0n;
      for (const c of flagTok.text) {
        if (c === 'a') flags |= SHF_ALLOC;
        else if (c === 'w') flags |= SHF_WRITE;
        else if (c === 'x') flags |= SHF_EXECINSTR;
        else if (!'MSGTodeR?'.includes(c)) failAt(ops[1].at, `unknown section flag '${c}'`);
      }
      let type: number = SHT_PROGBITS;
      if (ops[2]) {
        const t = ops[2].tokens.map((x) => x.text).join('');
        if (/^[@%]nobits$/.test(t)) type = SHT_NOBITS;
        else if (!/^[@%](progbits|note|init_array|fini_array)$/.test(t)) failAt(ops[2].at, `unknown section type '${t}'`);
      } else if (/^\.(s|t)?bss(\.|$)/.test(name)) {
        type = SHT_NOBITS;
      }
      kind = { type, flags };
    }
    if (push) pass.sectionStack.push(pass.section);
    pass.switchSection(name, kind);
  };
}

function namedSection(name: string): DirectiveHandler {
  return (pass, stmt) => {
    const ops = args(pass, stmt);
    // `.text 1` subsections are accepted and share the section.
    argCount(stmt, ops, 0, 1, 'an optional subsection number');
    pass.switchSection(name);
  };
}

function symbolList(apply: (pass: AssemblyPass, name: string) => void): DirectiveHandler {
  return (pass, stmt) => {
    const ops = args(pass, stmt);
    if (ops.length === 0) failAt(stmt.body!.at, `'${stmt.body!.name}' expects symbol names`);
    for (const op of ops) apply(pass, symbolName(op));
  };
}

function setDirective(redefinable: boolean): DirectiveHandler {
  return (pass, stmt) => {
    const ops = args(pass, stmt);
    argCount(stmt, ops, 2, 2, 'a symbol and a value');
    const name = symbolName(ops[0]!);
    const r = evalOperand(ops[1]!, pass.operandContext(pass.dot()));
    if (r.reloc) failAt(ops[1]!.at, `%${r.reloc} is only allowed in instruction operands`);
    pass.defineEquate(name, { value: r.value, rel: r.rel, symbolic: r.symbolic }, ops[0]!.at, redefinable);
  };
}

function assign(pass: AssemblyPass, stmt: Statement): void {
  const body = stmt.body!;
  const ops = splitOperands(body.args, stmt.end);
  if (ops.length !== 1) failAt(ops[1]?.at ?? body.at, `'${body.name} =' expects one value`);
  const r = evalOperand(ops[0]!, pass.operandContext(pass.dot()));
  if (r.reloc) failAt(ops[0]!.at, `%${r.reloc} is only allowed in instruction operands`);
  pass.defineEquate(body.name, { value: r.value, rel: r.rel, symbolic: r.symbolic }, body.at, true);
}

function optionDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  if (ops.length === 0) failAt(stmt.body!.at, `'.option' expects an option`);
  const option = operandIdent(ops[0]!);
  switch (option) {
    case 'rvc':
      pass.rvc = true;
      return;
    case 'norvc':
      pass.rvc = false;
      return;
    case 'push':
      pass.optionStack.push(pass.rvc);
      return;
    case 'pop': {
      const saved = pass.optionStack.pop();
      if (saved === undefined) failAt(ops[0]!.at, `.option pop without a matching .option push`);
      pass.rvc = saved;
      return;
    }
    case 'relax':
    case 'norelax':
    case 'pic':
    case 'nopic':
    case 'csr-check':
    case 'no-csr-check':
      // Linker relaxation and PIC do not apply: the output is a final executable.
      return;
    case 'arch': {
      // `.option arch, +c` / `-c` / `rv64gc`: only the C extension changes what we emit.
      for (const op of ops.slice(1)) {
        const text = op.tokens.map((t) => t.text).join('');
        if (text === '+c') pass.rvc = true;
        else if (text === '-c') pass.rvc = false;
        else if (/^rv(32|64)/.test(text)) pass.rvc = text.split('_')[0]!.slice(4).includes('c');
      }
      return;
    }
    default:
      failAt(ops[0]!.at, `unknown .option '${operandText(ops[0]!)}'`);
  }
}

function typeDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  argCount(stmt, ops, 2, 2, 'a symbol and a type');
  const name = symbolName(ops[0]!);
  const text = ops[1]!.tokens.map((t) => t.text).join('').replace(/^[@%]/, '');
  const types: Record<string, number> = { function: STT_FUNC, object: STT_OBJECT, notype: STT_NOTYPE, STT_FUNC, STT_OBJECT, STT_NOTYPE };
  const type = types[text];
  if (type === undefined) failAt(ops[1]!.at, `unknown symbol type '${text}'`);
  pass.symbolTypes.set(name, type);
}

function sizeDirective(pass: AssemblyPass, stmt: Statement): void {
  const ops = args(pass, stmt);
  argCount(stmt, ops, 2, 2, 'a symbol and a size');
  pass.symbolSizes.set(symbolName(ops[0]!), value(pass, ops[1]!));
}

function leb128(signed: boolean): DirectiveHandler {
  return (pass, stmt) => {
    requireData(pass, stmt);
    for (const op of args(pass, stmt)) {
      let v = value(pass, op);
      if (!signed) v = BigInt.asUintN(64, v);
      while (true) {
        const byte = Number(v & 0x7fn);
        v >>= 7n;
        const done = signed ? (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0) : v === 0n;
        pass.section.emit(BigInt(done ? byte : byte | 0x80), 1);
        if (done) break;
      }
    }
  };
}

const ignore: DirectiveHandler = () => undefined;

const TABLE: Record<string, DirectiveHandler> = {
  '.text': namedSection('.text'),
  '.data': namedSection('.data'),
  '.bss': namedSection('.bss'),
  '.section': sectionDirective(false),
  '.pushsection': sectionDirective(true),
  '.popsection': (pass, stmt) => {
    const s = pass.sectionStack.pop();
    if (!s) failAt(stmt.body!.at, '.popsection without a matching .pushsection');
    pass.switchSection(s.name);
  },
  '.previous': (pass, stmt) => {
    if (!pass.previousSection) failAt(stmt.body!.at, '.previous without an earlier section');
    pass.switchSection(pass.previousSection.name);
  },
  // On RISC-V, .align takes a power of two, like .p2align.
  '.align': alignDirective('p2'),
  '.p2align': alignDirective('p2'),
  '.balign': alignDirective('bytes'),
  '.byte': dataDirective(1),
  '.half': dataDirective(2),
  '.short': dataDirective(2),
  '.2byte': dataDirective(2),
  '.word': dataDirective(4),
  '.long': dataDirective(4),
  '.4byte': dataDirective(4),
  '.dword': dataDirective(8),
  '.quad': dataDirective(8),
  '.8byte': dataDirective(8),
  '.ascii': stringDirective(false),
  '.asciz': stringDirective(true),
  '.string': stringDirective(true),
  '.float': floatDirective(4),
  '.single': floatDirective(4),
  '.double': floatDirective(8),
  '.zero': spaceDirective,
  '.space': spaceDirective,
  '.skip': spaceDirective,
  '.fill': fillDirective,
  '.org': orgDirective,
  '.uleb128': leb128(false),
  '.sleb128': leb128(true),
  '.globl': symbolList((pass, name) => pass.globals.add(name)),
  '.global': symbolList((pass, name) => pass.globals.add(name)),
  '.weak': symbolList((pass, name) => pass.weak.add(name)),
  '.local': symbolList((pass, name) => pass.globals.delete(name)),
  '.equ': setDirective(true),
  '.set': setDirective(true),
  '.equiv': setDirective(false),
  '=': assign,
  '.option': optionDirective,
  '.type': typeDirective,
  '.size': sizeDirective,
  '.file': ignore,
  '.ident': ignore,
  '.attribute': ignore,
  '.loc': ignore,
  '.hidden': ignore,
  '.protected': ignore,
  '.internal': ignore,
  '.end': ignore,
};

/** Every directive the assembler understands (and `=` for `sym = expr`), plus the `.cfi_*` family it ignores. */
export const DIRECTIVES: ReadonlyMap<string, DirectiveHandler> = new Map([
  ...Object.entries(TABLE),
  ...[
    'startproc',
    'endproc',
    'def_cfa',
    'def_cfa_offset',
    'def_cfa_register',
    'offset',
    'restore',
    'remember_state',
    'restore_state',
    'sections',
  ].map((n): [string, DirectiveHandler] => [`.cfi_${n}`, ignore]),
]);
