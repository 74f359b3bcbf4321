/**
 * Drives a serial console the way a person at a terminal would: wait for
 * some output, type a line, wait again. The endpoint is a small port, so the
 * same script runs against QEMU's stdio (the reference) and against rvhv's
 * console (the board under test).
 */
export interface ConsoleEndpoint {
  /** Registers the one listener for console output, in order, from now on. */
  onOutput(listener: (text: string) => void): void;
  /** Registers a listener for the end of the console (the machine stopped). */
  onEnd(listener: () => void): void;
  /** Types text on the console. */
  send(text: string): void;
}

export type ConsolePattern = string | RegExp;

export interface ConsoleStep {
  /** Typed first; a step without it only waits. */
  readonly send?: string;
  /** Must appear, in this order, in the output that follows. */
  readonly expect: readonly ConsolePattern[];
}

export interface ConsoleScriptResult {
  readonly ok: boolean;
  /** Everything the console printed while the script ran. */
  readonly transcript: string;
  /** When not ok: the step and the pattern that did not appear, and why. */
  readonly failure?: { readonly step: number; readonly pattern: string; readonly reason: 'timeout' | 'ended' };
}

export interface ConsoleScriptOptions {
  /** For the whole script. */
  readonly timeoutMs: number;
}

/** Where a pattern ends in `text` at or after `from`, or -1. */
function matchEnd(text: string, from: number, pattern: ConsolePattern): number {
  if (typeof pattern === 'string') {
    const at = text.indexOf(pattern, from);
    return at < 0 ? -1 : at + pattern.length;
  }
  // A fresh, non-global copy: exec on a shared global RegExp would start at its lastIndex.
  const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(text.slice(from));
  return match ? from + match.index + match[0].length : -1;
}

export function runConsoleScript(
  endpoint: ConsoleEndpoint,
  steps: readonly ConsoleStep[],
  options: ConsoleScriptOptions,
): Promise<ConsoleScriptResult> {
  return new Promise((resolve) => {
    let transcript = '';
    let cursor = 0;
    let step = 0;
    let pattern = 0;
    let done = false;
    const finish = (result: Omit<ConsoleScriptResult, 'transcript'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...result, transcript });
    };
    const failure = (reason: 'timeout' | 'ended'): Omit<ConsoleScriptResult, 'transcript'> => ({
      ok: false,
      failure: { step, pattern: String(steps[step]?.expect[pattern] ?? ''), reason },
    });
    const timer = setTimeout(() => finish(failure('timeout')), options.timeoutMs);

    /** Consumes matches as far as the output goes; types each step's line when it starts. */
    const advance = (): void => {
      while (!done && step < steps.length) {
        const current = steps[step]!;
        if (pattern === current.expect.length) {
          step++;
          pattern = 0;
          const next = steps[step];
          if (next?.send !== undefined) endpoint.send(next.send);
          continue;
        }
        const end = matchEnd(transcript, cursor, current.expect[pattern]!);
        if (end < 0) return;
        cursor = end;
        pattern++;
      }
      if (step >= steps.length) finish({ ok: true });
    };

    endpoint.onOutput((text) => {
      transcript += text;
      advance();
    });
    endpoint.onEnd(() => {
      advance();
      finish(failure('ended'));
    });
    if (steps[0]?.send !== undefined) endpoint.send(steps[0].send);
    advance();
  });
}
