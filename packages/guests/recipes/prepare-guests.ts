// Installs nothing, builds what is missing: checks that Debian's OpenSBI and
// U-Boot are installed and builds (once, cached outside the repository) rvhv's
// test kernel. Run as `pnpm --filter @rvhv/guests prepare-guests`; CI runs it
// before the tests, so the boot tests find the kernel cached.
import { describeMissing, type Ensured } from '../src/third-party/ensured.js';
import { prepareLinux } from '../src/third-party/linux-recipe.js';
import { ensureOpenSbi } from '../src/third-party/opensbi.js';
import { ensureUBoot } from '../src/third-party/u-boot.js';

const started = Date.now();
let ok = true;

function report<T>(name: string, result: Ensured<T>, path: (found: T) => string): void {
  if (result.ok) {
    console.log(`${name}: ${path(result)}`);
  } else {
    console.error(`${name}: ${describeMissing(result)}`);
    ok = false;
  }
}

report('opensbi fw_dynamic', ensureOpenSbi('fw_dynamic'), (f) => f.bin);
report('opensbi fw_jump', ensureOpenSbi('fw_jump'), (f) => f.bin);
report('u-boot qemu-riscv64_smode', ensureUBoot('qemu-riscv64_smode'), (f) => f.bin);
report('linux', prepareLinux({ stdio: 'inherit' }), (f) => f.image);
console.log(`prepare-guests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = ok ? 0 : 1;
