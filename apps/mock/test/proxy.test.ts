import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { whenListening } from '@insightiq/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { AUTH, exitCodeOf, get } from './helpers.js';

const SECRET = 'proxy-secret-4f1c';
const auth = { authorization: `Basic ${Buffer.from(`client-id:${SECRET}`).toString('base64')}` };

describe('proxy mode: the drift monitor', () => {
  let drifting: RunningMock;
  let conformant: RunningMock;
  let overDrifting: RunningMock;
  let overConformant: RunningMock;
  const warnings: string[] = [];

  beforeAll(async () => {
    const credentials = `client-id:${SECRET}`;
    drifting = await startMock({ port: 0, profiles: 20, credentials, drift: 'all' });
    conformant = await startMock({ port: 0, profiles: 20, credentials });
    overDrifting = await startMock({
      port: 0,
      mode: 'proxy',
      upstream: drifting.url,
      warn: (line) => warnings.push(line),
    });
    overConformant = await startMock({ port: 0, mode: 'proxy', upstream: `${conformant.url}/` });
  });
  afterAll(async () => {
    await Promise.all([drifting, conformant, overDrifting, overConformant].map((m) => m?.close()));
  });

  it('returns the upstream answer unchanged and counts its violations in x-contract-violations', async () => {
    const direct = await get(drifting.url, '/v1/profiles?limit=2', auth);
    const proxied = await get(overDrifting.url, '/v1/profiles?limit=2', auth);
    expect(proxied.status).toBe(200);
    expect(proxied.body).toEqual(direct.body);
    const violations = Number(proxied.headers.get('x-contract-violations'));
    expect(violations).toBeGreaterThanOrEqual(8);
    const requestId = proxied.headers.get('request-id') as string;
    const logged = warnings.filter((w) => w.includes(requestId));
    expect(logged).toHaveLength(violations);
    expect(logged).toContainEqual(
      `contract violation: GET /v1/profiles?limit=2 -> 200 (request-id ${requestId}): /body/data/3/gender must be equal to one of the allowed values`,
    );
  });

  it('never logs or reports the credentials it passes on', async () => {
    const { body } = await get(drifting.url, '/v1/profiles?limit=1', auth);
    const id = (body as { data: { id: string }[] }).data[0]?.id;
    expect(
      (await get(overDrifting.url, `/v1/profiles/${id}`, auth)).headers.get('x-contract-violations'),
    ).toBe('3');
    const report = JSON.stringify(overDrifting.proxyReport?.());
    for (const text of [...warnings, report]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(auth.authorization.slice(6));
    }
  });

  it('passes the upstream’s errors through (a 401 for wrong credentials) and finds them conformant', async () => {
    const answer = await get(overConformant.url, '/v1/profiles', { authorization: AUTH });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="InsightIQ"');
    expect(answer.headers.get('x-contract-violations')).toBe('0');
    const ok = await get(overConformant.url, '/v1/profiles?limit=3&offset=2', auth);
    expect(ok.headers.get('x-contract-violations')).toBe('0');
    expect((ok.body as { metadata: unknown }).metadata).toMatchObject({ offset: 2, limit: 3 });
  });

  it('logs a request that breaks the contract, forwards it all the same, and finds the 400 conformant', async () => {
    const answer = await get(overConformant.url, '/v1/profiles?limit=0', auth);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-contract-violations')).toBe('0');
    expect(overConformant.proxyReport?.().invalidRequests).toBe(1);
    await get(overDrifting.url, '/v1/profiles?limit=0', auth);
    expect(warnings).toContain(
      'request breaks the contract: GET /v1/profiles?limit=0: query parameter limit must be an integer between 1 and 100',
    );
  });

  it('sums up what it saw by pointer, array indexes folded', async () => {
    const report = overDrifting.proxyReport?.();
    expect(report?.checked).toBeGreaterThanOrEqual(2);
    expect(report?.violating).toBeGreaterThanOrEqual(2);
    expect(report?.byPointer.map((v) => v.pointer)).toEqual(
      expect.arrayContaining([
        '/body/data/*/gender',
        '/body/data/*/created_at',
        '/body/gender',
        '/body/data/*',
      ]),
    );
    // Counted by violation and by answer: one list answer breaks the same rule in every profile.
    const gender = report?.byPointer.find((v) => v.pointer === '/body/data/*/gender');
    expect(gender?.answers).toBe(1);
    expect(gender?.count).toBeGreaterThan(1);
  });

  it('answers 502 with the API’s error body, naming the host, when the upstream is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const down = await startMock({ port: 0, mode: 'proxy', upstream: `http://127.0.0.1:${port}` });
    try {
      const answer = await get(down.url, '/v1/profiles', auth);
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({
        error: {
          error_code: 'BAD_GATEWAY',
          message: `The proxy could not reach its upstream 127.0.0.1:${port}: ECONNREFUSED.`,
          http_status_code: 502,
        },
      });
    } finally {
      await down.close();
    }
  });

  it('refuses a missing, credentialed or misplaced upstream with a clear message', async () => {
    await expect(startMock({ port: 0, mode: 'proxy' })).rejects.toThrow(
      'upstream is required in proxy mode, such as https://api.sandbox.insightiq.ai',
    );
    await expect(
      startMock({ port: 0, mode: 'proxy', upstream: `https://id:${SECRET}@api.example.com` }),
    ).rejects.toThrow(/^upstream must not carry credentials/);
    await expect(startMock({ port: 0, mode: 'proxy', upstream: 'ftp://x' })).rejects.toThrow(
      'upstream must be an http(s) URL (got ftp:)',
    );
    await expect(startMock({ port: 0, upstream: 'https://api.example.com' })).rejects.toThrow(
      'upstream works in proxy mode only',
    );
  });

  it('the CLI prints the summary on stderr when stopped', async () => {
    const cli = join(fileURLToPath(new URL('.', import.meta.url)), '../dist/cli.js');
    const child = spawn(
      process.execPath,
      [cli, '--port', '0', '--mode', 'proxy', '--upstream', drifting.url, '--quiet'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const { url, output } = await whenListening(child, { label: 'the proxy' });
    expect(output()).toContain(`(proxy to ${drifting.url}, checking answers against the contract)`);
    await get(url, '/v1/profiles?limit=1', auth);
    child.kill('SIGINT');
    expect(await exitCodeOf(child, 'the proxy', () => err)).toBe(0);
    expect(err).toContain('contract violation: GET /v1/profiles?limit=1 -> 200');
    expect(err).toMatch(
      /proxy summary: 1 requests forwarded, 1 answers checked against the contract, 1 broke it; 0 requests broke it\n {2}\d+ x \/body\/data\/\*\S* .+ \(in 1 answer\)\n/,
    );
    expect(err).not.toContain(SECRET);
  });
});
