export { DRAM_BASE, DEFAULT_RAM_SIZE, dramEntry } from './memory-map.js';
export { loadElf } from './load-elf.js';
export type { LoadedImage, LoadedSegment, LoadElfResult } from './load-elf.js';
export { runElf, runElfAsync, DEFAULT_MAX_INSTRUCTIONS } from './run-elf.js';
export type { RunOptions, RunResult, RunStatus } from './run-elf.js';
export { formatTraceEvent, peekInstruction, lastTrap, hex64 } from './trace.js';
export type { TraceEvent, TraceSink } from './trace.js';
export {
  deviceTree,
  fdtNode,
  fdtProp,
  findNode,
  findChild,
  ensureChild,
  findProperty,
  setProperty,
  removeProperty,
  walkNodes,
} from './fdt/device-tree.js';
export type { DeviceTree, FdtNode, FdtProperty, FdtReservation } from './fdt/device-tree.js';
/** Property value encoders and decoders: `fdtValue.u32(1)`, `fdtValue.strings('a', 'b')`, `fdtValue.readU64(v)`. */
export * as fdtValue from './fdt/fdt-value.js';
export { FDT_MAGIC, FDT_VERSION, FDT_LAST_COMP_VERSION } from './fdt/fdt-format.js';
export { writeFdt } from './fdt/write-fdt.js';
export type { WriteFdtOptions } from './fdt/write-fdt.js';
export { parseFdt, FDT_MAX_DEPTH } from './fdt/parse-fdt.js';
export type { ParseFdtResult } from './fdt/parse-fdt.js';
export { patchChosen, removeInitrd } from './fdt/chosen.js';
export type { ChosenPatch, InitrdRange } from './fdt/chosen.js';
export { canonicalIsaExtensions, riscvIsaString } from './fdt/riscv-isa-string.js';
export { VIRT_LAYOUT, VIRT_IRQ, VIRT_PLIC_NDEV, VIRT_UART_CLOCK_HZ, VIRT_TIMEBASE_HZ, VIRT_TEST_FINISHER } from './fdt/virt-layout.js';
export { buildVirtDeviceTree, DEFAULT_ISA_EXTENSIONS, VIRT_MAX_HARTS, VIRT_STDOUT_PATH } from './fdt/virt-device-tree.js';
export type { VirtDeviceTreeConfig, MmuType, BuildVirtDeviceTreeResult } from './fdt/virt-device-tree.js';
export { virtDeviceTreeBlob } from './fdt/virt-device-tree-blob.js';
export type { VirtDeviceTreeBlobOptions, VirtDeviceTreeBlobResult } from './fdt/virt-device-tree-blob.js';
export { createVirtMachine } from './virt/create-virt-machine.js';
export type { VirtMachineConfig, VirtTimeSource, CreateVirtMachineResult } from './virt/create-virt-machine.js';
export { VirtMachine } from './virt/virt-machine.js';
export type { VirtRunResult, VirtStopReason, VirtProgress } from './virt/virt-machine.js';
export { VirtBoard } from './virt/virt-board.js';
export type { VirtBoardOptions, VirtioDeviceSpec, VirtioSlot } from './virt/virt-board.js';
export { loadBootImages, fdtAddress } from './virt/boot-images.js';
export type { BootImages, BootPlan, LoadedRange, ImageFormat } from './virt/boot-images.js';
export { parseLinuxImage, LINUX_IMAGE_HEADER, LINUX_IMAGE_ALIGN } from './virt/linux-image.js';
export type { LinuxImageHeader, ParseLinuxImageResult } from './virt/linux-image.js';
export { bootRomImage, VIRT_MROM, FW_DYNAMIC_INFO_OFFSET } from './virt/boot-rom.js';
export { FW_DYNAMIC_INFO, FW_DYNAMIC_NEXT_MODE, encodeFwDynamicInfo } from './virt/fw-dynamic-info.js';
export type { FwDynamicInfo } from './virt/fw-dynamic-info.js';
export { InstructionClock } from './virt/instruction-clock.js';
export { runOnVirt } from './virt/run-on-virt.js';
export type { RunOnVirtOptions } from './virt/run-on-virt.js';
