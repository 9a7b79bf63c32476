import { type ClientOptions, createProfilesClient } from '../src/index.js';

export const RID = '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11';
export const ID = '3640aa41-55d3-4198-9092-ef9ced03d7fb';
export const SECRET = 'top-secret-client-secret-42';
export const CLIENT_ID = 'client-id-123';

type Reply =
  | Response
  | Error
  | ((request: Request, init: { signal: AbortSignal }) => Response | Promise<Response>);

/** A fetch that answers from a queue and records every request; the last reply repeats. */
export function stubFetch(...replies: Reply[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request, init: { signal: AbortSignal }): Promise<Response> => {
    requests.push(request);
    const reply = replies.length > 1 ? replies.shift() : replies[0];
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(request, init);
    return (reply as Response).clone();
  };
  return { fetch, requests };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'request-id': RID, ...headers },
  });

export const errorBody = (status: number, extra: Record<string, unknown> = {}) => ({
  error: {
    type: 'INVALID_REQUEST_PARAMETERS',
    error_code: 'SOMETHING_WRONG',
    message: `failed with ${status}`,
    request_id: RID,
    http_status_code: status,
    ...extra,
  },
});

export const profile = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created_at: '2021-11-08T18:53:18.337805',
  updated_at: '2021-11-08T18:53:18.337805',
  user: { id: RID, name: `User ${n}` },
  account: { id: RID, platform_username: null },
  work_platform: { id: RID, name: 'YouTube', logo_url: 'https://example.com/l.png' },
  platform_username: `user${n}`,
  gender: null,
});

export const page = (from: number, count: number, limit = 10) =>
  json(200, {
    data: Array.from({ length: count }, (_, i) => profile(from + i)),
    metadata: { offset: from, limit },
  });

/**
 * A fetch whose requests never answer until their signal aborts; with replies given, only the
 * first hangs and the replies follow. It keeps every signal a hanging request got.
 */
export function hangingFetch(...then: Reply[]) {
  const signals: AbortSignal[] = [];
  const hang = (_request: Request, { signal }: { signal: AbortSignal }) =>
    new Promise<Response>((_, reject) => {
      signals.push(signal);
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  return { ...stubFetch(hang, ...then), signals };
}

/** A client with test credentials, no retry delay worth waiting for, and the given fetch. */
export const testClient = (fetch: ClientOptions['fetch'], options: ClientOptions = {}) =>
  createProfilesClient({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    baseUrl: 'https://api.test',
    fetch,
    ...options,
  });
