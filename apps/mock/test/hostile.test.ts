// Requests that third-party tools and hostile clients send, in every mode: never a 5xx for a
// client's choice, always the error body with the response's request-id.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { waitFor } from '@insightiq/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { AUTH, contract, expectConforms, get } from './helpers.js';

/**
 * Sends raw bytes and resolves to the raw answer, once the server closes the connection (every
 * request here says `Connection: close`, or is one the server answers by closing); fails after 20 s
 * of an open connection, with what came so far.
 */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error(`no close of the connection within 20 s of ${request.slice(0, 80)}…; got:\n${text}`));
    });
  });
}
const statusOf = (answer: string) => Number(answer.slice(9, 12));
/** The body of a raw answer, its chunked transfer coding undone. */
function bodyOf(answer: string) {
  let body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  if (/^transfer-encoding: chunked/im.test(answer.slice(0, answer.indexOf('\r\n\r\n')))) {
    let out = '';
    for (;;) {
      const end = body.indexOf('\r\n');
      const size = Number.parseInt(body.slice(0, end), 16);
      if (!size) break;
      out += body.slice(end + 2, end + 2 + size);
      body = body.slice(end + 2 + size + 2);
    }
    body = out;
  }
  return JSON.parse(body);
}
const headerOf = (answer: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(answer.slice(0, answer.indexOf('\r\n\r\n')))?.[1]?.trim();

describe.each(['sandbox', 'examples', 'dynamic'] as const)('%s mode', (mode) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode });
  }, 60_000);
  afterAll(() => mock?.close());

  it.each(['text/html', 'text/plain', 'application/problem+json'])(
    'Accept: %s gets JSON, not a 5xx',
    async (accept) => {
      const answer = await get(mock.url, '/v1/profiles?limit=2', { accept });
      expect(answer.status).toBe(200);
      expectConforms(answer, 'listProfiles');
    },
  );

  it('a trailing slash on a profile path answers as without it', async () => {
    const id = ((await get(mock.url, '/v1/profiles?limit=1')).body as { data: Array<{ id: string }> }).data[0]
      ?.id;
    const answer = await get(mock.url, `/v1/profiles/${id}/`);
    expect(answer.status).toBe(200);
    expectConforms(answer, 'getProfile');
  });

  it('honours limit and offset, and echoes them in metadata', async () => {
    const page = (await get(mock.url, '/v1/profiles?limit=2&offset=3')).body as {
      data: unknown[];
      metadata: { offset: number; limit: number };
    };
    expect(page.metadata).toMatchObject({ offset: 3, limit: 2 });
    if (mode === 'dynamic') {
      // Random pages: at most limit profiles, whatever the offset.
      expect(page.data.length).toBeLessThanOrEqual(2);
    } else {
      expect(page.data).toHaveLength(2);
      const past = (await get(mock.url, '/v1/profiles?limit=10&offset=100000')).body as { data: unknown[] };
      expect(past.data).toHaveLength(0);
    }
  });

  it('every error body repeats the response request-id and status', async () => {
    for (const [path, headers] of [
      ['/v1/profiles?limit=0', {}],
      ['/v1/profiles', { authorization: 'Basic Zm9v' }],
      ['/v1/profiles', { 'x-mock-fault': '429' }],
      ['/v1/profiles', { 'x-mock-fault': '503' }],
    ] as const) {
      const answer = await get(mock.url, path, headers);
      const error = (answer.body as { error: { request_id: string; http_status_code: number } }).error;
      expect(error.request_id, `${path} ${JSON.stringify(headers)}`).toBe(answer.headers.get('request-id'));
      expect(error.http_status_code, `${path} ${JSON.stringify(headers)}`).toBe(answer.status);
    }
  });

  it('OPTIONS on an unknown path is the promised 404', async () => {
    const res = await fetch(`${mock.url}/v2/nothing`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000' },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { error_code: string } }).error.error_code).toBe(
      'ROUTE_NOT_FOUND',
    );
  });

  it('an absolute-form request target is accepted (RFC 9112 §3.2.2)', async () => {
    const { host } = new URL(mock.url);
    const answer = await raw(
      mock.url,
      `GET ${mock.url}/v1/profiles?limit=1 HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${AUTH}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(200);
    expect(bodyOf(answer).data).toHaveLength(1);
  });
});

describe('credentials, strictly', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, credentials: 'id:s3cr3t' });
  });
  afterAll(() => mock.close());

  it('base64 of an invalid length is malformed, not the credentials it nearly spells', async () => {
    const answer = await get(mock.url, '/v1/profiles', { authorization: 'Basic aWQ6czNjcjN0A' });
    expect(answer.status).toBe(401);
    expect((answer.body as { error: { error_code: string } }).error.error_code).toBe('MALFORMED_CREDENTIALS');
    expect(
      (await get(mock.url, '/v1/profiles', { authorization: `Basic ${btoa('id:s3cr3t')}` })).status,
    ).toBe(200);
  });

  it('two Authorization headers are refused, not the first one taken', async () => {
    const { host } = new URL(mock.url);
    const good = `Basic ${btoa('id:s3cr3t')}`;
    const answer = await raw(
      mock.url,
      `GET /v1/profiles HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${good}\r\nAuthorization: Basic ${btoa('x:y')}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(401);
    expect(bodyOf(answer).error.error_code).toBe('MALFORMED_CREDENTIALS');
  });
});

