import { type ErrorKind, errorResponse } from '@insightiq/profiles-sandbox';

/**
 * The raw answer to a request Node's parser refused before any handler saw it (a request line or
 * headers over its 16 KB, conflicting Content-Length and Transfer-Encoding, ...): the same JSON
 * error body and `request-id` as every other error, then the connection closes.
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
