/** The error kinds the sandbox answers with, shaped like the real API's `{ error: {...} }` body. */
export const ERRORS = {
  invalidParameter: { status: 400, type: 'INVALID_REQUEST_PARAMETERS', code: 'INVALID_PARAMETER_VALUE' },
  invalidPrefer: { status: 400, type: 'INVALID_REQUEST_PARAMETERS', code: 'INVALID_PREFER_HEADER' },
  malformedRequest: { status: 400, type: 'INVALID_REQUEST', code: 'MALFORMED_REQUEST' },
  missingCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'MISSING_CREDENTIALS' },
  malformedCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'MALFORMED_CREDENTIALS' },
  invalidCredentials: { status: 401, type: 'AUTHENTICATION_ERROR', code: 'INVALID_CREDENTIALS' },
  notFound: { status: 404, type: 'NOT_FOUND', code: 'PROFILE_NOT_FOUND' },
  noRoute: { status: 404, type: 'NOT_FOUND', code: 'ROUTE_NOT_FOUND' },
  methodNotAllowed: { status: 405, type: 'INVALID_REQUEST', code: 'METHOD_NOT_ALLOWED' },
  uriTooLong: { status: 414, type: 'INVALID_REQUEST', code: 'URI_TOO_LONG' },
  headersTooLarge: { status: 431, type: 'INVALID_REQUEST', code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
  rateLimited: { status: 429, type: 'RATE_LIMIT_ERROR', code: 'TOO_MANY_REQUESTS' },
  internal: { status: 500, type: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR' },
  /** The mock's proxy mode could not reach its upstream. */
  badGateway: { status: 502, type: 'API_ERROR', code: 'BAD_GATEWAY' },
  unavailable: { status: 503, type: 'API_ERROR', code: 'SERVICE_UNAVAILABLE' },
} as const;

export type ErrorKind = keyof typeof ERRORS;

/** An answer of the engine: a status, headers and a body, as any transport sends it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The API's error answer: the status of `kind`, the `Error` body (all five fields), and
 * `content-type` and `request-id` headers after any `headers` given. The one builder of it: the
 * engine, the mock's server, its proxy, its HTTP parser errors and its Prism backend all call it.
 */
export function errorAnswer(
  kind: ErrorKind,
  message: string,
  {
    requestId = crypto.randomUUID(),
    headers = {},
  }: { requestId?: string; headers?: Record<string, string> } = {},
): Answer {
  const { status, type, code } = ERRORS[kind];
  const body = JSON.stringify({
    error: { type, error_code: code, message, request_id: requestId, http_status_code: status },
  });
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json', 'request-id': requestId },
    body,
  };
}
