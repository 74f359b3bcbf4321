/**
 * Translation faults as values (no throw on the hot path), and the one
 * function that turns a fault into the trap CSR values (scause/mcause,
 * stval/mtval, htval/mtval2, the GVA bit, htinst/mtinst).
 */

/** Exception codes the MMU can produce (privileged spec table 3.6 and H spec "Trap Cause Codes"). */
export const FaultCause = {
  instructionAccessFault: 1,
  loadAccessFault: 5,
  storeAccessFault: 7,
  instructionPageFault: 12,
  loadPageFault: 13,
  storePageFault: 15,
  instructionGuestPageFault: 20,
  loadGuestPageFault: 21,
  storeGuestPageFault: 23,
} as const;

/** Cause per access kind (fetch, load, store) for each fault class. */
export const ACCESS_FAULT: readonly number[] = [FaultCause.instructionAccessFault, FaultCause.loadAccessFault, FaultCause.storeAccessFault];
export const PAGE_FAULT: readonly number[] = [FaultCause.instructionPageFault, FaultCause.loadPageFault, FaultCause.storePageFault];
export const GUEST_PAGE_FAULT: readonly number[] = [
  FaultCause.instructionGuestPageFault,
  FaultCause.loadGuestPageFault,
  FaultCause.storeGuestPageFault,
];

/**
 * Whether a guest-page fault happened on an implicit access made for
 * VS-stage translation (reading a VS-level PTE, or writing it to set A/D).
 */
export const ImplicitAccess = {
  none: 0,
  read: 1,
  write: 2,
} as const;
export type ImplicitAccessValue = (typeof ImplicitAccess)[keyof typeof ImplicitAccess];

/**
 * htinst/mtinst pseudoinstructions for guest-page faults on implicit
 * VS-stage accesses when VSXLEN=64 (H spec table "Special pseudoinstruction
 * values for guest-page faults"); the RV32 values are 0x2000/0x2020.
 */
export const PSEUDOINSTRUCTION_READ_64 = 0x0000_3000;
export const PSEUDOINSTRUCTION_WRITE_64 = 0x0000_3020;

/** The details of the last fault a translator produced (one reused object, no allocation). */
export class TranslationFault {
  /** Exception code ({@link FaultCause}). */
  cause = 0;
  /** The faulting virtual address exactly as passed to the translator (goes to stval/mtval). */
  va = 0;
  /** Faulting guest physical address (guest-page faults only), as 64-bit halves. */
  gpaLo = 0;
  gpaHi = 0;
  /** Implicit VS-stage access that faulted at the G-stage ({@link ImplicitAccess}). */
  implicit: ImplicitAccessValue = ImplicitAccess.none;
  /** 1 when the access was two-stage, so `va` is a guest virtual address (mstatus.GVA/hstatus.GVA). */
  guestVirtual = 0;

  set(cause: number, va: number, guestVirtual: number): void {
    this.cause = cause;
    this.va = va;
    this.gpaLo = 0;
    this.gpaHi = 0;
    this.implicit = ImplicitAccess.none;
    this.guestVirtual = guestVirtual;
  }
}

/** The trap CSR values for one fault, filled by {@link trapValues}. */
export interface TrapValues {
  /** scause/mcause exception code. */
  cause: number;
  /** stval/mtval: the faulting virtual address. */
  tval: number;
  /** htval/mtval2: guest physical address >> 2 for guest-page faults, else 0 (64-bit halves). */
  tval2Lo: number;
  tval2Hi: number;
  /** hstatus.GVA / mstatus.GVA: 1 when tval holds a guest virtual address. */
  gva: number;
  /** htinst/mtinst: a pseudoinstruction for implicit-access guest-page faults, else 0 (the hart may substitute a transformed instruction). */
  tinst: number;
}

export function createTrapValues(): TrapValues {
  return { cause: 0, tval: 0, tval2Lo: 0, tval2Hi: 0, gva: 0, tinst: 0 };
}

function isGuestPageFault(cause: number): boolean {
  return (
    cause === FaultCause.instructionGuestPageFault ||
    cause === FaultCause.loadGuestPageFault ||
    cause === FaultCause.storeGuestPageFault
  );
}

/**
 * The one place a translation fault becomes trap values (H spec "Trap
 * Entry", "Guest-Page Faults", "Transformed Instruction or
 * Pseudoinstruction for mtinst or htinst").
 */
export function trapValues(fault: TranslationFault, out: TrapValues): TrapValues {
  out.cause = fault.cause;
  out.tval = fault.va;
  out.gva = fault.guestVirtual;
  if (isGuestPageFault(fault.cause)) {
    // htval/mtval2 = guest physical address shifted right by 2 (a 64-bit logical shift).
    out.tval2Lo = (fault.gpaLo >>> 2) | (fault.gpaHi << 30);
    out.tval2Hi = fault.gpaHi >>> 2;
    out.tinst =
      fault.implicit === ImplicitAccess.read
        ? PSEUDOINSTRUCTION_READ_64
        : fault.implicit === ImplicitAccess.write
          ? PSEUDOINSTRUCTION_WRITE_64
          : 0;
  } else {
    out.tval2Lo = 0;
    out.tval2Hi = 0;
    out.tinst = 0;
  }
  return out;
}
