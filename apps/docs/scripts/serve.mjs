#!/usr/bin/env node
// Serves the built reference (dist/) on 127.0.0.1:8080 (PORT, HOST). `pnpm start` runs it next to the mock.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
};

/** Starts the static server; resolves to its URL and a close function. */
export function serveDocs({ port = 8080, host = '127.0.0.1' } = {}) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`no built docs in ${dist}: run pnpm build first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://docs').pathname);
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end(`Not found: ${path}`);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
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
    const { url, close } = await serveDocs({ port, host: process.env.HOST ?? '127.0.0.1' });
    console.log(`InsightIQ Profiles API reference on ${url}/ (Try it: ${url}/try-it.html)`);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
  } catch (error) {
    console.error(`docs: ${error.message}`);
    process.exit(2);
  }
}
