import type { ConsolePort } from '@rvhv/devices';
import type { VirtMachine } from '@rvhv/machine';
import type { ConsoleEndpoint } from './third-party/console-script.js';

/**
 * The `virt` board's console as a {@link ConsoleEndpoint}, so the console
 * scripts that drive QEMU (U-Boot sessions, the Linux init report) drive
 * rvhv the same way. Create it first, give `port` to the machine as its
 * console, then `attach` the machine and run it.
 */
export class VirtConsole implements ConsolePort {
  private listener: ((text: string) => void) | undefined;
  private endListener: (() => void) | undefined;
  private machine: VirtMachine | undefined;
  private readonly decoder = new TextDecoder('latin1');
  /** Everything printed so far. */
  transcript = '';

  write(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes);
    this.transcript += text;
    this.listener?.(text);
  }

  /** Connects the machine (for input) and reports the end of its run. */
  attach(machine: VirtMachine, run: Promise<unknown>): void {
    this.machine = machine;
    void run.finally(() => this.endListener?.());
  }

  get endpoint(): ConsoleEndpoint {
    return {
      onOutput: (listener) => {
        this.listener = listener;
      },
      onEnd: (listener) => {
        this.endListener = listener;
      },
      send: (text) => this.machine?.receiveInput(new TextEncoder().encode(text)),
    };
  }
}
