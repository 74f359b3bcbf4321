// Helpers for the hypervisor-extension hart tests: a hart with RAM, the
// instruction encoder driven by the instruction table, and "run one
// instruction in mode X and see where it trapped".
import { createRam, ramOnly } from '@rvhv/mmu';
import { CoherentMemory, CSR, Hart, INSTRUCTION_BY_NAME, insertField, Privilege, type CsrName, type HartOptions } from '@rvhv/isa';

export const RAM_BASE = 0x8000_0000;
export const CODE = RAM_BASE;
export const MTVEC = RAM_BASE + 0x1000;
export const STVEC = RAM_BASE + 0x2000;
export const VSTVEC = RAM_BASE + 0x3000;
export const DATA = RAM_BASE + 0x8000;

export type Mode = 'M' | 'HS' | 'U' | 'VS' | 'VU';

export function makeHart(options: Partial<HartOptions> = {}): Hart {
  const ram = createRam(RAM_BASE, 0x10_0000);
  const h = new Hart({ memory: new CoherentMemory(ramOnly(ram)), ...options });
  // PMP entry 0 grants S and U everything (NAPOT over the whole space), as firmware does.
  csrWrite(h, 'M', 'pmpaddr0', (1n << 54n) - 1n);
  csrWrite(h, 'M', 'pmpcfg0', 0x1fn);
  setCsr(h, 'mtvec', BigInt(MTVEC));
  setCsr(h, 'stvec', BigInt(STVEC));
  setCsr(h, 'vstvec', BigInt(VSTVEC));
  return h;
}

/** Encodes a table row with the given operand field values (0 for the rest). */
export function encode(name: string, fields: Record<string, number> = {}): number {
  const spec = INSTRUCTION_BY_NAME.get(name);
  if (spec === undefined) throw new Error(`no instruction ${name}`);
  let word = spec.match;
  for (const f of spec.fields) word = insertField(f, word, fields[f.name] ?? 0);
  return word >>> 0;
}

export function csrNum(name: CsrName): number {
  return CSR[name];
}

export function setMode(h: Hart, mode: Mode): void {
  h.priv = mode === 'M' ? Privilege.M : mode === 'HS' || mode === 'VS' ? Privilege.S : Privilege.U;
  h.virt = mode === 'VS' || mode === 'VU';
}

export function modeOf(h: Hart): Mode {
  if (h.priv === Privilege.M) return 'M';
  if (h.priv === Privilege.S) return h.virt ? 'VS' : 'HS';
  return h.virt ? 'VU' : 'U';
}

/** Raw 64-bit CSR storage (no side effects, no checks). */
export function getCsr(h: Hart, name: CsrName): bigint {
  const n = CSR[name];
  return BigInt.asUintN(64, (BigInt(h.csr[n * 2 + 1]!) << 32n) | BigInt(h.csr[n * 2]! >>> 0));
}

export function setCsr(h: Hart, name: CsrName, value: bigint): void {
  const n = CSR[name];
  h.csr[n * 2] = Number(BigInt.asIntN(32, value));
  h.csr[n * 2 + 1] = Number(BigInt.asIntN(32, value >> 32n));
}

export function xreg(h: Hart, r: number): bigint {
  return BigInt.asUintN(64, (BigInt(h.x[r * 2 + 1]!) << 32n) | BigInt(h.x[r * 2]! >>> 0));
}

export function setXreg(h: Hart, r: number, value: bigint): void {
  h.x[r * 2] = Number(BigInt.asIntN(32, value));
  h.x[r * 2 + 1] = Number(BigInt.asIntN(32, value >> 32n));
}

/** Puts one instruction (32 or 16 bits) at `at`, keeping the decode cache coherent. */
export function place(h: Hart, word: number, at = CODE): void {
  const ram = h.memory.ram;
  const off = at - ram.base;
  if ((word & 3) === 3) ram.view.setUint32(off, word >>> 0, true);
  else ram.view.setUint16(off, word, true);
  h.memory.noteRamWrite(off, 4);
}

export type Outcome = { trap: false } | { trap: true; to: Mode; cause: number; interrupt: boolean; tval: bigint };

/** Runs the instruction `word` at CODE in `mode` and reports whether and where it trapped. */
export function attempt(h: Hart, mode: Mode, word: number): Outcome {
  place(h, word);
  setMode(h, mode);
  h.pc = CODE;
  h.step();
  if (h.pc !== MTVEC && h.pc !== STVEC && h.pc !== VSTVEC) return { trap: false };
  const to: Mode = h.pc === MTVEC ? 'M' : h.pc === STVEC ? 'HS' : 'VS';
  const prefix = to === 'M' ? 'm' : to === 'HS' ? 's' : 'vs';
  const cause = getCsr(h, `${prefix}cause` as CsrName);
  return {
    trap: true,
    to,
    cause: Number(cause & 0xffffn),
    interrupt: cause >> 63n === 1n,
    tval: getCsr(h, `${prefix}tval` as CsrName),
  };
}

