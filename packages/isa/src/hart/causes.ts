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

/** Highest priority first (privileged spec 3.1.9: MEI, MSI, MTI, SEI, SSI, STI, then the H-extension ones). */
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

/** Privilege levels as encoded in mstatus.MPP / SPP. */
export const Privilege = { U: 0, S: 1, M: 3 } as const;
export type PrivilegeLevel = 0 | 1 | 3;
