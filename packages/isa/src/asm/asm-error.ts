/** Where a token sits in the source (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One assembly error: its place and a message; `text` is the `file:line:column: error: ...` form. */
export interface AsmError extends SourceLocation {
  readonly message: string;
  readonly text: string;
}

export function asmError(at: SourceLocation, message: string): AsmError {
  return { ...at, message, text: `${at.file}:${at.line}:${at.column}: error: ${message}` };
}

/** Thrown inside the assembler to abandon one statement; caught per statement and collected. */
export class StatementError extends Error {
  constructor(
    readonly at: SourceLocation,
    message: string,
  ) {
    super(message);
  }
}

export function failAt(at: SourceLocation, message: string): never {
  throw new StatementError(at, message);
}
