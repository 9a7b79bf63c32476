#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { type DriftKind, OptionError } from '@insightiq/profiles-sandbox';
import { DRIFT_HELP, FAULT_HELP, parseDrift } from '@insightiq/profiles-sandbox/internal';
import { formatReport } from './proxy.js';
import { type MockMode, startMock } from './server.js';

const HELP = `insightiq-profiles-mock: a local mock of the InsightIQ Profiles API

Usage: insightiq-profiles-mock [options]

  --port, -p N          port (default 4010, or PORT)
  --host H              address (default 127.0.0.1, or HOST)
  --mode M              sandbox (default): the API's semantics over a dataset
                        examples: the contract's examples (Prism; Prefer: code=NNN, example=NAME)
                        dynamic: data generated from the contract's schemas (Prism)
                        proxy: forward to --upstream and check each answer against the contract
  --upstream URL        proxy mode: the deployment to forward to (credentials pass through, never logged)
  --profiles N          generated profiles after the sample's ten (sandbox; default 1000)
  --seed S              seed of the generated data (default insightiq)
  --data FILE           serve the profiles of this JSON file instead (sandbox)
  --credentials ID:SECRET  accept only these Basic credentials (default: any well-formed ones)
  --fail-rate R         answer this share of requests (0-1) with a 500
  --latency-ms N        delay every response by N ms
  --drift KINDS         answer 200s that break the contract (sandbox): ${DRIFT_HELP}
  --quiet               do not log requests
  --help                this text

Fault injection per request: header x-mock-fault: ${FAULT_HELP}
`;

function fail(message: string): never {
  process.stderr.write(`insightiq-profiles-mock: ${message}\nRun with --help for the options.\n`);
  process.exit(2);
}

/** An error of `startMock` as the command line reads it: a bad option named by its flag (`failRate` → `--fail-rate`). */
const asFlag = (error: Error) =>
  error instanceof OptionError
    ? `--${error.option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${error.rule}`
    : error.message;

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    fail(`--${flag} must be a number (got ${JSON.stringify(value)})`);
  return n;
}

function drift(value: string | undefined): DriftKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = parseDrift(value);
  if (typeof kinds === 'string') fail(`--drift: ${kinds}`);
  return kinds;
}

let args: ReturnType<typeof parseArgs>['values'];
try {
  args = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      mode: { type: 'string' },
      profiles: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      credentials: { type: 'string' },
      'fail-rate': { type: 'string' },
      'latency-ms': { type: 'string' },
      drift: { type: 'string' },
      upstream: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// Signals are handled from the start: one that arrives while the mock (or Prism) is starting closes
// it as soon as it is up, so that no child process is left behind.
let closing = false;
let mock: Awaited<ReturnType<typeof startMock>> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    mock?.close().then(() => {
      const report = mock?.proxyReport?.();
      if (report) process.stderr.write(`${formatReport(report)}\n`);
      process.exit(0);
    });
  });
}

mock = await startMock({
  port: number('port', (args.port as string | undefined) ?? process.env.PORT) ?? 4010,
  host: (args.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1',
  mode: ((args.mode as string | undefined) ?? 'sandbox') as MockMode,
  profiles: number('profiles', args.profiles as string | undefined),
  seed: args.seed as string | undefined,
  data: args.data as string | undefined,
  credentials: args.credentials as string | undefined,
  failRate: number('fail-rate', args['fail-rate'] as string | undefined),
  latencyMs: number('latency-ms', args['latency-ms'] as string | undefined),
  drift: drift(args.drift as string | undefined),
  upstream: args.upstream as string | undefined,
  warn: (line) => process.stderr.write(`${line}\n`),
  log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
} as Parameters<typeof startMock>[0]).catch((error: Error) => fail(asFlag(error)));

if (closing) {
  await mock.close();
  process.exit(0);
}

const user =
  mock.mode === 'proxy'
    ? '"$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET" (the upstream\'s credentials)'
    : args.credentials
      ? "'CLIENT_ID:CLIENT_SECRET' (as given to --credentials)"
      : 'any-client-id:any-secret';
const what =
  mock.mode === 'proxy'
    ? `proxy to ${args.upstream}, checking answers against the contract`
    : `${mock.mode}${mock.profiles === undefined ? '' : `, ${mock.profiles} profiles`}`;
process.stdout.write(
  `InsightIQ Profiles mock (${what}) listening on ${mock.url}\n` +
    `Try: curl -u ${user} '${mock.url}/v1/profiles?limit=2'\n`,
);
