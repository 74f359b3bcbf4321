import { describe, expect, it } from 'vitest';
import {
  createTrapValues,
  FaultCause,
  HLV,
  HLVX,
  HSV,
  ImplicitAccess,
  PTE_A,
  PTE_D,
  PTE_R,
  PTE_U,
  PTE_V,
  PTE_W,
  PTE_X,
  trapValues,
  type TrapValues,
} from '@rvhv/mmu';
import {
  ADUE_HI,
  M,
  makeMachine,
  MPP_S,
  MPRV,
  MPV_HI,
  MXR,
  openPmp,
  PageTables,
  RAM_BASE,
  readPte,
  S,
  satpValue,
  SUM,
  SV39,
  SV48,
  VS,
  VU,
  writePte,
} from './helpers/machine.js';

const AD = PTE_A | PTE_D;
const VS_RWX = PTE_V | PTE_R | PTE_W | PTE_X | AD;
const G_RWX = PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | AD;
const fault = (cause: number): number => -1 - cause;

/** Guest physical RAM: GPA 0x4000_0000.. is host RAM_BASE + 0x40_0000.. (two 2 MiB G-stage megapages). */
const GUEST_RAM = 0x4000_0000;
const HOST_OF_GUEST = RAM_BASE + 0x40_0000;
const hostOf = (gpa: number): number => gpa - GUEST_RAM + HOST_OF_GUEST;

function setup(options: { vmid?: number; asid?: number; gLevels?: 3 | 4 } = {}) {
  const m = makeMachine({ tlbEntries: 64 });
  openPmp(m.tr);
  const gLevels = options.gLevels ?? 3;
  const g = new PageTables(m.ram, gLevels, m.alloc, (a) => a, 4);
  g.map(GUEST_RAM, HOST_OF_GUEST, G_RWX, 1);
  g.map(GUEST_RAM + 0x20_0000, HOST_OF_GUEST + 0x20_0000, G_RWX, 1);
  // VS tables are allocated in guest physical memory from GPA 0x4018_0000 up.
  let nextGpa = GUEST_RAM + 0x18_0000;
  const gAlloc = (pages = 1, align = 4096): number => {
    nextGpa = Math.ceil(nextGpa / align) * align;
    const at = nextGpa;
    nextGpa += pages * 4096;
    return at;
  };
  const vs = new PageTables(m.ram, 3, gAlloc, hostOf);
  const hgatp = satpValue(gLevels === 3 ? SV39 : SV48, options.vmid ?? 1, g.root);
  m.tr.writeHgatp(hgatp.lo, hgatp.hi);
  const vsatp = satpValue(SV39, options.asid ?? 0, vs.root);
  m.tr.writeVsatp(vsatp.lo, vsatp.hi);
  m.tr.setMode(VS);
  const trap = (): TrapValues => trapValues(m.tr.fault, createTrapValues());
  return { ...m, g, vs, gAlloc, trap };
}

