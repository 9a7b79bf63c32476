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
  malformedRequest: { status: 400, type: 'INVALID_REQUEST', code: 'MALFORMED_REQUEST' },
  uriTooLong: { status: 414, type: 'INVALID_REQUEST', code: 'URI_TOO_LONG' },
  headersTooLarge: { status: 431, type: 'INVALID_REQUEST', code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
  rateLimited: { status: 429, type: 'RATE_LIMIT_ERROR', code: 'TOO_MANY_REQUESTS' },
  internal: { status: 500, type: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR' },
  unavailable: { status: 503, type: 'API_ERROR', code: 'SERVICE_UNAVAILABLE' },
} as const;

export type ErrorKind = keyof typeof ERRORS;

/** The status and `Error` body of an error response. */
export function errorResponse(
  kind: ErrorKind,
  message: string,
  requestId: string,
): { status: number; body: string } {
  const { status, type, code } = ERRORS[kind];
  const body = JSON.stringify({
    error: { type, error_code: code, message, request_id: requestId, http_status_code: status },
  });
  return { status, body };
}

/** Sends an error response: the `Error` body with the request id, and `request-id` header. */
export function sendError(
  res: ServerResponse,
  kind: ErrorKind,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const { status, body } = errorResponse(kind, message, requestId);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'request-id': requestId });
  res.end(body);
}

/**
 * The raw answer to a request Node's parser refused before any handler saw it (a request line or
 * headers over its 16 KB, no Host, conflicting Content-Length and Transfer-Encoding, ...): the same
 * JSON error body and `request-id` as every other error, then the connection closes.
 */
export function clientErrorAnswer(
  error: { code?: string | undefined; rawPacket?: Buffer | undefined },
  requestId: string,
): string {
  const raw = error.rawPacket?.toString('latin1') ?? '';
  const lineEnd = raw.indexOf('\r\n');
  const kind: ErrorKind =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? lineEnd === -1 || lineEnd > 8192
        ? 'uriTooLong'
        : 'headersTooLarge'
      : 'malformedRequest';
  const message = {
    uriTooLong: 'The request target is too long (the limit is 16 KB).',
    headersTooLarge: 'The request headers are too large (the limit is 16 KB in all).',
    malformedRequest: `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`,
  }[kind as 'uriTooLong' | 'headersTooLarge' | 'malformedRequest'];
  const { status, body } = errorResponse(kind, message, requestId);
  const reason = { 400: 'Bad Request', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' }[status];
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nrequest-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`;
}
