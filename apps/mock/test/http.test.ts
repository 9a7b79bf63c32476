// The HTTP adapter alone: what it answers when the engine behind it fails.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type Engine } from '../src/http.js';
import { contract, get } from './helpers.js';

describe('a failure inside the request handler', () => {
  const server = createHttpServer({
    engine: {
      size: 0,
      handle: async () => {
        throw new Error('the engine broke');
      },
    } as unknown as Engine,
    backend: undefined,
    proxy: undefined,
    log: undefined,
    ready: () => true,
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is the API’s 500 error answer, with its request-id and the CORS headers', async () => {
    const answer = await get(url, '/v1/profiles', { origin: 'http://localhost:3000' });
    expect(answer.status).toBe(500);
    expect(contract.validateSchema('Error', answer.body)).toEqual([]);
    expect((answer.body as { error: unknown }).error).toMatchObject({
      error_code: 'INTERNAL_SERVER_ERROR',
      message: 'Mock failure: the engine broke',
      request_id: answer.headers.get('request-id'),
      http_status_code: 500,
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.text)));
  });
});
