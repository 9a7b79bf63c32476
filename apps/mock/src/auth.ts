import { timingSafeEqual } from 'node:crypto';
import type { ErrorKind } from './errors.js';

/** Why a request's credentials were refused, or null when they pass. Never echoes the credentials. */
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
  // Base64 as RFC 7617 sends it: padded to a multiple of 4 (Buffer.from would read a truncated one).
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  const encoded = match?.[1] ?? '';
  const decoded = encoded.length % 4 === 0 ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon === decoded.length - 1) {
    return {
      kind: 'malformedCredentials',
      message: 'Malformed Authorization header: expected "Basic base64(client_id:client_secret)".',
    };
  }
  if (expected) {
    const given = Buffer.from(decoded);
    const wanted = Buffer.from(`${expected.id}:${expected.secret}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return {
        kind: 'invalidCredentials',
        message: 'Authentication failed: invalid client id or client secret.',
      };
    }
  }
  return null;
}

/** Parses `--credentials ID:SECRET`. */
export function parseCredentials(value: string): { id: string; secret: string } {
  const colon = value.indexOf(':');
  if (colon < 1 || colon === value.length - 1) {
    throw new Error('credentials must be "CLIENT_ID:CLIENT_SECRET", both non-empty');
  }
  return { id: value.slice(0, colon), secret: value.slice(colon + 1) };
}
