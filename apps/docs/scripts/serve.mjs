#!/usr/bin/env node
// Serves the built reference (dist/) on 127.0.0.1:8080 (PORT, HOST), at `/` or under a sub-path (`base`,
// BASE_PATH), as a static host would. It compresses: a request whose Accept-Encoding allows it gets the
// build's precompressed `file.br` (brotli) or `file.gz` (gzip). `pnpm start` runs it next to the mock.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};
/** The precompressed siblings the build writes, best first: Content-Encoding and file suffix. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** `/docs/profiles` or `docs/profiles/` as `/docs/profiles/`; `/` by default. */
export function normalizeBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Whether an Accept-Encoding header allows `coding` (named, or `*`, with a q above 0). */
export function accepts(header, coding) {
  const q = new Map(
    String(header ?? '')
      .split(',')
      .map((part) => {
        const [name, ...params] = part.trim().toLowerCase().split(';');
        const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return [name.trim(), qParam ? Number(qParam.slice(2)) : 1];
      }),
  );
  const weight = q.has(coding) ? q.get(coding) : q.get('*');
  return weight !== undefined && weight > 0;
}

/** The file to send for a request: the best precompressed sibling Accept-Encoding allows, else the file. */
function variant(file, acceptEncoding) {
  for (const [coding, suffix] of ENCODINGS) {
    if (accepts(acceptEncoding, coding) && existsSync(file + suffix)) return { path: file + suffix, coding };
  }
  return { path: file, coding: undefined };
}

const notFound = (res, what) => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Not found: ${what}`);
};

/** The request handler serving `dist/` under `base`. */
function handler(base) {
  return (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://docs');
    if (`${pathname}/` === base) {
      res.writeHead(301, { location: base });
      return res.end();
    }
    if (!pathname.startsWith(base)) return notFound(res, `${pathname} (the docs are under ${base})`);
    let path;
    try {
      path = decodeURIComponent(pathname.slice(base.length - 1));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(`Bad path: ${pathname}`);
    }
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile())
      return notFound(res, pathname);
    const type = TYPES[extname(file)];
    const { path: sent, coding } = type ? variant(file, req.headers['accept-encoding']) : { path: file };
    res.writeHead(200, {
      'content-type': type ?? 'application/octet-stream',
      'content-length': statSync(sent).size,
      'cache-control': 'no-cache',
      ...(type && ENCODINGS.some(([, suffix]) => existsSync(file + suffix)) && { vary: 'Accept-Encoding' }),
      ...(coding && { 'content-encoding': coding }),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(sent).pipe(res);
  };
}

/** Starts the static server; resolves to its URL (the host, without `base`) and a close function. */
export function serveDocs({ port = 8080, host = '127.0.0.1', base = '/' } = {}) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`no built docs in ${dist}: run pnpm build first`);
  const server = createServer(handler(normalizeBase(base)));
  return new Promise((resolve, reject) => {
    server.once('error', (e) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is in use: stop what uses it or set PORT`)
          : e,
      ),
    );
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      resolve({
        url: `http://${host}:${bound}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(r);
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`docs: PORT must be an integer from 0 to 65535 (got ${JSON.stringify(process.env.PORT)})`);
    process.exit(2);
  }
  try {
    const base = normalizeBase(process.env.BASE_PATH);
    const { url, close } = await serveDocs({ port, host: process.env.HOST ?? '127.0.0.1', base });
    const at = `${url}${base.slice(0, -1)}`;
    console.log(`InsightIQ Profiles API reference on ${at}/ (Try it: ${at}/try-it.html)`);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
  } catch (error) {
    console.error(`docs: ${error.message}`);
    process.exit(2);
  }
}
