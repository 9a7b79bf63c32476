/**
 * Starts the static server of the built reference (`dist/`); resolves to its URL (the host, without
 * `base`) and a close function. `base` (default `/`, e.g. `/docs/profiles/`) serves the same `dist/`
 * under that sub-path, and answers 404 outside it. A request whose Accept-Encoding allows it gets the
 * precompressed `.br` or `.gz` file, with Content-Encoding and `Vary: Accept-Encoding`.
 */
export function serveDocs(options?: {
  port?: number;
  host?: string;
  base?: string;
}): Promise<{ url: string; close(): Promise<void> }>;

/** `/docs/profiles` or `docs/profiles/` as `/docs/profiles/`; `/` by default. */
export function normalizeBase(base?: string): string;

/** Whether an Accept-Encoding header allows `coding` (named, or `*`, with a q above 0). */
export function accepts(header: string | undefined, coding: string): boolean;
