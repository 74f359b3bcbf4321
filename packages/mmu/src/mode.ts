/**
 * Execution mode of the hart as the MMU needs it: the nominal privilege
 * (U=0, S=1, M=3 as encoded in mstatus.MPP) plus the virtualization mode V
 * in bit 2, so VU=4 and VS=5.
 */
export const ExecutionMode = {
  U: 0,
  S: 1,
  M: 3,
  VU: 4,
  VS: 5,
} as const;
export type ExecutionModeValue = (typeof ExecutionMode)[keyof typeof ExecutionMode];

/** Privilege levels as encoded in mstatus.MPP / hstatus.SPVP. */
export const PRIV_U = 0;
export const PRIV_S = 1;
export const PRIV_M = 3;

/** Bit of {@link ExecutionMode} that holds V. */
export const MODE_VIRTUAL = 4;
