export { DRAM_BASE, DEFAULT_RAM_SIZE, dramEntry } from './memory-map.js';
export { loadElf } from './load-elf.js';
export type { LoadedImage, LoadedSegment, LoadElfResult } from './load-elf.js';
export { runElf, DEFAULT_MAX_INSTRUCTIONS } from './run-elf.js';
export type { RunOptions, RunResult, RunStatus } from './run-elf.js';
export { formatTraceEvent, peekInstruction, lastTrap } from './trace.js';
export type { TraceEvent, TraceSink } from './trace.js';