describe('requests Node refuses before the mock sees them', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  const expectErrorBody = (answer: string, status: number, code: string) => {
    expect(statusOf(answer)).toBe(status);
    const body = bodyOf(answer);
    expect(body.error.error_code).toBe(code);
    expect(body.error.request_id).toBe(headerOf(answer, 'request-id'));
    expect(contract.validateSchema('Error', body)).toEqual([]);
  };

  it('a request target over 16 KB gets 414 with the error body', async () => {
    const { host } = new URL(mock.url);
    const answer = await raw(
      mock.url,
      `GET /v1/profiles?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    );
    expectErrorBody(answer, 414, 'URI_TOO_LONG');
  });

  it('headers over 16 KB get 431 with the error body', async () => {
    const { host } = new URL(mock.url);
    const answer = await raw(
      mock.url,
      `GET /v1/profiles HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectErrorBody(answer, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE');
  });

  it('conflicting Content-Length and Transfer-Encoding get 400 with the error body', async () => {
    const { host } = new URL(mock.url);
    const answer = await raw(
      mock.url,
      `GET /v1/profiles HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    );
    expectErrorBody(answer, 400, 'MALFORMED_REQUEST');
  });

  it('no Host header gets 400 with the error body', async () => {
    const answer = await raw(mock.url, 'GET /v1/profiles HTTP/1.1\r\nConnection: close\r\n\r\n');
    expectErrorBody(answer, 400, 'MALFORMED_REQUEST');
  });
});

describe('offset: the bound the contract states', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it('echoes the largest exact offset as sent, and refuses anything larger with the contract words', async () => {
    const max = '9007199254740991';
    const ok = (await get(mock.url, `/v1/profiles?offset=${max}`)).body as { metadata: { offset: number } };
    expect(String(ok.metadata.offset)).toBe(max);
    for (const offset of ['9007199254740992', '9007199254740993', '99999999999999999999']) {
      const answer = await get(mock.url, `/v1/profiles?offset=${offset}`);
      expect(answer.status, offset).toBe(400);
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        'Invalid value for query parameter offset: must be an integer between 0 and 9007199254740991.',
      );
    }
  });
});

describe('unknown query parameters', () => {
  let mock: RunningMock;
  const lines: string[] = [];
  beforeAll(async () => {
    mock = await startMock({ port: 0, log: (line) => lines.push(line) });
  });
  afterAll(() => mock.close());

  it('are ignored as the API does, but named in x-mock-warning (exposed to browsers) and the log', async () => {
    const answer = await get(mock.url, '/v1/profiles?limit=1&userid=abc&Limit=2', {
      origin: 'http://localhost:3000',
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { data: unknown[] }).data).toHaveLength(1);
    expect(answer.headers.get('x-mock-warning')).toBe('unknown query parameters ignored: userid, Limit');
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-mock-warning');
    expect(lines.some((l) => l.includes('unknown query parameters ignored: userid, Limit'))).toBe(true);
    expect((await get(mock.url, '/v1/profiles?limit=1')).headers.get('x-mock-warning')).toBeNull();
  });
});

describe('a Prism that dies', () => {
  it('is started again, and the mock says so on stderr', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const mock = await startMock({ port: 0, mode: 'examples' });
    try {
      const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'prism-cli'])
        .toString()
        .trim()
        .split('\n');
      expect(pids).toHaveLength(1);
      process.kill(Number(pids[0]), 'SIGKILL');
      await waitFor(() => errors.join('\n').includes('Prism exited unexpectedly'), {
        label: "the mock's line on stderr saying that Prism exited",
        timeoutMs: 20_000,
        detail: () => `its stderr:\n${errors.join('\n')}`,
      });
      expect(errors.join('\n')).toContain('starting it again');
      let last = '';
      await waitFor(
        async () => {
          const answer = await get(mock.url, '/v1/profiles?limit=1');
          last = `${answer.status} ${answer.text.slice(0, 200)}`;
          return answer.status === 200;
        },
        {
          label: 'a 200 from the mock once Prism is started again',
          timeoutMs: 60_000,
          intervalMs: 200,
          detail: () => `the last answer: ${last}\nthe mock's stderr:\n${errors.join('\n')}`,
        },
      );
    } finally {
      await mock.close();
      spy.mockRestore();
    }
  }, 90_000);
});
