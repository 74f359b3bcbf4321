import { INSTRUCTIONS, disassemble, csrNumber, decode } from '@rvhv/isa';
import { prng, randomInstance } from '../table/random-operands.js';
import { objdumpTexts, normalise } from './objdump.js';

const aliases = process.argv[2] === 'alias';
const per = Number(process.argv[3] ?? 20);
const filter = process.argv[4];
const next = prng(12345);
const parcels: { word: number; length: 2 | 4; row: string }[] = [];
for (const spec of INSTRUCTIONS) {
  if (filter && !new RegExp(filter).test(spec.name)) continue;
  for (let i = 0; i < per; i++) {
    const { word } = randomInstance(spec, next);
    parcels.push({ word, length: spec.length, row: spec.name });
  }
}
const texts = objdumpTexts(parcels, aliases);
let addr = 0;
const bad = new Map<string, string[]>();
function same(ours: string, theirs: string): boolean {
  if (ours === theirs) return true;
  const a = ours.split(/([ ,()])/), b = theirs.split(/([ ,()])/);
  if (a.length !== b.length) return false;
  return a.every((t, i) => t === b[i] || (/^0x[0-9a-f]+$/.test(b[i]!) && csrNumber(t) === parseInt(b[i]!, 16)));
}
for (const p of parcels) {
  const theirs = texts.get(addr)!;
  const ours = normalise(disassemble(p.word, addr, { aliases }));
  if (!same(ours, theirs)) {
    const list = bad.get(p.row) ?? [];
    list.push(`${p.word.toString(16).padStart(p.length * 2, '0')} ours=[${ours}] objdump=[${theirs}] dec=${decode(p.word)?.source.name}`);
    bad.set(p.row, list);
  }
  addr += p.length;
}
for (const [row, list] of bad) {
  console.log(`== ${row} (${list.length})`);
  for (const l of list.slice(0, 4)) console.log('  ' + l);
}
console.log(`rows with mismatches: ${bad.size}`);
