import type { ErrorKind } from './errors.js';
import { OptionError } from './option-error.js';

/** Compares two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** Base64 to UTF-8 text, or undefined when it is not valid base64 (padded to a multiple of 4). */
function decodeBase64(encoded: string): string | undefined {
  if (encoded.length % 4 !== 0) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

/**
 * Why a request's credentials were refused, or null when they pass. Never echoes the credentials.
 * Several `Authorization` headers (joined by `, `) are malformed: they are ambiguous.
 */
export function checkBasicAuth(
  header: string | undefined,
  expected: { id: string; secret: string } | undefined,
): { kind: ErrorKind; message: string } | null {
  if (!header) {
    return {
      kind: 'missingCredentials',
      message:
        'Authentication required: send HTTP Basic credentials (client id as username, client secret as password).',
    };
  }
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  const decoded = match ? (decodeBase64(match[1] as string) ?? '') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon === decoded.length - 1) {
    return {
      kind: 'malformedCredentials',
      message: 'Malformed Authorization header: expected one "Basic base64(client_id:client_secret)".',
    };
  }
  if (expected && !sameText(decoded, `${expected.id}:${expected.secret}`)) {
    return {
      kind: 'invalidCredentials',
      message: 'Authentication failed: invalid client id or client secret.',
    };
  }
  return null;
}

/** Parses `ID:SECRET`. */
export function parseCredentials(value: string): { id: string; secret: string } {
  const colon = value.indexOf(':');
  if (colon < 1 || colon === value.length - 1) {
    throw new OptionError('credentials', 'must be "CLIENT_ID:CLIENT_SECRET", both non-empty');
  }
  return { id: value.slice(0, colon), secret: value.slice(colon + 1) };
}
