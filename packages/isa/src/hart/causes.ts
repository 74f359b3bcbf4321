/** Exception causes (privileged spec 1.12, table 3.6; H extension adds 10, 20-23). */
export const Exception = {
  instructionMisaligned: 0,
  instructionAccessFault: 1,
  illegalInstruction: 2,
  breakpoint: 3,
  loadMisaligned: 4,
  loadAccessFault: 5,
  storeMisaligned: 6,
  storeAccessFault: 7,
  ecallFromU: 8,
  ecallFromS: 9,
  ecallFromVS: 10,
  ecallFromM: 11,
  instructionPageFault: 12,
  loadPageFault: 13,
  storePageFault: 15,
  instructionGuestPageFault: 20,
  loadGuestPageFault: 21,
  virtualInstruction: 22,
  storeGuestPageFault: 23,
} as const;

/**
 * Exceptions whose trap value is a virtual address (misaligned, access and
 * page faults, guest-page faults, breakpoint: tval = pc). When that address
 * is a guest virtual address, trap entry sets GVA (H spec 8.2.1, 8.4.1).
 */
export const ADDRESS_EXCEPTIONS =
  (1 << Exception.instructionMisaligned) |
  (1 << Exception.instructionAccessFault) |
  (1 << Exception.breakpoint) |
  (1 << Exception.loadMisaligned) |
  (1 << Exception.loadAccessFault) |
  (1 << Exception.storeMisaligned) |
  (1 << Exception.storeAccessFault) |
  (1 << Exception.instructionPageFault) |
  (1 << Exception.loadPageFault) |
  (1 << Exception.storePageFault) |
  (1 << Exception.instructionGuestPageFault) |
  (1 << Exception.loadGuestPageFault) |
  (1 << Exception.storeGuestPageFault);

/** Interrupt numbers = bit positions in mip/mie (privileged spec 3.1.9). */
export const Interrupt = {
  SSI: 1,
  VSSI: 2,
  MSI: 3,
  STI: 5,
  VSTI: 6,
  MTI: 7,
  SEI: 9,
  VSEI: 10,
  MEI: 11,
  SGEI: 12,
  LCOFI: 13,
} as const;

/** mip/mie bits of the supervisor-level interrupts (SSI, STI, SEI). */
export const S_INTERRUPTS = (1 << Interrupt.SSI) | (1 << Interrupt.STI) | (1 << Interrupt.SEI);
/** mip/mie bits of the VS-level interrupts (VSSI, VSTI, VSEI): always delegated to HS (mideleg read-only one). */
export const VS_INTERRUPTS = (1 << Interrupt.VSSI) | (1 << Interrupt.VSTI) | (1 << Interrupt.VSEI);
/** mip/mie bits of the machine-level interrupts (MSI, MTI, MEI). */
export const M_INTERRUPTS = (1 << Interrupt.MSI) | (1 << Interrupt.MTI) | (1 << Interrupt.MEI);
/** The supervisor guest external interrupt bit (SGEI). */
export const SGEI_BIT = 1 << Interrupt.SGEI;

/**
 * Highest priority first: privileged spec 3.1.9 (MEI, MSI, MTI, SEI, SSI,
 * STI) followed by the H extension's order for HS-level interrupts (8.2.3:
 * SEI, SSI, STI, SGEI, VSEI, VSSI, VSTI, LCOFI).
 */
export const INTERRUPT_PRIORITY: readonly number[] = [
  Interrupt.MEI,
  Interrupt.MSI,
  Interrupt.MTI,
  Interrupt.SEI,
  Interrupt.SSI,
  Interrupt.STI,
  Interrupt.SGEI,
  Interrupt.VSEI,
  Interrupt.VSSI,
  Interrupt.VSTI,
  Interrupt.LCOFI,
];

/** Privilege levels as encoded in mstatus.MPP / SPP (the nominal privilege: HS and VS are both S). */
export const Privilege = { U: 0, S: 1, M: 3 } as const;
export type PrivilegeLevel = 0 | 1 | 3;
