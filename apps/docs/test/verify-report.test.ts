// "Verified" on each operation: real reports of `insightiq-profiles verify --report json`, run against
// the kit's mock (conformant, and drifting), summed up per operation by scripts/verify-report.mjs and
// put on each operation by pageDocument; bad report files fail with an error naming the file and the
// fault; no report, no note. Last, the README's command, run as written, in a copy of the docs app.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Output, run } from '@insightiq/profiles-cli';
import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import { openapi } from '@insightiq/profiles-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the build's scripts are plain JavaScript, without declarations.
import { pageDocument } from '../scripts/redoc.mjs';
// @ts-expect-error: the build's scripts are plain JavaScript, without declarations.
import { readVerification, verificationFromEnv } from '../scripts/verify-report.mjs';

interface Check {
  id: string;
  operationId: string;
  status: 'passed' | 'failed' | 'skipped';
}
interface Report {
  target: string;
  startedAt: string;
  summary: { checks: number; passed: number; failed: number; skipped: number };
  checks: Check[];
}
type Operation = { operationId: string; description: string };

const ID = 'docs-verify-id';
const SECRET = 'docs-verify-secret-41c9';
const dir = mkdtempSync(join(tmpdir(), 'docs-verify-'));
const spec = openapi as unknown as { paths: Record<string, Record<string, Operation>> };
const operationsOf = (page: typeof spec) => Object.values(page.paths).flatMap((item) => Object.values(item));
const OPERATIONS = operationsOf(spec).map((op) => op.operationId);
/** The operation of each check, as the CLI's report names it. */
const operationOf = (check: Check) => check.operationId;
/** `2026-12-01 14:02 UTC`, from the report's ISO time. */
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
/** `11 of 12 checks passed, 1 skipped.`: the counts of an operation's checks in `report`. */
function counts(report: Report, operationId: string) {
  const checks = report.checks.filter((c) => operationOf(c) === operationId);
  const count = (status: Check['status']) => checks.filter((c) => c.status === status).length;
  const rest = (['failed', 'skipped'] as const).filter((s) => count(s) > 0).map((s) => `, ${count(s)} ${s}`);
  return `${count('passed')} of ${checks.length} checks passed${rest.join('')}.`;
}

const sink = (): Output => ({ write: () => true });
/** Runs `insightiq-profiles verify --report json --output FILE` against `url`: the report it wrote. */
async function verifyReport(url: string, name: string): Promise<{ file: string; report: Report }> {
  const file = join(dir, name);
  const args = ['verify', '--base-url', url, '--client-id', ID, '--client-secret', SECRET];
  await run([...args, '--report', 'json', '--output', file], { stdout: sink(), stderr: sink() });
  return { file, report: JSON.parse(readFileSync(file, 'utf8')) as Report };
}

/** Each operation's description in the page document built with the report at `file`. */
const descriptions = (file: string | undefined) => {
  const verification = file === undefined ? undefined : readVerification(file);
  const page = pageDocument(spec, { verification }) as typeof spec;
  return Object.fromEntries(operationsOf(page).map((op) => [op.operationId, op.description]));
};

let mocks: RunningMock[] = [];
let passing: { file: string; report: Report };
let failing: { file: string; report: Report };
beforeAll(async () => {
  mocks = await Promise.all([
    startMock({ port: 0, credentials: `${ID}:${SECRET}` }),
    startMock({ port: 0, credentials: `${ID}:${SECRET}`, drift: 'all' }),
  ]);
  const [good, drifting] = mocks as [RunningMock, RunningMock];
  [passing, failing] = await Promise.all([
    verifyReport(good.url, 'verify.json'),
    verifyReport(drifting.url, 'verify-drift.json'),
  ]);
});
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
});