/** CSR read with csrrs x30, csr, x0 executed in `mode`; throws when it traps. */
export function csrRead(h: Hart, mode: Mode, name: CsrName): bigint {
  const out = attempt(h, mode, encode('csrrs', { rd: 30, csr: CSR[name], rs1: 0 }));
  if (out.trap) throw new Error(`reading ${name} in ${mode} trapped: cause ${out.cause}`);
  return xreg(h, 30);
}

/** CSR write with csrrw x0, csr, x31 executed in `mode`; throws when it traps. */
export function csrWrite(h: Hart, mode: Mode, name: CsrName, value: bigint): void {
  setXreg(h, 31, value);
  const out = attempt(h, mode, encode('csrrw', { rd: 0, csr: CSR[name], rs1: 31 }));
  if (out.trap) throw new Error(`writing ${name} in ${mode} trapped: cause ${out.cause}`);
}

/** The exception (if any) of reading (csrrs x30, csr, x0) or writing (csrrw x0, csr, x31) a CSR number in a mode. */
export function csrAttempt(h: Hart, mode: Mode, csr: number, write: boolean): Outcome {
  const word = write ? encode('csrrw', { rd: 0, csr, rs1: 31 }) : encode('csrrs', { rd: 30, csr, rs1: 0 });
  return attempt(h, mode, word);
}

// ---- page tables ---------------------------------------------------------

export const PTE = { V: 1n, R: 2n, W: 4n, X: 8n, U: 16n, G: 32n, A: 64n, D: 128n } as const;
/** V R W X A D: a leaf any kind of access may use (add U where needed). */
export const RWX = PTE.V | PTE.R | PTE.W | PTE.X | PTE.A | PTE.D;

/**
 * Builds Sv39 (first stage) and Sv39x4 (G-stage) page tables in the hart's
 * RAM with a bump allocator, writing real PTEs.
 */
export class PageTables {
  private next: number;

  constructor(
    private readonly h: Hart,
    /** Host physical address where new tables are carved from. */
    from: number,
  ) {
    this.next = from;
  }

  /** A zeroed table: 4 KiB, or the 16 KiB root of Sv39x4 (16 KiB aligned). */
  table(root16k = false): number {
    const align = root16k ? 0x4000 : 0x1000;
    this.next = Math.ceil(this.next / align) * align;
    const at = this.next;
    this.next += root16k ? 0x4000 : 0x1000;
    this.h.memory.ram.bytes.fill(0, at - this.h.memory.ram.base, this.next - this.h.memory.ram.base);
    return at;
  }

  /**
   * Maps the page of `va` to `pa` with `flags` at `level` (0: 4 KiB, 1: 2 MiB, 2: 1 GiB).
   * `x4`: G-stage format (11-bit root index). `tableAt` translates a table's
   * address as stored in a PTE into where it lives in host RAM (G-stage
   * translation of VS-stage tables); identity by default.
   */
  map(root: number, va: bigint, pa: bigint, flags: bigint, options: { level?: number; x4?: boolean; tableAt?: (a: bigint) => number } = {}): void {
    const level = options.level ?? 0;
    const tableAt = options.tableAt ?? ((a: bigint) => Number(a));
    let table = BigInt(root);
    for (let l = 2; ; l--) {
      const bits = l === 2 && options.x4 ? 0x7ffn : 0x1ffn;
      const index = (va >> BigInt(12 + 9 * l)) & bits;
      const at = tableAt(table) + Number(index) * 8;
      if (l === level) {
        this.writePte(at, ((pa >> 12n) << 10n) | flags);
        return;
      }
      let pte = this.readPte(at);
      if ((pte & PTE.V) === 0n) {
        const next = this.table();
        pte = ((BigInt(next) >> 12n) << 10n) | PTE.V;
        this.writePte(at, pte);
      }
      table = (pte >> 10n) << 12n;
    }
  }

  readPte(at: number): bigint {
    const v = this.h.memory.ram.view;
    return v.getBigUint64(at - this.h.memory.ram.base, true);
  }

  writePte(at: number, pte: bigint): void {
    const ram = this.h.memory.ram;
    ram.view.setBigUint64(at - ram.base, pte, true);
    this.h.memory.noteRamWrite(at - ram.base, 8);
  }
}

/** satp/vsatp/hgatp value: MODE (8 = Sv39/Sv39x4) and root page number. */
export function atp(mode: bigint, root: number): bigint {
  return (mode << 60n) | (BigInt(root) >> 12n);
}
