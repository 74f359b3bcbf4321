/**
 * Where a device's console output goes. Devices (UART, HTIF console, virtio
 * console) write bytes to a port; the front end (CLI terminal, web page,
 * test) implements it. Devices never touch the host directly.
 */
export interface ConsolePort {
  write(bytes: Uint8Array): void;
}

/** A console that keeps everything written to it: for tests and for runs whose output is returned as a string. */
export class BufferedConsole implements ConsolePort {
  private readonly chunks: Uint8Array[] = [];

  write(bytes: Uint8Array): void {
    this.chunks.push(bytes.slice());
  }

  /** All bytes written so far. */
  bytes(): Uint8Array {
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** Everything written so far, decoded as UTF-8. */
  text(): string {
    return new TextDecoder().decode(this.bytes());
  }
}

/** A console that drops its output. */
export const NULL_CONSOLE: ConsolePort = { write: () => undefined };