describe('a report of verify, on each operation', () => {
  it('shows when, against which deployment, and each operation’s checks passed', () => {
    const { report, file } = passing;
    expect(report.summary.failed).toBe(0);
    const shown = descriptions(file);
    for (const operationId of OPERATIONS) {
      expect(shown[operationId]).toBe(
        `[Try it →](try-it.html#${operationId})\n\n**Verified** ${minute(report.startedAt)} against \`${report.target}\`: ${counts(report, operationId)}\n\n${
          operationsOf(spec).find((op) => op.operationId === operationId)?.description ?? ''
        }`,
      );
    }
    // The README's table: 12 checks of the list, 2 of get.
    expect(shown.listProfiles).toMatch(/: \d+ of 12 checks passed/);
    expect(shown.getProfile).toContain(': 2 of 2 checks passed.');
  });

  it('reads a report of the CLI 1.0.0, whose checks name no operation, by their ids', () => {
    const { report } = failing;
    const old = { ...report, checks: report.checks.map(({ operationId: _, ...check }) => check) };
    const file = join(dir, 'verify-1.0.json');
    writeFileSync(file, JSON.stringify(old));
    expect(descriptions(file)).toEqual(descriptions(failing.file));
  });

  it('shows the failures of a deployment that drifts, operation by operation', () => {
    const { report, file } = failing;
    expect(report.summary.failed).toBeGreaterThan(0);
    const shown = descriptions(file);
    let failedShown = 0;
    for (const operationId of OPERATIONS) {
      const checks = report.checks.filter((c) => operationOf(c) === operationId);
      const count = (status: Check['status']) => checks.filter((c) => c.status === status).length;
      const note = /\*\*Verified\*\* [^\n]*: (\d+) of (\d+) checks? passed(?:, (\d+) failed)?/.exec(
        shown[operationId] ?? '',
      );
      expect(note?.slice(1, 4), operationId).toEqual([
        String(count('passed')),
        String(checks.length),
        count('failed') ? String(count('failed')) : undefined,
      ]);
      failedShown += Number(note?.[3] ?? 0);
    }
    expect(failedShown).toBe(report.summary.failed);
  });

  it('shows the deployment without credentials, query or fragment', () => {
    const file = join(dir, 'verify-credentials.json');
    const target = `https://${ID}:${SECRET}@api.staging.insightiq.ai/?token=tok-93ab#frag`;
    writeFileSync(file, JSON.stringify({ ...passing.report, target }));
    const shown = JSON.stringify(descriptions(file));
    expect(shown).toContain('against `https://api.staging.insightiq.ai`:');
    for (const secret of [ID, SECRET, 'tok-93ab', 'frag']) expect(shown).not.toContain(secret);
    // Nor from a real report with violations: the notes are all the page document gains.
    const page = JSON.stringify(pageDocument(spec, { verification: readVerification(failing.file) }));
    const notes = page.match(/\*\*Verified\*\* [^\\]*\\n\\n/g) ?? [];
    expect(notes).toHaveLength(OPERATIONS.length);
    expect(page.replace(/\*\*Verified\*\* [^\\]*\\n\\n/g, '') === JSON.stringify(pageDocument(spec))).toBe(
      true,
    );
  });
});

describe('without a report', () => {
  it('shows nothing of the kind: the page document is the one built without the option', () => {
    expect(verificationFromEnv({})).toBeUndefined();
    expect(verificationFromEnv({ INSIGHTIQ_VERIFY_REPORT: '' })).toBeUndefined();
    const plain = JSON.stringify(pageDocument(spec));
    expect(JSON.stringify(pageDocument(spec, { verification: verificationFromEnv({}) }))).toBe(plain);
    expect(plain).not.toContain('Verified');
    for (const [operationId, description] of Object.entries(descriptions(undefined)))
      expect(description.startsWith(`[Try it →](try-it.html#${operationId})\n\n`)).toBe(true);
  });
});

