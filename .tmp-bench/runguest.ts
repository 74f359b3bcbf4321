import { BufferedConsole } from '../packages/devices/src/index.js';
import { runElf } from '../packages/machine/src/index.js';
import { assembleGuest } from '../packages/guests/src/index.js';
const name = process.argv[2]!;
const a = assembleGuest(name);
if (!a.ok) { console.log(a.error); process.exit(1); }
const c = new BufferedConsole();
const r = runElf(a.elf, { console: c, maxInstructions: 50_000_000 });
console.log(r.status, r.message, '\n' + c.text());
