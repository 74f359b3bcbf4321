export type { AccessWidth, Word64, RamWindow, PhysicalMemory } from './physical-memory.js';
export { createRam, ramOnly } from './physical-memory.js';
export { Access, AccessKind, ACCESS_KIND_MASK, HLV, HLVX, HSV, type AccessKindValue } from './access.js';
export { ExecutionMode, type ExecutionModeValue } from './mode.js';
export {
  FaultCause,
  ImplicitAccess,
  PSEUDOINSTRUCTION_READ_64,
  PSEUDOINSTRUCTION_WRITE_64,
  TranslationFault,
  createTrapValues,
  trapValues,
  type ImplicitAccessValue,
  type TrapValues,
} from './fault.js';
export {
  AtpMode,
  ASID_BITS,
  VMID_BITS,
  atpAsid,
  atpMode,
  atpPpn,
  isSupportedSatpMode,
  legalizeHgatp,
  legalizeSatp,
} from './atp.js';
export { Pmp, PmpMatch, PmpPrivilege, PMP_ENTRIES, PMP_L, PMP_R, PMP_W, PMP_X, PMP_A_SHIFT, type PmpPrivilegeValue } from './pmp.js';
export { PTE_A, PTE_D, PTE_G, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X, makePte, ptePpn } from './pte.js';
export type { TranslatorMemory } from './pte-memory.js';
export { Translator, PAGE_SIZE, PHYSICAL_LIMIT, type TranslatorOptions } from './translator.js';
