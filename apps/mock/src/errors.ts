import type { ServerResponse } from 'node:http';

/** The error kinds the mock answers with, shaped like the real API's `{ error: {...} }` body. */
export const ERRORS = {
  invalidParameter: { status: 400, type: 'INVALID_REQUEST_PARAMETERS', code: 'INVALID_PARAMETER_VALUE' },
  invalidPrefer: { status: 400, type: 'INVALID_REQUEST_PARAMETERS', code: 'INVALID_PREFER_HEADER' },
  missingCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'MISSING_CREDENTIALS' },
  malformedCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'MALFORMED_CREDENTIALS' },
  invalidCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'INVALID_CREDENTIALS' },
  notFound: { status: 404, type: 'NOT_FOUND', code: 'PROFILE_NOT_FOUND' },
  noRoute: { status: 404, type: 'NOT_FOUND', code: 'ROUTE_NOT_FOUND' },
  methodNotAllowed: { status: 405, type: 'INVALID_REQUEST', code: 'METHOD_NOT_ALLOWED' },
  rateLimited: { status: 429, type: 'RATE_LIMIT_ERROR', code: 'TOO_MANY_REQUESTS' },
  internal: { status: 500, type: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR' },
  unavailable: { status: 503, type: 'API_ERROR', code: 'SERVICE_UNAVAILABLE' },
} as const;

export type ErrorKind = keyof typeof ERRORS;

/** Sends an error response: the `Error` body with the request id, and `request-id` header. */
export function sendError(
  res: ServerResponse,
  kind: ErrorKind,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const { status, type, code } = ERRORS[kind];
  const body = JSON.stringify({
    error: { type, error_code: code, message, request_id: requestId, http_status_code: status },
  });
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'request-id': requestId });
  res.end(body);
}