describe('the variable', () => {
  it('is a path relative to where the command was run (INIT_CWD, which pnpm sets)', () => {
    const env = { INSIGHTIQ_VERIFY_REPORT: 'verify.json', INIT_CWD: dir };
    expect(verificationFromEnv(env)).toEqual(readVerification(passing.file));
    expect(verificationFromEnv({ INSIGHTIQ_VERIFY_REPORT: passing.file }).deployment).toBe(
      passing.report.target,
    );
  });

  it('fails with the file and the fault, not silently, when the file is not a report', () => {
    const bad = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return () => verificationFromEnv({ INSIGHTIQ_VERIFY_REPORT: name, INIT_CWD: dir });
    };
    const named = (name: string) => `INSIGHTIQ_VERIFY_REPORT=${name}: ${join(dir, name)}`;
    expect(() => verificationFromEnv({ INSIGHTIQ_VERIFY_REPORT: 'nope.json', INIT_CWD: dir })).toThrow(
      `${named('nope.json')}: cannot be read (no such file)`,
    );
    // Not JSON (a JUnit report): the error does not quote the file, which might hold a secret.
    const junit = bad('verify.xml', `<?xml version="1.0"?><testsuites name="${SECRET}"/>`);
    expect(junit).toThrow(`${named('verify.xml')} is not JSON (`);
    expect(junit).not.toThrow(SECRET);
    const notReport = `is not a report of \`insightiq-profiles verify --report json\`: `;
    expect(bad('list.json', '[]')).toThrow(`${named('list.json')} ${notReport}it is not a JSON object`);
    const { checks: _, ...noChecks } = passing.report;
    expect(bad('no-checks.json', JSON.stringify(noChecks))).toThrow(`${notReport}"checks" is missing`);
    const when = { ...passing.report, startedAt: 'yesterday' };
    expect(bad('when.json', JSON.stringify(when))).toThrow(`${notReport}"startedAt" is not an ISO 8601 time`);
    const ftp = { ...passing.report, target: 'ftp://example.com' };
    expect(bad('ftp.json', JSON.stringify(ftp))).toThrow(`${notReport}"target" is a ftp: URL`);
    const unknown = { ...passing.report, checks: [{ id: 'webhooks-sent', status: 'passed' }] };
    expect(bad('unknown.json', JSON.stringify(unknown))).toThrow(
      `${notReport}check "webhooks-sent" names no "operationId", and is none of the CLI 1.0.0's checks`,
    );
    const noName = { ...passing.report, checks: [{ id: 'list-limit', status: 'passed', operationId: 7 }] };
    expect(bad('no-name.json', JSON.stringify(noName))).toThrow(
      `${notReport}"checks/0" (list-limit) has an "operationId" that is not a name of an operation`,
    );
    const status = { ...passing.report, checks: [{ id: 'list-limit', status: 'ok' }] };
    expect(bad('status.json', JSON.stringify(status))).toThrow(
      `${notReport}"checks/0" (list-limit) has status "ok", not passed, failed or skipped`,
    );
  });
});

/** Runs `command` with sh in `cwd`: its exit code and output. */
function sh(command: string, cwd: string) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * A workspace holding a copy of the docs app (its scripts and sections; its node_modules and the
 * root's linked), so that the README's build runs as written without touching apps/docs/dist, which
 * the other tests read.
 */
function docsCopy(): string {
  const app = fileURLToPath(new URL('..', import.meta.url));
  const root = join(app, '../..');
  const workspace = mkdtempSync(join(tmpdir(), 'docs-verify-build-'));
  const copy = join(workspace, 'apps/docs');
  mkdirSync(copy, { recursive: true });
  for (const part of ['scripts', 'src', 'package.json'])
    cpSync(join(app, part), join(copy, part), { recursive: true });
  symlinkSync(join(app, 'node_modules'), join(copy, 'node_modules'));
  symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'));
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(workspace, 'package.json'),
    JSON.stringify({ name: 'docs-copy', private: true, packageManager }),
  );
  writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages:\n  - apps/docs\n');
  return workspace;
}

describe('the README’s command', () => {
  const COMMAND = 'INSIGHTIQ_VERIFY_REPORT=verify.json pnpm --filter @insightiq/profiles-docs build';

  it('builds a reference whose pages show the note', { timeout: 240_000 }, async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme.split('\n').some((line) => line.trim() === COMMAND)).toBe(true);
    const workspace = docsCopy();
    // Where the user runs it: the report beside them, not in apps/docs, where pnpm runs the script.
    cpSync(passing.file, join(workspace, 'verify.json'));
    const { code, output } = await sh(COMMAND, workspace);
    expect(code, output).toBe(0);
    const { report } = passing;
    const built = (name: string) => readFileSync(join(workspace, 'apps/docs/dist', name), 'utf8');
    const [index, redoc] = [built('index.html'), built('redoc.html')];
    for (const operationId of OPERATIONS) {
      const when = `${minute(report.startedAt)} against`;
      // The page as served, readable without JavaScript; and Redoc's state, which it renders from.
      const html = `<p><strong>Verified</strong> ${when} <code>${report.target}</code>: ${counts(report, operationId)}</p>`;
      expect(index.includes(html), `index.html: ${html}`).toBe(true);
      const markdown = `#${operationId})\\n\\n**Verified** ${when} \`${report.target}\`: ${counts(report, operationId)}`;
      expect(redoc.includes(markdown), `redoc.html: ${markdown}`).toBe(true);
    }
    for (const html of [index, redoc]) expect(html.includes(SECRET)).toBe(false);
  });
});
