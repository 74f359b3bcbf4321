/**
 * Access descriptors: what kind of memory access is being translated and
 * how. One small integer (kind in bits 1:0, modifier flags above) instead
 * of boolean parameters.
 */

/** The three architectural access types (privileged spec 4.3.1: fetch, load, store/AMO). */
export const AccessKind = {
  fetch: 0,
  load: 1,
  /** Stores, store-conditionals and AMOs (AMOs never raise load page faults). */
  store: 2,
} as const;
export type AccessKindValue = (typeof AccessKind)[keyof typeof AccessKind];

/** Mask of the kind bits in an access descriptor. */
export const ACCESS_KIND_MASK = 3;

/**
 * Access descriptors and modifier flags; combine a kind with flags using `|`.
 *
 * - `virtualMachine`: HLV/HLVX/HSV — the access is translated as though
 *   V=1 with the privilege in hstatus.SPVP, overriding MPRV (H spec 8.3.1 /
 *   "Hypervisor Virtual-Machine Load and Store Instructions").
 * - `executeAsRead`: HLVX — execute permission takes the place of read
 *   permission in both stages; PMP must grant both R and X.
 * - `asUser` / `asSupervisor`: explicit privilege override (U or S/VS)
 *   replacing the privilege the access would otherwise use; the
 *   virtualization mode is unchanged.
 * - `peek`: a debugger access: never updates A/D bits (a missing A/D bit is
 *   not a fault either) and never fills the TLB. Faults are still reported.
 */
export const Access = {
  fetch: AccessKind.fetch,
  load: AccessKind.load,
  store: AccessKind.store,
  virtualMachine: 1 << 2,
  executeAsRead: 1 << 3,
  asUser: 1 << 4,
  asSupervisor: 1 << 5,
  peek: 1 << 6,
} as const;

/** Ready-made descriptors for the hypervisor load/store instructions. */
export const HLV = Access.load | Access.virtualMachine;
export const HLVX = Access.load | Access.virtualMachine | Access.executeAsRead;
export const HSV = Access.store | Access.virtualMachine;