describe('GVA -> GPA -> HPA', () => {
  it('combines both stages (4 KiB VS page inside a 2 MiB G-stage page)', () => {
    const { tr, vs } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    expect(tr.translateLoad(0x1234, 4)).toBe(HOST_OF_GUEST + 0x10_0234);
    expect(tr.translateStore(0x1ff8, 8)).toBe(HOST_OF_GUEST + 0x10_0ff8);
    expect(tr.translateFetch(0x1000)).toBe(HOST_OF_GUEST + 0x10_0000);
  });

  it('a VS megapage over G-stage 4 KiB pages', () => {
    const { tr, vs, g } = setup();
    g.map(0x8000_0000 + 0x5000, RAM_BASE + 0x9000, G_RWX);
    vs.map(0x20_0000, 0x8000_0000, VS_RWX, 1);
    expect(tr.translateLoad(0x20_5010, 4)).toBe(RAM_BASE + 0x9010);
  });

  it('vsatp = Bare: the guest virtual address is the guest physical address', () => {
    const { tr } = setup();
    tr.writeVsatp(0, 0);
    expect(tr.translateLoad(GUEST_RAM + 0x123, 1)).toBe(HOST_OF_GUEST + 0x123);
  });

  it('hgatp = Bare: guest physical = supervisor physical', () => {
    const { tr, vs } = setup();
    tr.writeHgatp(0, 0);
    vs.map(0x1000, RAM_BASE + 0x3000, VS_RWX); // the VS tables are now read at their GPA as host addresses
    // ... which are not where the builder wrote them: the root at GPA 0x4018_0000 is unmapped host memory.
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
    tr.writeVsatp(0, 0);
    expect(tr.translateLoad(RAM_BASE + 8, 4)).toBe(RAM_BASE + 8);
  });

  it('the 16 KiB G-stage root covers GPAs with bits 40:39 set', () => {
    const { tr, g } = setup();
    tr.writeVsatp(0, 0);
    const gpa = 0x180_0000_0000; // bits 40 and 39 set: root index 3 * 512
    g.map(gpa, RAM_BASE + 0xa000, G_RWX);
    expect(tr.translateLoad(gpa + 4, 4)).toBe(RAM_BASE + 0xa004);
  });

  it('Sv48x4 translates 50-bit guest physical addresses', () => {
    const { tr, g } = setup({ gLevels: 4 });
    tr.writeVsatp(0, 0);
    const gpa = 0x3_0000_0000_0000; // bits 49:48 set
    g.map(gpa, RAM_BASE + 0xb000, G_RWX);
    expect(tr.translateLoad(gpa + 8, 4)).toBe(RAM_BASE + 0xb008);
    const trapped = tr.translateLoad(2 ** 50, 4);
    expect(trapped).toBe(fault(FaultCause.loadGuestPageFault));
  });
});

