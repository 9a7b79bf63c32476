import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfilesClient, ValidationError } from '@insightiq/profiles-client';
import { createSandbox, type DriftKind } from '@insightiq/profiles-sandbox';
import { describe, expect, it } from 'vitest';
import { formatReport, type VerifyReport, verify } from '../src/index.js';
import { CHECKS } from '../src/verify/checks.js';
import { retryAfterMs } from '../src/verify/exchange.js';
import { AUTH, CREDENTIALS, cli, ID, SECRET } from './helpers.js';

const statusOf = (report: VerifyReport, name: string) => report.checks.find((c) => c.name === name)?.status;
const failedChecks = (report: VerifyReport) =>
  report.checks.filter((c) => c.status === 'failed').map((c) => c.name);

async function verifySandbox(options: Parameters<typeof createSandbox>[0] = {}, verifyOptions = {}) {
  const sandbox = createSandbox({ credentials: `${ID}:${SECRET}`, profiles: 25, ...options });
  const client = createProfilesClient({
    baseUrl: 'https://sandbox.test',
    clientId: ID,
    clientSecret: SECRET,
    fetch: sandbox.fetch,
  });
  return verify(client, verifyOptions);
}

describe('verify against a conformant deployment', () => {
  it('passes every check, and walks to the short page and the empty one after it', async () => {
    const report = await verifySandbox({ profiles: 3 });
    expect(failedChecks(report)).toEqual([]);
    expect(report.summary).toEqual({ checks: 14, passed: 14, failed: 0, skipped: 0 });
    expect(report.target).toBe('https://sandbox.test');
  });

  it('names, on each check, the operation its requests call', async () => {
    // Each check's requests: those sent after the check before it ended, up to its own end.
    const sandbox = createSandbox({ credentials: `${ID}:${SECRET}`, profiles: 3 });
    let sent: string[] = [];
    const requestsOf = new Map<string, string[]>();
    const client = createProfilesClient({
      baseUrl: 'https://sandbox.test',
      clientId: ID,
      clientSecret: SECRET,
      fetch: (request: Request, init?: RequestInit) => {
        sent.push(new URL(request.url).pathname);
        return sandbox.fetch(request, init);
      },
    });
    const report = await verify(client, {
      onCheck: (check) => {
        requestsOf.set(check.id, sent);
        sent = [];
      },
    });
    const pathOf = { listProfiles: /^\/v1\/profiles$/, getProfile: /^\/v1\/profiles\/[^/]+$/ };
    expect(report.checks.map((c) => c.operationId).sort()).toEqual([
      ...Array(2).fill('getProfile'),
      ...Array(12).fill('listProfiles'),
    ]);
    for (const check of report.checks) {
      const pattern = pathOf[check.operationId as keyof typeof pathOf];
      for (const path of requestsOf.get(check.id) ?? []) expect(path, check.id).toMatch(pattern);
    }
    expect([...requestsOf.values()].flat().length).toBeGreaterThan(0);
  });

  it('skips the short-page check, saying why, when --max-pages ends the walk first', async () => {
    const report = await verifySandbox({}, { maxPages: 2 });
    expect(report.summary.failed).toBe(0);
    expect(report.checks.find((c) => c.status === 'skipped')).toEqual(
      expect.objectContaining({
        name: 'list: a short page ends the walk (the next page is empty)',
        note: 'no short page within --max-pages 2: the walk stopped there',
      }),
    );
  });

  it('the command exits 0 and prints each check and the summary', async () => {
    const { code, stdout, requests } = await cli(['verify', '--limit', '20', ...CREDENTIALS]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok {3}list: every page conforms to the contract$/m);
    expect(stdout).toMatch(/^ok {3}auth: wrong credentials get a 401$/m);
    expect(stdout).toMatch(
      /\n14 checks: 14 passed, 0 failed, 0 skipped in [\d.]+ s against https:\/\/sandbox\.test\n$/,
    );
    expect(requests.slice(0, 3)).toEqual([
      'GET /v1/profiles?limit=20&offset=0',
      'GET /v1/profiles?limit=20&offset=20',
      'GET /v1/profiles?limit=20&offset=40',
    ]);
  });
});

describe('the table of checks', () => {
  it('runs every check of the table, in order, each reported with its id and title', async () => {
    const report = await verifySandbox({ profiles: 3 });
    expect(report.checks.map((c) => [c.id, c.name])).toEqual(CHECKS.map((c) => [c.id, c.title]));
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    expect(JSON.parse(formatReport(report, 'json')).checks[0]).toMatchObject({
      id: 'list-conforms',
      name: 'list: every page conforms to the contract',
      status: 'passed',
    });
  });

  it('is the README’s check table: the same ids and titles, in the same order', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## `verify`'));
    const rows = section
      .slice(section.indexOf('| id '))
      .split('\n\n')[0]
      ?.split('\n')
      .slice(2)
      .map((row) => row.split('|').map((cell) => cell.trim()));
    expect(rows?.map(([, id, title]) => [id, title])).toEqual(CHECKS.map((c) => [`\`${c.id}\``, c.title]));
  });
});

