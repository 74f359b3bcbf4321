import { describe, expect, it } from 'vitest';
import { unimplementedInstructions } from '../../src/hart/exec/handlers.js';
import { INSTRUCTIONS } from '../../src/table/index.js';

const INTEGER_EXTENSIONS = new Set(['RV64I', 'M', 'A', 'Zba', 'Zbb', 'Zbs', 'Zicond']);

describe('integer instruction handlers', () => {
  it('exist for every table row of RV64I, M, A, Zba, Zbb, Zbs and Zicond', () => {
    const rows = INSTRUCTIONS.filter((spec) => INTEGER_EXTENSIONS.has(spec.ext)).map((spec) => spec.name);
    expect(rows.length).toBeGreaterThan(100);
    const missing = new Set(unimplementedInstructions());
    expect(rows.filter((name) => missing.has(name))).toEqual([]);
  });
});
