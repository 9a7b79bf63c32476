import { ValidationError } from '../errors.js';
import { environments } from '../generated/contract.js';
import { createLog, LOG_LEVELS, type Log, type Logger, type LogLevel } from './logger.js';
import { checkInteger } from './rules.js';

/** One of the API's environments. */
export type Environment = keyof typeof environments;

/** What to do with a 2xx response that breaks the contract. */
export type ResponseValidation = 'off' | 'warn' | 'throw';

/** Options of `createProfilesClient`. */
export interface ClientOptions {
  /** Client id (the Basic auth username). Default: the `INSIGHTIQ_CLIENT_ID` environment variable. */
  clientId?: string | undefined;
  /** Client secret (the Basic auth password). Default: the `INSIGHTIQ_CLIENT_SECRET` environment variable. */
  clientSecret?: string | undefined;
  /** Which API to call. Default: `INSIGHTIQ_ENVIRONMENT`, then `'production'`. */
  environment?: Environment | undefined;
  /**
   * The API's base URL, such as `http://127.0.0.1:4010` for the local mock. Default: the
   * `INSIGHTIQ_BASE_URL` environment variable; either wins over `environment`.
   */
  baseUrl?: string | undefined;
  /** Retries of a failed attempt (connection error, timeout, 408, 409, 429, 5xx). Default 2. */
  maxRetries?: number | undefined;
  /** Time limit of each attempt in milliseconds. Default 60000. */
  timeoutMs?: number | undefined;
  /**
   * The fetch to use (tests, proxies, instrumentation). Default: the global `fetch`. It gets the
   * request and an init whose `signal`, the attempt's own, aborts it (timeout or the caller's
   * signal).
   */
  fetch?: ((request: Request, init: { signal: AbortSignal }) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Allow sending credentials over plain `http:` to a host other than localhost. Default false. */
  allowInsecureHttp?: boolean | undefined;
  /** What to log: `'off'` (default), `'error'`, `'warn'`, `'info'`, `'debug'`. Default: `INSIGHTIQ_LOG`, then `'off'`. */
  logLevel?: LogLevel | undefined;
  /** Where to log. Default `console`. Never given credentials or bodies. */
  logger?: Logger | undefined;
  /**
   * Check each 2xx response against the contract with `@insightiq/profiles-spec` (install it; it is
   * loaded on the first check): `'off'` (default), `'warn'` (each violation to `logger.warn`, whatever
   * `logLevel` says) or `'throw'` (a `ResponseValidationError`).
   */
  validateResponses?: ResponseValidation | undefined;
}

/** Everything a call needs, resolved once per client. */
export interface Config {
  baseUrl: string;
  host: string;
  authorization: string;
  maxRetries: number;
  timeoutMs: number;
  redact: (text: string) => string;
  log: Log;
  logger: Logger;
  validateResponses: ResponseValidation;
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const VALIDATION_MODES: readonly ResponseValidation[] = ['off', 'warn', 'throw'];

/** A URL for a message: any user info (`id:secret@`) hidden. */
const hideUserinfo = (url: string) => url.replace(/\/\/[^/?#]*@/, '//***@');

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if (!allowed.includes(value as T))
    throw new ValidationError(name, `must be one of ${allowed.join(', ')}`, value);
  return value as T;
};

/** The API's base URL: the option, `INSIGHTIQ_BASE_URL`, or the environment's host; checked. */
function resolveBaseUrl(options: ClientOptions, env: Record<string, string | undefined>): URL {
  let baseUrl = options.baseUrl ?? env.INSIGHTIQ_BASE_URL;
  if (!baseUrl) {
    const environment = oneOf(
      'environment',
      options.environment ?? (env.INSIGHTIQ_ENVIRONMENT || 'production'),
      Object.keys(environments) as Environment[],
    );
    baseUrl = environments[environment];
  }
  let url: URL | undefined;
  try {
    url = new URL(baseUrl.replace(/\/+$/, ''));
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ValidationError('baseUrl', 'must be an absolute http(s) URL', hideUserinfo(baseUrl));
  }
  if (url.username || url.password) {
    throw new ValidationError(
      'baseUrl',
      'must not carry credentials: pass clientId and clientSecret instead',
      hideUserinfo(baseUrl),
    );
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname) && !options.allowInsecureHttp) {
    throw new ValidationError(
      'baseUrl',
      'must use https: credentials are not sent over plain http except to localhost (set allowInsecureHttp to override)',
      baseUrl,
    );
  }
  return url;
}

/**
 * Resolves the options of `createProfilesClient` with their environment variables and defaults.
 * Throws a `ValidationError` (never holding a secret) for anything it cannot use.
 */
export function resolveConfig(options: ClientOptions): Config {
  const env: Record<string, string | undefined> =
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const clientId = options.clientId ?? env.INSIGHTIQ_CLIENT_ID;
  const clientSecret = options.clientSecret ?? env.INSIGHTIQ_CLIENT_SECRET;
  if (!clientId)
    throw new ValidationError('clientId', 'is required: pass clientId or set INSIGHTIQ_CLIENT_ID');
  if (!clientSecret) {
    throw new ValidationError(
      'clientSecret',
      'is required: pass clientSecret or set INSIGHTIQ_CLIENT_SECRET',
    );
  }
  const url = resolveBaseUrl(options, env);
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 60_000;
  checkInteger('maxRetries', maxRetries, 0);
  checkInteger('timeoutMs', timeoutMs, 1);
  const logLevel = oneOf('logLevel', options.logLevel ?? env.INSIGHTIQ_LOG ?? 'off', LOG_LEVELS);
  const validateResponses = oneOf('validateResponses', options.validateResponses ?? 'off', VALIDATION_MODES);
  const logger = options.logger ?? console;

  const token = btoa(String.fromCharCode(...new TextEncoder().encode(`${clientId}:${clientSecret}`)));
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    host: url.host,
    authorization: `Basic ${token}`,
    maxRetries,
    timeoutMs,
    redact: (text) => text.split(clientSecret).join('[redacted]').split(token).join('[redacted]'),
    log: createLog(logLevel, logger),
    logger,
    validateResponses,
  };
}
