import type { Word64 } from '@rvhv/mmu';
import type { Hart } from '../hart.js';

/** Outcome of a CSR access check: allowed, illegal-instruction, or virtual-instruction exception. */
export const CsrAccess = { ok: 0, illegal: 1, virtual: 2 } as const;
export type CsrAccessResult = (typeof CsrAccess)[keyof typeof CsrAccess];

/**
 * How one CSR number behaves: reads and writes (WARL legalisation
 * included), and any access condition beyond the generic privilege and
 * read-only rules that the table applies to every CSR.
 */
export interface CsrBehavior {
  read(h: Hart, out: Word64): void;
  /** Writes a value; WARL fields keep or legalise what cannot be written. */
  write(h: Hart, lo: number, hi: number): void;
  /**
   * The value csrrs/csrrc start from when it differs from `read` (mip:
   * only the software-writable SEIP bit takes part, privileged spec 3.1.9).
   */
  readForModify?(h: Hart, out: Word64): void;
  /** Extra access condition (FS, counter enables, TVM, VTVM, STCE...). */
  access?(h: Hart, writing: boolean): CsrAccessResult;
  /**
   * Whether the same access would be allowed in HS-mode with mstatus.TVM = 0
   * (H spec 8.6.1, "HS-qualified"): decides between a virtual-instruction
   * and an illegal-instruction exception when V=1 lacks the privilege for
   * the CSR. Defaults to true.
   */
  hsQualified?(h: Hart): boolean;
}

/** Behaviour per CSR number; undefined = not implemented (illegal instruction). */
export const behaviors: (CsrBehavior | undefined)[] = new Array(4096);

/**
 * When V=1, supervisor CSR numbers access their VS replicas (H spec 8.2):
 * `vsAlias[sstatus] = vsstatus` and so on; 0 when there is no replica.
 */
export const vsAlias = new Uint16Array(4096);

export function define(n: number, b: CsrBehavior): void {
  behaviors[n] = b;
}

export const ignoreWrites = (): void => {};

/** All 32 bits of a half. */
export const ALL = -1;

/** A CSR stored in `hart.csr` whose writable bits are `maskLo`/`maskHi`. */
export function plain(n: number, maskLo: number, maskHi = 0, extra?: Pick<CsrBehavior, 'access' | 'hsQualified'>): void {
  define(n, {
    read: (h, out) => {
      out.lo = h.csr[n * 2]!;
      out.hi = h.csr[n * 2 + 1]!;
    },
    write: (h, lo, hi) => {
      h.csr[n * 2] = (h.csr[n * 2]! & ~maskLo) | (lo & maskLo);
      h.csr[n * 2 + 1] = (h.csr[n * 2 + 1]! & ~maskHi) | (hi & maskHi);
    },
    ...extra,
  });
}

/** A read-only-zero register (unimplemented counters/events, no PMP entries). */
export function zero(n: number): void {
  define(n, {
    read: (_h, out) => {
      out.lo = 0;
      out.hi = 0;
    },
    write: ignoreWrites,
  });
}
