import { STATUS_CODES } from 'node:http';
import { type Answer, type ErrorKind, errorAnswer } from '@insightiq/profiles-sandbox/internal';

/** The kind and message of a request Node's parser refused, read from its error. */
function parserError(error: { code?: string | undefined; rawPacket?: Buffer | undefined }): {
  kind: ErrorKind;
  message: string;
} {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const raw = error.rawPacket?.toString('latin1') ?? '';
    const lineEnd = raw.indexOf('\r\n');
    // No end of the request line within the first 8 KB: the target is what is too long.
    return lineEnd === -1 || lineEnd > 8192
      ? { kind: 'uriTooLong', message: 'The request target is too long (the limit is 16 KB).' }
      : {
          kind: 'headersTooLarge',
          message: 'The request headers are too large (the limit is 16 KB in all).',
        };
  }
  const message = `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`;
  return { kind: 'malformedRequest', message };
}

/** An answer as the raw bytes of an HTTP/1.1 response, with its `content-length`. */
export function rawResponse({ status, headers, body }: Answer): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The raw answer to a request Node's parser refused before any handler saw it (a request line or
 * headers over its 16 KB, conflicting Content-Length and Transfer-Encoding, ...): the API's error
 * answer (`errorAnswer`, as every other error), then the connection closes.
 */
export function clientErrorAnswer(
  error: { code?: string | undefined; rawPacket?: Buffer | undefined },
  requestId?: string,
): string {
  const { kind, message } = parserError(error);
  return rawResponse(
    errorAnswer(kind, message, { headers: { connection: 'close' }, ...(requestId && { requestId }) }),
  );
}
