/** The package version, set at build time (tsup and vitest `define` it from package.json). */
declare const __VERSION__: string;

interface Runtimes {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string } };
}

/**
 * The header that names this client on every request: `user-agent: insightiq-profiles-client/1.2.3
 * node/20.20.2` (or `deno/…`, `bun/…`; Deno and Bun also report a Node version, so they are asked
 * first). A browser does not let a page set `user-agent`, so there it is `x-insightiq-client`.
 */
export function clientHeader(): Record<string, string> {
  const g = globalThis as Runtimes;
  const name = `insightiq-profiles-client/${__VERSION__}`;
  const runtime = g.Deno?.version?.deno
    ? `deno/${g.Deno.version.deno}`
    : g.Bun?.version
      ? `bun/${g.Bun.version}`
      : g.process?.versions?.node && `node/${g.process.versions.node}`;
  return runtime ? { 'user-agent': `${name} ${runtime}` } : { 'x-insightiq-client': name };
}
