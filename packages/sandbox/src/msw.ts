import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Sandbox } from './sandbox.js';

/**
 * MSW request handlers backed by a sandbox, for `setupServer(...)` (Node) or `setupWorker(...)`
 * (browsers): requests to `GET /v1/profiles` and `GET /v1/profiles/{id}` on `baseUrl` (default: any
 * origin) get the sandbox's answers; `x-mock-fault: drop` becomes a network error.
 *
 * ```ts
 * const server = setupServer(...createHandlers(createSandbox()));
 * ```
 */
export function createHandlers(
  sandbox: Sandbox,
  { baseUrl = '*' }: { baseUrl?: string } = {},
): RequestHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const answer = async ({ request }: { request: Request }) => {
    try {
      return await sandbox.fetch(request);
    } catch (error) {
      if (error instanceof TypeError) return HttpResponse.error();
      throw error;
    }
  };
  return [http.all(`${base}/v1/profiles`, answer), http.all(`${base}/v1/profiles/*`, answer)];
}
