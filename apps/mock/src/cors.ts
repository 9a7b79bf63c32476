import type { IncomingMessage } from 'node:http';

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** The CORS headers for a request: any localhost origin is allowed, others get none. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers':
      'request-id, retry-after, www-authenticate, x-mock-warning, x-contract-violations',
    vary: 'Origin',
  };
}

/** Extra headers of a preflight (`OPTIONS`) answer from a localhost origin. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const cors = corsHeaders(req);
  if (!cors['access-control-allow-origin']) return {};
  return {
    ...cors,
    'access-control-allow-methods': 'GET, OPTIONS',
    'access-control-allow-headers':
      'authorization, accept, content-type, prefer, x-mock-fault, x-insightiq-client',
    'access-control-max-age': '600',
  };
}