describe('faults at each stage', () => {
  it('a VS-stage page fault is an ordinary page fault with GVA=1', () => {
    const { tr, trap } = setup();
    expect(tr.translateLoad(0x7000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(trap()).toEqual({ cause: 13, tval: 0x7000, tval2Lo: 0, tval2Hi: 0, gva: 1, tinst: 0 });
  });

  it('a G-stage fault on the final GPA: guest-page fault, htval = GPA >> 2, no implicit marker', () => {
    const { tr, vs, trap } = setup();
    vs.map(0x2000, 0x5000_0000, VS_RWX); // GPA not mapped by the G-stage
    expect(tr.translateLoad(0x2abc, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    expect(trap()).toEqual({ cause: 21, tval: 0x2abc, tval2Lo: 0x5000_0abc / 4, tval2Hi: 0, gva: 1, tinst: 0 });
    expect(tr.translateStore(0x2abc, 4)).toBe(fault(FaultCause.storeGuestPageFault));
    expect(tr.translateFetch(0x2abc)).toBe(fault(FaultCause.instructionGuestPageFault));
    expect(tr.fault.implicit).toBe(ImplicitAccess.none);
  });

  it('G-stage leaves need U=1 (G-stage accesses are U-mode accesses)', () => {
    const { tr, vs, g } = setup();
    g.map(0x6000_0000, RAM_BASE + 0xc000, PTE_V | PTE_R | PTE_W | PTE_X | AD);
    vs.map(0x3000, 0x6000_0000, VS_RWX);
    expect(tr.translateLoad(0x3000, 4)).toBe(fault(FaultCause.loadGuestPageFault));
  });

  it('a G-stage fault while reading a VS-level PTE carries the implicit-read pseudoinstruction', () => {
    const { tr, vs, ram, trap } = setup();
    vs.map(0x4000, GUEST_RAM + 0x10_0000, VS_RWX);
    // Re-point the level-1 PTE to a level-0 table at a GPA the G-stage does not map.
    const mid = vs.pteAddress(0x4000, 1);
    const orphanGpa = 0x7000_0000;
    writePte(ram, mid, ((orphanGpa / 4096) << 10) | PTE_V, 0);
    expect(tr.translateStore(0x4000, 4)).toBe(fault(FaultCause.storeGuestPageFault));
    const pteGpa = orphanGpa + ((0x4000 / 4096) % 512) * 8;
    expect(trap()).toEqual({ cause: 23, tval: 0x4000, tval2Lo: pteGpa / 4, tval2Hi: 0, gva: 1, tinst: 0x3000 });
  });

  it('an A/D update of a VS PTE is a G-stage store: a read-only table page gives the write pseudoinstruction', () => {
    const { tr, vs, g, ram, trap } = setup();
    tr.setMenvcfg(0, ADUE_HI);
    tr.setHenvcfg(0, ADUE_HI);
    // A level-0 table in its own guest page, mapped read-only by the G-stage.
    const tableGpa = 0x6100_0000;
    g.map(tableGpa, RAM_BASE + 0xd000, PTE_V | PTE_R | PTE_U | AD);
    const mid = vs.pteAddress(0x5000, 1);
    writePte(ram, mid, ((tableGpa / 4096) << 10) | PTE_V, 0);
    const leafHost = RAM_BASE + 0xd000 + 5 * 8;
    writePte(ram, leafHost, (((GUEST_RAM + 0x10_0000) / 4096) << 10) | PTE_V | PTE_R | PTE_W, 0);
    expect(tr.translateLoad(0x5000, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    expect(trap()).toEqual({ cause: 21, tval: 0x5000, tval2Lo: (tableGpa + 5 * 8) / 4, tval2Hi: 0, gva: 1, tinst: 0x3020 });
    expect(readPte(ram, leafHost).lo & PTE_A).toBe(0);
  });

  it('a GPA wider than 41 bits is a guest-page fault with the full GPA in htval', () => {
    const { tr, trap } = setup();
    tr.writeVsatp(0, 0);
    expect(tr.translateLoad(2 ** 41 + 8, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    expect(trap().tval2Lo).toBe((2 ** 41 + 8) / 4 % 2 ** 32);
    expect(trap().tval2Hi).toBe(Math.floor((2 ** 41 + 8) / 4 / 2 ** 32));
    // A "negative" GVA used as a GPA: htval is the 64-bit value shifted right by 2.
    expect(tr.translateLoad(-16, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    const t = trap();
    expect(t.tval2Lo >>> 0).toBe(0xffff_fffc);
    expect(t.tval2Hi >>> 0).toBe(0x3fff_ffff);
  });

  it('an access fault (PMP) on the final address keeps GVA=1 and no htval', () => {
    const { tr, vs, trap } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    tr.pmp.writeCfg(2, 0, 0); // remove the S/U grant
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadAccessFault));
    expect(trap()).toEqual({ cause: 5, tval: 0x1000, tval2Lo: 0, tval2Hi: 0, gva: 1, tinst: 0 });
  });
});

describe('A/D bits in both stages', () => {
  it('Svade at the VS stage (henvcfg.ADUE=0) is a page fault even with menvcfg.ADUE=1', () => {
    const { tr, vs } = setup();
    tr.setMenvcfg(0, ADUE_HI);
    vs.map(0x1000, GUEST_RAM + 0x10_0000, PTE_V | PTE_R | PTE_W);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
  });

  it('henvcfg.ADUE has no effect while menvcfg.ADUE=0', () => {
    const { tr, vs } = setup();
    tr.setHenvcfg(0, ADUE_HI);
    vs.map(0x1000, GUEST_RAM + 0x10_0000, PTE_V | PTE_R | PTE_W);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    tr.setMenvcfg(0, ADUE_HI);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
  });

  it('Svade at the G stage (menvcfg.ADUE=0) is a guest-page fault', () => {
    const { tr, vs, g } = setup();
    tr.setHenvcfg(0, ADUE_HI);
    g.map(0x6200_0000, RAM_BASE + 0xe000, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A);
    vs.map(0x1000, 0x6200_0000, VS_RWX);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0xe000);
    expect(tr.translateStore(0x1000, 4)).toBe(fault(FaultCause.storeGuestPageFault));
  });

  it('Svadu sets A/D in the VS leaf and in the G-stage leaves (A only for the table read)', () => {
    const { tr, vs, g, ram } = setup();
    tr.setHenvcfg(0, ADUE_HI);
    tr.setMenvcfg(0, ADUE_HI);
    const gData = g.map(0x6300_0000, RAM_BASE + 0xf000, PTE_V | PTE_R | PTE_W | PTE_U);
    // The VS level-0 table in its own guest page, mapped by a G-stage 4 KiB leaf without A/D.
    const tableGpa = 0x6600_0000;
    const tableHost = RAM_BASE + 0x1_2000;
    const gTable = g.map(tableGpa, tableHost, PTE_V | PTE_R | PTE_W | PTE_U);
    const mid = vs.pteAddress(0x1000, 1);
    writePte(ram, mid, ((tableGpa / 4096) << 10) | PTE_V, 0);
    const vsLeaf = tableHost + 8;
    writePte(ram, vsLeaf, ((0x6300_0000 / 4096) << 10) | PTE_V | PTE_R | PTE_W, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(RAM_BASE + 0xf000);
    expect(readPte(ram, vsLeaf).lo & AD).toBe(PTE_A);
    expect(readPte(ram, gData).lo & AD).toBe(PTE_A);
    // Setting A in the VS leaf wrote the table page through the G-stage: D set there too.
    expect(readPte(ram, gTable).lo & AD).toBe(AD);
    expect(tr.translateStore(0x1000, 4)).toBe(RAM_BASE + 0xf000);
    expect(readPte(ram, vsLeaf).lo & AD).toBe(AD);
    expect(readPte(ram, gData).lo & AD).toBe(AD);
  });
});

describe('MXR and SUM with two stages', () => {
  it('vsstatus.MXR opens VS-stage execute-only pages; sstatus.MXR both stages', () => {
    const { tr, vs, g } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, PTE_V | PTE_X | AD);
    g.map(0x6400_0000, RAM_BASE + 0x1_0000, PTE_V | PTE_X | PTE_U | AD);
    vs.map(0x2000, 0x6400_0000, PTE_V | PTE_R | AD);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translateLoad(0x2000, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    tr.setVsstatus(MXR, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    expect(tr.translateLoad(0x2000, 4)).toBe(fault(FaultCause.loadGuestPageFault));
    tr.setVsstatus(0, 0);
    tr.setMstatus(MXR, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    expect(tr.translateLoad(0x2000, 4)).toBe(RAM_BASE + 0x1_0000);
  });

  it('a cached two-stage translation still honours which MXR is set', () => {
    const { tr, vs, g } = setup();
    g.map(0x6400_0000, RAM_BASE + 0x1_0000, PTE_V | PTE_X | PTE_U | AD);
    vs.map(0x2000, 0x6400_0000, PTE_V | PTE_R | AD);
    tr.setMstatus(MXR, 0);
    expect(tr.translateLoad(0x2000, 4)).toBe(RAM_BASE + 0x1_0000);
    tr.setMstatus(0, 0);
    tr.setVsstatus(MXR, 0);
    expect(tr.translateLoad(0x2000, 4)).toBe(fault(FaultCause.loadGuestPageFault));
  });

  it('vsstatus.SUM (not sstatus.SUM) governs VS-mode access to U pages', () => {
    const { tr, vs } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX | PTE_U);
    tr.setMstatus(SUM, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    tr.setVsstatus(SUM, 0);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    tr.setMode(VU);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
  });
});

describe('HLV/HLVX/HSV and MPRV with MPV', () => {
  it('HLV/HSV from HS-mode use two-stage translation at privilege SPVP', () => {
    const { tr, vs } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    tr.setMode(S);
    tr.setHstatus(1 << 8, 0); // SPVP = 1: as VS-mode
    expect(tr.translate(0x1008, HLV, 8)).toBe(HOST_OF_GUEST + 0x10_0008);
    expect(tr.translate(0x1008, HSV, 8)).toBe(HOST_OF_GUEST + 0x10_0008);
    tr.setHstatus(0, 0); // SPVP = 0: as VU-mode, the page is not U
    expect(tr.translate(0x1008, HLV, 8)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.fault.guestVirtual).toBe(1);
    // Plain loads in HS-mode are not affected.
    expect(tr.translateLoad(RAM_BASE, 4)).toBe(RAM_BASE);
  });

  it('HLVX needs execute permission in both stages instead of read', () => {
    const { tr, vs, g } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, PTE_V | PTE_X | AD);
    vs.map(0x2000, GUEST_RAM + 0x10_0000, PTE_V | PTE_R | AD);
    g.map(0x6500_0000, RAM_BASE + 0x1_1000, PTE_V | PTE_R | PTE_U | AD);
    vs.map(0x3000, 0x6500_0000, PTE_V | PTE_X | AD);
    tr.setMode(S);
    tr.setHstatus(1 << 8, 0);
    expect(tr.translate(0x1000, HLVX, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    expect(tr.translate(0x1000, HLV, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translate(0x2000, HLVX, 4)).toBe(fault(FaultCause.loadPageFault));
    expect(tr.translate(0x3000, HLVX, 4)).toBe(fault(FaultCause.loadGuestPageFault));
  });

  it('M-mode MPRV with MPV=1 translates data accesses in two stages', () => {
    const { tr, vs } = setup();
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    tr.setMode(M);
    tr.setMstatus(MPRV | MPP_S, MPV_HI);
    expect(tr.translateLoad(0x1010, 4)).toBe(HOST_OF_GUEST + 0x10_0010);
    tr.setMstatus(MPRV | MPP_S, 0);
    expect(tr.translateLoad(0x1010, 4)).toBe(0x1010); // satp is Bare for HS
  });
});

describe('guest fences and VMID tagging', () => {
  function retarget(ram: ReturnType<typeof setup>['ram'], at: number, pa: number): void {
    const pte = readPte(ram, at);
    writePte(ram, at, ((pa / 4096) << 10) | (pte.lo & 0x3ff), 0);
  }

  it('sfence.vma in VS-mode and hfence.vvma act on the current VMID only', () => {
    const { tr, vs, ram } = setup();
    const at = vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    retarget(ram, at, GUEST_RAM + 0x11_0000);
    tr.setMode(S);
    tr.sfenceVma(undefined, undefined); // HS-level fence: guest entries stay
    tr.setMode(VS);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    tr.sfenceVma(0x1000, undefined); // from VS-mode: the guest's own fence
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x11_0000);
    retarget(ram, at, GUEST_RAM + 0x12_0000);
    tr.setMode(S);
    tr.hfenceVvma(0x1000, undefined);
    tr.setMode(VS);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x12_0000);
  });

  it('entries are tagged with the VMID; hfence.gvma drops the named VMID', () => {
    const { tr, vs, g, ram } = setup({ vmid: 1 });
    vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    // Change the G-stage mapping of the guest RAM megapage.
    const gLeaf = g.pteAddress(GUEST_RAM, 1);
    const before = readPte(ram, gLeaf);
    writePte(ram, gLeaf, (((RAM_BASE + 0x80_0000) / 4096) << 10) | (before.lo & 0x3ff), 0);
    tr.hfenceGvma(undefined, 2);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    // Another VMID with the same tables does not see VMID 1's entries...
    const h = { lo: 0, hi: 0 };
    tr.readHgatp(h);
    tr.writeHgatp(h.lo, (h.hi & ~(0x3fff << 12)) | (2 << 12));
    // ...and walks the new G-stage mapping, under which the VS root is now an empty page.
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
    tr.writeHgatp(h.lo, h.hi);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    tr.hfenceGvma(GUEST_RAM / 4, 1);
    expect(tr.translateLoad(0x1000, 4)).toBe(fault(FaultCause.loadPageFault));
  });

  it('hfence.gvma with rs2=x0 drops all guests', () => {
    const { tr, vs, ram } = setup();
    const at = vs.map(0x1000, GUEST_RAM + 0x10_0000, VS_RWX);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x10_0000);
    retarget(ram, at, GUEST_RAM + 0x11_0000);
    tr.hfenceGvma(undefined, undefined);
    expect(tr.translateLoad(0x1000, 4)).toBe(HOST_OF_GUEST + 0x11_0000);
  });
});
