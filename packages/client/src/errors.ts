import { parseRetryAfter } from './internal/retry-after.js';

/** The base class of everything the client throws. */
export class ProfilesError extends Error {
  override name = 'ProfilesError';
}

/** Invalid input, found before any request was sent. `param` names the offending option or parameter. */
export class ValidationError extends ProfilesError {
  override name = 'ValidationError';
  /** The parameter or option that broke the rule, such as `limit`. */
  declare readonly param: string;
  /** The rule it broke, such as `must be an integer between 1 and 100`. */
  declare readonly rule: string;
  constructor(param: string, rule: string, got?: unknown) {
    super(
      `Invalid ${param}: ${rule}${got === undefined ? '' : ` (got ${JSON.stringify(got) ?? String(got)})`}.`,
    );
    this.param = param;
    this.rule = rule;
  }
}

/**
 * The request never got an HTTP response. The message names the host and what failed (`ECONNREFUSED
 * 127.0.0.1:4010`, `ENOTFOUND api.example.com`, `other side closed`); `cause` is the underlying error.
 */
export class ConnectionError extends ProfilesError {
  override name = 'ConnectionError';
}

/** An attempt took longer than `timeoutMs` (and no retry succeeded). */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** The caller cancelled the request through its `signal`. */
export class AbortError extends ProfilesError {
  override name = 'AbortError';
}

/** The body of an error response, as the API sends it. */
export interface ErrorPayload {
  error?: {
    type?: string;
    error_code?: string;
    code?: string;
    message?: string;
    request_id?: string;
    http_status_code?: number;
  };
}

/** An HTTP response that is an error, or a success whose body is not what the contract promises. */
export class ApiError extends ProfilesError {
  override name = 'ApiError';
  /** The HTTP status. */
  declare readonly status: number;
  /** The error's broad category (`error.type`), such as `INVALID_REQUEST_PARAMETERS`. */
  declare readonly type: string | undefined;
  /** The specific code: `error.error_code`, or `error.code` where only that is sent. */
  declare readonly errorCode: string | undefined;
  /** The request's id: the `request-id` header, else `error.request_id`. Quote it to support. */
  declare readonly requestId: string | undefined;
  /** The response headers. */
  declare readonly headers: Record<string, string>;
  /** The response body: parsed JSON, or the text where it is not JSON. */
  declare readonly body: unknown;

  constructor(status: number, headers: Record<string, string>, body: unknown, message?: string) {
    const e = (body as ErrorPayload | undefined)?.error;
    const requestId = headers['request-id'] ?? e?.request_id;
    super(
      `${status} ${message ?? e?.message ?? 'error response'}${e?.error_code || e?.code ? ` [${e.error_code ?? e.code}]` : ''}${requestId ? ` (request id ${requestId})` : ''}`,
    );
    this.status = status;
    this.type = e?.type;
    this.errorCode = e?.error_code ?? e?.code;
    this.requestId = requestId;
    this.headers = headers;
    this.body = body;
  }
}

/** 400: a parameter was invalid. */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
/** 401: credentials missing or wrong. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
/** 403: the credentials may not read this. */
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
/** 404: no such profile. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/**
 * 429: rate limited (after the retries ran out). `retryAfter` is the wait the API asked for, in
 * seconds, from `Retry-After` (a delay or an HTTP date); the client itself waits at most 60 s.
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds the API asked to wait (`Retry-After`), or undefined when it did not say. */
  readonly retryAfter: number | undefined = parseRetryAfter(this.headers['retry-after']);
}
/** 500 and above: the API failed (after the retries ran out). */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

/** One way a response breaks the contract: where (a JSON pointer such as `/body/data/0/gender`) and how. */
export interface ContractViolation {
  pointer: string;
  message: string;
}

/**
 * A 2xx response whose status, headers or body break the contract (with `validateResponses: 'throw'`):
 * the API has drifted from the contract, or the contract is wrong. `violations` lists each.
 */
export class ResponseValidationError extends ApiError {
  override name = 'ResponseValidationError';
  declare readonly violations: ContractViolation[];
  constructor(
    status: number,
    headers: Record<string, string>,
    body: unknown,
    violations: ContractViolation[],
  ) {
    super(
      status,
      headers,
      body,
      `response breaks the contract: ${violations.map((v) => `${v.pointer} ${v.message}`).join('; ')}`,
    );
    this.violations = violations;
  }
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  429: RateLimitError,
};

/** The error class for an HTTP status. */
export const apiErrorFor = (status: number): typeof ApiError =>
  BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