describe('verify as a library', () => {
  it('refuses a limit that breaks the contract’s rule before any request, in the checker’s words', async () => {
    let calls = 0;
    const client = createProfilesClient({
      baseUrl: 'https://x.test',
      clientId: ID,
      clientSecret: SECRET,
      fetch: async () => {
        calls++;
        return new Response('{}');
      },
    });
    for (const limit of [0, 2.5, 101]) {
      const error = await verify(client, { limit }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ param: 'limit', rule: 'must be an integer between 1 and 100' });
    }
    expect(calls).toBe(0);
  });

  it('an answer that is not JSON is a violation at /body, found by the contract’s checker', async () => {
    const sandbox = createSandbox({ credentials: `${ID}:${SECRET}`, profiles: 3 });
    const html = async (request: Request, init: { signal: AbortSignal }) =>
      new URL(request.url).pathname === '/v1/profiles' && request.headers.has('authorization')
        ? new Response('<html>\n  <body>Bad gateway</body>\n</html>', {
            status: 200,
            headers: { 'content-type': 'text/html', 'request-id': crypto.randomUUID() },
          })
        : sandbox.fetch(request, init);
    const report = await verify(
      createProfilesClient({ baseUrl: 'https://x.test', clientId: ID, clientSecret: SECRET, fetch: html }),
    );
    const conforms = report.checks.find((c) => c.id === 'list-conforms');
    expect(conforms?.status).toBe('failed');
    expect(conforms?.violations.map((v) => [v.pointer, v.message])).toEqual([
      ['/headers/content-type', 'must be application/json, got "text/html"'],
      ['/body', 'is not JSON: <html> <body>Bad gateway</body> </html>'],
    ]);
  });
});

describe('a rate-limited deployment', () => {
  it('a 429 is waited out as Retry-After asks (twice at most), not reported', async () => {
    const sandbox = createSandbox({ credentials: `${ID}:${SECRET}`, profiles: 3 });
    let calls = 0;
    const limited = async (request: Request, init: { signal: AbortSignal }) =>
      ++calls <= 2
        ? new Response('{"error":{}}', {
            status: 429,
            headers: { 'retry-after': '0', 'content-type': 'application/json' },
          })
        : sandbox.fetch(request, init);
    const report = await verify(
      createProfilesClient({ baseUrl: 'https://x.test', clientId: ID, clientSecret: SECRET, fetch: limited }),
    );
    expect(failedChecks(report)).toEqual([]);
    expect(calls).toBeGreaterThan(report.summary.checks);
  });

  it('reads Retry-After as seconds or a date, 1 s when absent, 10 s at most', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs('120', now)).toBe(10_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:02 GMT', now)).toBe(2000);
    expect(retryAfterMs('soon', now)).toBe(1000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });
});

