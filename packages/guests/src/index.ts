export { GUEST_PROGRAMS, DEMO_GUEST, guestProgram } from './programs.js';
export type { GuestProgram } from './programs.js';
export { assembleGuest, guestSources, readGuestFiles } from './assemble-guest.js';
export type { AssembleGuestResult } from './assemble-guest.js';
export { preprocess } from './preprocess.js';
export type { SourceFile, PreprocessResult } from './preprocess.js';
export { buildBareC, buildLinuxC, toolAvailable, C_RUNTIME_DIR, BARE_GCC, LINUX_GCC, QEMU_USER } from './build-c.js';
export type { CBuildOptions, CBuildResult } from './build-c.js';
