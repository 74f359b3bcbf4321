/**
 * How the explicit memory accesses of the current instruction are made:
 * as the hart's (effective) mode says, or as though V=1 at privilege
 * hstatus.SPVP for the hypervisor load/store instructions (H spec 8.3.1);
 * HLVX also needs execute instead of read permission.
 */
export const VmAccess = { none: 0, hlv: 1, hlvx: 2 } as const;
export type VmAccessKind = (typeof VmAccess)[keyof typeof VmAccess];