describe('verify against a drifting deployment', () => {
  const cases: [DriftKind, string, RegExp][] = [
    [
      'missing-field',
      'list: every page conforms to the contract',
      /^\/body\/data\/\* must have required property 'platform_username' \(\d+ times in \d+ answers?, first GET \/v1\/profiles\?limit=5&offset=0, request-id [0-9a-f-]{36}\)$/m,
    ],
    [
      'wrong-type',
      'get: a listed profile, by id, equals the listed one',
      /^\/body\/created_at must be string \(GET \/v1\/profiles\/[0-9a-f-]{36}, request-id [0-9a-f-]{36}\)$/m,
    ],
    [
      'unknown-enum',
      'list: every page conforms to the contract',
      /^\/body\/data\/\*\/gender must be equal to one of the allowed values/m,
    ],
    [
      'duplicate-page',
      'list: no profile appears on two pages',
      /^\/body\/data\/\*\/id repeats an id of page 1 \(\d+ times in 4 answers, first GET \/v1\/profiles\?limit=5&offset=5/m,
    ],
    [
      'ignore-limit',
      'list: no page holds more than limit profiles',
      /^\/body\/data has 10 profiles, more than limit=5 \(/m,
    ],
  ];
  for (const [kind, check, line] of cases) {
    it(`${kind}: exit 1, and "${check}" names the violation`, async () => {
      const report = await verifySandbox({ drift: [kind] });
      expect(statusOf(report, check)).toBe('failed');
      const text = formatReport(report, 'text');
      expect(
        text
          .split('\n')
          .map((l) => l.trim())
          .join('\n'),
      ).toMatch(line);
      const { code } = await cli(['verify', ...CREDENTIALS], { sandbox: { drift: [kind] } });
      expect(code).toBe(1);
    });
  }

  it('a deployment that takes any credentials fails the wrong-credentials check', async () => {
    const sandbox = createSandbox({ profiles: 3 });
    const client = createProfilesClient({
      baseUrl: 'https://x.test',
      clientId: 'a',
      clientSecret: 'b',
      fetch: sandbox.fetch,
    });
    const report = await verify(client);
    expect(failedChecks(report)).toEqual(['auth: wrong credentials get a 401']);
    expect(report.checks.at(-1)?.violations[0]).toMatchObject({
      pointer: '/status',
      message: 'is 200, expected 401',
    });
  });

  it('an unreachable deployment fails every check with the cause, and skips none silently', async () => {
    const { code, stdout } = await cli(['verify', ...AUTH, '--base-url', 'http://127.0.0.1:9'], {
      io: { fetch: globalThis.fetch as never },
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^FAIL list: every page conforms to the contract\n {7}the request failed: bad port \(GET \/v1\/profiles\?limit=5&offset=0\)$/m,
    );
    expect(stdout).toMatch(/14 checks: 0 passed, 10 failed, 4 skipped/);
  });
});

describe('reports', () => {
  it('json has every check and violation; junit and markdown summarise them; none has the secret', async () => {
    const report = await verifySandbox({ drift: 'all' });
    const json = JSON.parse(formatReport(report, 'json'));
    expect(json.summary).toEqual(report.summary);
    expect(json.contractVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.tool).toMatch(/^@insightiq\/profiles-cli@\d+\.\d+\.\d+/);
    expect(json.checks[0].violations.length).toBeGreaterThan(50);
    expect(json.checks[0].violations[0]).toEqual({
      request: 'GET /v1/profiles?limit=5&offset=0',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      pointer: '/body/data/0',
      message: "must have required property 'platform_username'",
    });

    const junit = formatReport(report, 'junit');
    expect(junit).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="insightiq-profiles verify" tests="14" failures="7" skipped="1"/,
    );
    expect(junit.match(/<testcase /g)).toHaveLength(14);
    expect(junit).toContain(`<property name="contractVersion" value="${report.contractVersion}"/>`);
    expect(junit.match(/<failure /g)).toHaveLength(7);
    expect(junit).toContain('must have required property &apos;platform_username&apos;');
    expect(junit).not.toMatch(/'platform_username'/);

    const markdown = formatReport(report, 'markdown');
    expect(markdown).toContain('**Not conformant**: 7 failed. 14 checks, 6 passed, 7 failed, 1 skipped');
    expect(markdown).toContain('| list: no page holds more than limit profiles | **failed** (5) |');
    expect(markdown).toMatch(
      /^- \/body\/data\/\*\/gender must be equal to one of the allowed values \(\d+ times/m,
    );

    for (const format of ['json', 'junit', 'markdown', 'text'] as const) {
      expect(formatReport(report, format)).not.toContain(SECRET);
      expect(formatReport(report, format)).not.toContain(btoa(`${ID}:${SECRET}`));
    }
  });

  it('--output writes the report to a file and the summary to stderr', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'verify-')), 'verify.xml');
    const { code, stdout, stderr } = await cli([
      'verify',
      '--report',
      'junit',
      '--output',
      file,
      ...CREDENTIALS,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^14 checks: 13 passed, 0 failed, 1 skipped in [\d.]+ s against https:\/\/sandbox\.test\nReport \(junit\) written to .+verify\.xml\n$/,
    );
    expect(readFileSync(file, 'utf8')).toMatch(
      /<testsuites name="insightiq-profiles verify" tests="14" failures="0" skipped="1"/,
    );
  });

  it('an --output that cannot be written is a usage error before any request', async () => {
    const { code, stderr, requests } = await cli([
      'verify',
      '--output',
      '/nonexistent/dir/report.json',
      ...CREDENTIALS,
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe('insightiq-profiles: --output /nonexistent/dir/report.json: ENOENT (see --help)\n');
    expect(requests).toEqual([]);
  });

  it('Ctrl-C skips the checks not yet run, still reports, and exits 130', async () => {
    const { code, stdout } = await cli(['verify', '--report', 'json', ...CREDENTIALS], { interruptAt: 7 });
    expect(code).toBe(130);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.checks.filter((c) => c.note === 'interrupted').length).toBeGreaterThan(0);
    expect(report.summary.checks).toBe(14);
  });
});
