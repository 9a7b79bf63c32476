import { describe, expect, it } from 'vitest';
import { createSandbox, DRIFT_KINDS, type DriftKind } from '../src/index.js';
import { parseDrift } from '../src/internal.js';
import { AUTH, contract, ORIGIN, read } from './helpers.js';

const list = (
  sandbox: ReturnType<typeof createSandbox>,
  query: string,
  headers: Record<string, string> = {},
) => sandbox.fetch(`${ORIGIN}/v1/profiles?${query}`, { headers: { ...AUTH, ...headers } }).then(read);

const issuesOf = (answer: Awaited<ReturnType<typeof read>>, operationId: 'listProfiles' | 'getProfile') =>
  contract.validateResponse({
    operationId,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });

describe('drift: 200 answers that break the contract on purpose', () => {
  it('each field-level kind breaks the contract at the field it names, in list and get', async () => {
    const expected: Record<string, { path: RegExp; message: RegExp }> = {
      'missing-field': { path: /^\/body\/data\/0$/, message: /platform_username/ },
      'wrong-type': { path: /^\/body\/data\/0\/created_at$/, message: /must be string/ },
      'unknown-enum': { path: /^\/body\/data\/0\/gender$/, message: /allowed values/ },
    };
    for (const [kind, want] of Object.entries(expected)) {
      const sandbox = createSandbox({ profiles: 5, drift: [kind as DriftKind] });
      const page = await list(sandbox, 'limit=2');
      expect(page.status).toBe(200);
      const issues = issuesOf(page, 'listProfiles');
      expect(issues.length, kind).toBeGreaterThan(0);
      expect(
        issues.find((i) => want.path.test(i.pointer) && want.message.test(i.message)),
        kind,
      ).toBeDefined();
      const id = page.body.data[0].id as string;
      const one = await sandbox.fetch(`${ORIGIN}/v1/profiles/${id}`, { headers: AUTH }).then(read);
      expect(
        issuesOf(one, 'getProfile').map((i) => i.pointer.replace('/body', '/body/data/0')),
        kind,
      ).toEqual(issues.filter((i) => i.pointer.startsWith('/body/data/0')).map((i) => i.pointer));
    }
  });

  it('duplicate-page repeats the first page under every offset, echoing the offset asked for', async () => {
    const sandbox = createSandbox({ profiles: 20, drift: ['duplicate-page'] });
    const first = await list(sandbox, 'limit=3&offset=0');
    const second = await list(sandbox, 'limit=3&offset=3');
    expect(second.body.metadata).toMatchObject({ offset: 3, limit: 3 });
    expect(second.body.data.map((p: { id: string }) => p.id)).toEqual(
      first.body.data.map((p: { id: string }) => p.id),
    );
    expect(issuesOf(second, 'listProfiles')).toEqual([]);
  });

  it('ignore-limit answers twice the limit, echoing the limit asked for', async () => {
    const sandbox = createSandbox({ profiles: 20, drift: ['ignore-limit'] });
    const page = await list(sandbox, 'limit=4');
    expect(page.body.data).toHaveLength(8);
    expect(page.body.metadata).toMatchObject({ offset: 0, limit: 4 });
  });

  it('per request: x-mock-fault: drift is every kind, drift=KIND one; a sandbox without it conforms', async () => {
    const sandbox = createSandbox({ profiles: 20 });
    expect(issuesOf(await list(sandbox, 'limit=2'), 'listProfiles')).toEqual([]);
    const all = await list(sandbox, 'limit=2', { 'x-mock-fault': 'drift' });
    expect(all.body.data).toHaveLength(4);
    expect(new Set(issuesOf(all, 'listProfiles').map((i) => i.pointer.split('/').pop()))).toEqual(
      new Set(['0', '1', '2', '3', 'created_at', 'gender']),
    );
    const one = await list(sandbox, 'limit=2', { 'x-mock-fault': 'drift=unknown-enum' });
    expect(issuesOf(one, 'listProfiles').map((i) => i.pointer)).toEqual([
      '/body/data/0/gender',
      '/body/data/1/gender',
    ]);
  });

  it('refuses an unknown kind with the list of kinds, as an option and as a header', async () => {
    expect(parseDrift('all')).toEqual(Object.keys(DRIFT_KINDS));
    expect(parseDrift(' Wrong-Type , wrong-type ')).toEqual(['wrong-type']);
    expect(() => createSandbox({ drift: ['nope' as DriftKind] })).toThrow(
      `drift must be 'all' or an array of missing-field, wrong-type, unknown-enum, duplicate-page, ignore-limit (got ["nope"])`,
    );
    const answer = await list(createSandbox(), 'limit=2', { 'x-mock-fault': 'drift=renamed' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/x-mock-fault: Unknown drift "renamed"/);
  });
});
