/** Starts the static server of the built reference (`dist/`); resolves to its URL and a close function. */
export function serveDocs(options?: {
  port?: number;
  host?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
