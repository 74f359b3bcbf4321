import type { IrqLine } from '../src/index.js';

/** An interrupt line that remembers its level and every change made to it. */
export class IrqProbe implements IrqLine {
  level = false;
  readonly changes: boolean[] = [];

  set(level: boolean): void {
    if (level !== this.level) this.changes.push(level);
    this.level = level;
  }
}
