import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConnectionError, createProfilesClient } from '../../src/index.js';
import { CLIENT_ID, ID, SECRET, stubFetch, testClient } from '../helpers.js';

const token = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
const client = (baseUrl: string) =>
  createProfilesClient({ clientId: CLIENT_ID, clientSecret: SECRET, baseUrl, maxRetries: 0 });

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('ConnectionError', () => {
  it('a refused connection names ECONNREFUSED, the host and port, and keeps the cause', async () => {
    const server = createServer();
    const url = await listen(server);
    server.close();
    await once(server, 'close');
    const error = await client(url)
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const { host } = new URL(url);
    expect((error as Error).message).toBe(
      `Connection error to ${host} (attempt 1 of 1): fetch failed: connect ECONNREFUSED ${host}`,
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as Error & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
  });

  it('a socket the server resets mid-request says so', async () => {
    const server = createServer((request) => request.socket.destroy());
    const url = await listen(server);
    try {
      const error = await client(url)
        .profiles.get(ID)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toBe(
        `Connection error to ${new URL(url).host} (attempt 1 of 1): fetch failed: other side closed`,
      );
      expect((error as Error).cause).toBeDefined();
    } finally {
      server.close();
    }
  });

  it('a DNS failure names ENOTFOUND and the host', async () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.com'), { code: 'ENOTFOUND' });
    const { fetch } = stubFetch(new TypeError('fetch failed', { cause: dns }));
    const error = await testClient(fetch, { baseUrl: 'https://api.example.com', maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Connection error to api.example.com (attempt 1 of 1): fetch failed: getaddrinfo ENOTFOUND api.example.com',
    );
    expect(((error as Error).cause as Error).cause).toBe(dns);
  });

  it('where the cause holds a credential, the error keeps a redacted copy of it instead', async () => {
    const leaky = new Error(`proxy refused Basic ${token} (${SECRET})`);
    const { fetch } = stubFetch(leaky);
    const error = await testClient(fetch, { maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect((error as Error).cause).not.toBe(leaky);
    expect((error as Error).message).toContain('proxy refused Basic [redacted] ([redacted])');
    for (const text of [inspect(error, { depth: 5 }), String((error as Error).stack)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(token);
    }
  });
});
