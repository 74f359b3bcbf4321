import type { CoherentMemory } from '@rvhv/isa';
import type { DmaPort } from './dma-port.js';

/**
 * DMA into the machine's RAM. Writes go through `noteRamWrite` so decoded
 * instructions of the pages written are dropped and LR/SC reservations on
 * them break, as for a store by a hart. Ranges that leave RAM fail as a whole
 * (nothing is copied).
 */
export function ramDma(memory: CoherentMemory): DmaPort {
  const ram = memory.ram;
  const offsetOf = (paddr: number, length: number): number => {
    const off = paddr - ram.base;
    return off >= 0 && off + length <= ram.size && Number.isSafeInteger(off) ? off : -1;
  };
  return {
    read(paddr, into) {
      const off = offsetOf(paddr, into.length);
      if (off < 0) return false;
      into.set(ram.bytes.subarray(off, off + into.length));
      return true;
    },
    write(paddr, bytes) {
      const off = offsetOf(paddr, bytes.length);
      if (off < 0) return false;
      ram.bytes.set(bytes, off);
      if (bytes.length > 0) memory.noteRamWrite(off, bytes.length);
      return true;
    },
  };
}
