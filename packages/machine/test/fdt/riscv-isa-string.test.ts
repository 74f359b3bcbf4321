import { describe, expect, it } from 'vitest';
import { canonicalIsaExtensions, riscvIsaString } from '../../src/index.js';

const canonical = (names: string[]) => {
  const r = canonicalIsaExtensions(names);
  if (!r.ok) throw new Error(r.error);
  return r.names;
};

describe('canonicalIsaExtensions / riscvIsaString', () => {
  it('orders single letters IMAFDQLCBKJTPVH and multi-letter ones by category, then S, then X', () => {
    const names = canonical(['xfoo', 'svinval', 'sstc', 'zbb', 'zfh', 'zicsr', 'zmmul', 'zaamo', 'zba', 'h', 'v', 'c', 'd', 'f', 'a', 'm', 'i', 'zifencei', 'zicond']);
    expect(names).toEqual([
      'i', 'm', 'a', 'f', 'd', 'c', 'v', 'h',
      'zicond', 'zicsr', 'zifencei', 'zmmul', 'zaamo', 'zfh', 'zba', 'zbb',
      'sstc', 'svinval',
      'xfoo',
    ]);
    expect(riscvIsaString(names)).toBe('rv64imafdcvh_zicond_zicsr_zifencei_zmmul_zaamo_zfh_zba_zbb_sstc_svinval_xfoo');
  });

  it('reproduces QEMU’s string for its default rv64 CPU', () => {
    const qemu = 'rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc';
    const shuffled = ['sstc', 'zbs', 'zbc', 'zbb', 'zba', 'zihintpause', 'zifencei', 'zicsr', 'h', 'c', 'd', 'f', 'a', 'm', 'i'];
    expect(riscvIsaString(canonical(shuffled))).toBe(qemu);
  });

  it('lowercases and drops duplicates', () => {
    expect(canonical(['I', 'M', 'i', 'Zicsr', 'zicsr'])).toEqual(['i', 'm', 'zicsr']);
  });

  it('rejects what is not an extension name, and a list without the base', () => {
    expect(canonicalIsaExtensions(['i', 'g'])).toEqual({ ok: false, error: "'g' is not a RISC-V extension name" });
    expect(canonicalIsaExtensions(['i', 'y'])).toEqual({ ok: false, error: "'y' is not a RISC-V extension name" });
    expect(canonicalIsaExtensions(['i', 'z'])).toEqual({ ok: false, error: "'z' is not a RISC-V extension name" });
    expect(canonicalIsaExtensions(['i', 'zb_a'])).toEqual({ ok: false, error: "'zb_a' is not a RISC-V extension name" });
    expect(canonicalIsaExtensions(['m'])).toEqual({ ok: false, error: "the extension list lacks 'i' (the RV64I base)" });
  });
});
