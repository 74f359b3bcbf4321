export type { AccessWidth, Word64, RamWindow, PhysicalMemory } from './physical-memory.js';
export { createRam, ramOnly } from './physical-memory.js';
