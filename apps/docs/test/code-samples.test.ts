import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import { openapi } from '@insightiq/profiles-spec';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir } from './browser.js';

const run = promisify(execFile);
const dir = join(resultsDir, 'code-samples');
mkdirSync(dir, { recursive: true });

/** The x-codeSamples of each operation, as the docs page shows them. */
const samples = Object.values(openapi.paths).flatMap((item) =>
  Object.values(item).flatMap((op) =>
    (op['x-codeSamples'] ?? []).map((s) => ({ operationId: op.operationId, ...s })),
  ),
);
const sample = (operationId: string, label: string) =>
  samples.find((s) => s.operationId === operationId && s.label === label)?.source as string;

/** Type-checks TypeScript sources against the client package; returns the diagnostics. */
function typecheck(sources: Record<string, string>): string[] {
  const files = Object.entries(sources).map(([name, source]) => {
    const path = join(dir, name);
    writeFileSync(path, source);
    return path;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the code samples of the reference page', () => {
  it('has TypeScript, curl and axios samples for both operations', () => {
    expect(samples.map((s) => `${s.operationId} ${s.label}`).sort()).toEqual([
      'getProfile @insightiq/profiles-client',
      'getProfile axios',
      'getProfile curl',
      'listProfiles @insightiq/profiles-client',
      'listProfiles axios',
      'listProfiles curl',
    ]);
  });

  it('the TypeScript samples type-check against @insightiq/profiles-client', () => {
    expect(
      typecheck({
        'listProfiles.ts': sample('listProfiles', '@insightiq/profiles-client'),
        'getProfile.ts': sample('getProfile', '@insightiq/profiles-client'),
      }),
    ).toEqual([]);
  });

  it('and the check fails on a sample that misuses the client', () => {
    const broken = sample('listProfiles', '@insightiq/profiles-client').replace('limit: 10', "limit: '10'");
    expect(typecheck({ 'broken.ts': broken }).join('\n')).toMatch(
      /Type 'string' is not assignable to type 'number'/,
    );
  });

  describe('run against the mock app', () => {
    let mock: RunningMock;
    const env = {
      ...process.env,
      INSIGHTIQ_CLIENT_ID: 'sample-id',
      INSIGHTIQ_CLIENT_SECRET: 'sample-secret',
    };
    const local = (source: string) => source.replaceAll('https://api.sandbox.insightiq.ai', mock.url);
    beforeAll(async () => {
      mock = await startMock({ port: 0, credentials: 'sample-id:sample-secret' });
    });
    afterAll(() => mock.close());

    it('curl: the list sample gets ten profiles, the get sample one', async () => {
      const list = await run('bash', ['-c', local(sample('listProfiles', 'curl'))], { env });
      expect(JSON.parse(list.stdout).data).toHaveLength(10);
      const one = await run('bash', ['-c', local(sample('getProfile', 'curl'))], { env });
      expect(JSON.parse(one.stdout).full_name).toBe('Mark Ruffalo');
    });

    it('axios: both samples print the API answer', async () => {
      for (const [operationId, expected] of [
        ['listProfiles', "full_name: 'Peter Parker'"],
        ['getProfile', "full_name: 'Mark Ruffalo'"],
      ]) {
        const file = join(dir, `${operationId}.axios.mjs`);
        writeFileSync(file, local(sample(operationId as string, 'axios')));
        const { stdout, stderr } = await run(process.execPath, [file], { env, cwd: dir });
        expect(stderr).toBe('');
        expect(stdout).toContain(expected);
      }
    });
  });
});
