import { createSandbox, type SandboxOptions } from '@insightiq/profiles-sandbox';
import type { Io } from '../src/index.js';
import { run } from '../src/index.js';

export const ID = 'cli-test-id';
export const SECRET = 'cli-test-secret-7d2e';
/** The test credentials, as flags. */
export const AUTH = ['--client-id', ID, '--client-secret', SECRET];
/** The credentials and the sandbox's base URL. */
export const CREDENTIALS = [...AUTH, '--base-url', 'https://sandbox.test'];

/** A stream that keeps what is written, as a terminal or a pipe. */
export function capture(isTTY = false, columns = 160) {
  let text = '';
  return {
    isTTY,
    columns,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

/** Runs the CLI in process against a sandbox (no socket): its exit code and output. */
export async function cli(
  args: string[],
  options: {
    sandbox?: SandboxOptions;
    tty?: boolean;
    stderrTTY?: boolean;
    /** Ctrl-C as the n-th request is sent. */
    interruptAt?: number;
    io?: Partial<Io>;
  } = {},
) {
  const sandbox = createSandbox({ credentials: `${ID}:${SECRET}`, profiles: 25, ...options.sandbox });
  const stdout = capture(options.tty ?? false);
  const stderr = capture(options.stderrTTY ?? options.tty ?? false);
  const requests: string[] = [];
  const interrupt = new AbortController();
  const code = await run(args, {
    stdout,
    stderr,
    signal: interrupt.signal,
    fetch: (request, init) => {
      if (requests.length + 1 === options.interruptAt) interrupt.abort(new Error('Ctrl-C'));
      requests.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
      return sandbox.fetch(request, init);
    },
    ...options.io,
  });
  return { code, stdout: stdout.text, stderr: stderr.text, requests };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF), to read back what the CLI wrote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}
