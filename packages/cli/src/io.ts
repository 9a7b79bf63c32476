/** Where the CLI writes: a stream, as `process.stdout` is, and whether it is a terminal. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  /** Width of the terminal, where it is one. */
  columns?: number | undefined;
}

/** The CLI's surroundings: its streams, a signal for Ctrl-C, and (for tests) the fetch to use. */
export interface Io {
  stdout: Output;
  stderr: Output;
  /** Aborted on Ctrl-C (SIGINT): the command stops, closes its output well-formed, and exits 130. */
  signal?: AbortSignal | undefined;
  /** The fetch the client uses. Default: the global `fetch`. */
  fetch?: ((request: Request, init: { signal: AbortSignal }) => Promise<Response>) | undefined;
}

/** The exit codes: documented in the README and `--help`. */
export const EXIT = {
  /** Success: the command did what was asked; `verify` found the deployment conformant. */
  ok: 0,
  /** The API answered with an error, could not be reached, or (`verify`) broke the contract. */
  failure: 1,
  /** A usage error: a bad or missing flag or argument. The message names it. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT), output closed well-formed. */
  interrupted: 130,
} as const;

/** A usage error: exit 2 with this one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Characters that would move a terminal's cursor or change its colours: shown as spaces. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A value from the API made safe for a terminal: no escape sequences, no line breaks. */
export const printable = (value: string) => value.replace(CONTROL, ' ');
