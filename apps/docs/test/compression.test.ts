// The docs server compresses (the build's precompressed siblings, by Accept-Encoding), and the build
// writes a `.br` and a `.gz` beside every compressible file, for static hosts.
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';

const distDir = new URL('../dist/', import.meta.url);
const built = (name: string) => readFileSync(new URL(name, distDir));
/** The files the build precompresses (issue #21): those of a static site's text. */
const COMPRESSIBLE = ['.html', '.json', '.yaml', '.txt', '.md', '.js', '.css', '.xml'];
/** Every built file, as a path relative to dist/. */
const builtFiles = (dir = fileURLToPath(distDir)): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with node:http, which (unlike fetch) hands back the bytes as sent, still encoded. */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${url} within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  let docs: { url: string; close(): Promise<void> };
  const index = built('index.html');

  beforeAll(async () => {
    docs = await serveDocs({ port: 0 });
    const size = (name: string) => `${(built(name).length / 1024).toFixed(0)} KiB`;
    // Figures, not asserts.
    console.log(
      `index.html: ${size('index.html')} raw, ${size('index.html.gz')} gzip, ${size('index.html.br')} brotli; ` +
        `redoc.html: ${size('redoc.html')} raw, ${size('redoc.html.br')} brotli`,
    );
  });
  afterAll(async () => {
    await docs?.close();
  });

  it('serves index.html brotli-encoded to a client that accepts br', async () => {
    const answer = await get(`${docs.url}/index.html`, { 'accept-encoding': 'br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body.length).toBeLessThan(index.length / 3);
    expect(brotliDecompressSync(answer.body).equals(index), 'decodes to the built index.html').toBe(true);
  });

  it('serves brotli first when both are accepted, gzip when only gzip is', async () => {
    const both = await get(`${docs.url}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(both.headers['content-encoding']).toBe('br');
    const answer = await get(`${docs.url}/index.html`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(answer.body).equals(index), 'decodes to the built index.html').toBe(true);
  });

  it('serves the file as it is otherwise', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }]) {
      const answer = await get(`${docs.url}/index.html`, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.body.equals(index), `the built index.html, for ${JSON.stringify(headers)}`).toBe(true);
    }
  });

  it('writes a .br and a .gz beside every compressible built file, each decoding to it', () => {
    const files = builtFiles();
    const compressible = files.filter((name) => COMPRESSIBLE.includes(extname(name)));
    expect(compressible).toEqual(
      expect.arrayContaining(['index.html', 'redoc.html', 'try-it.html', 'openapi.json']),
    );
    for (const name of compressible) {
      const raw = built(name);
      expect(brotliDecompressSync(built(`${name}.br`)).equals(raw), `${name}.br decodes to ${name}`).toBe(
        true,
      );
      expect(gunzipSync(built(`${name}.gz`)).equals(raw), `${name}.gz decodes to ${name}`).toBe(true);
    }
    // Only those: no sibling of a sibling, none for a file that is not compressible.
    const siblings = files.filter((name) => /\.(br|gz)$/.test(name));
    expect(siblings.sort()).toEqual(compressible.flatMap((name) => [`${name}.br`, `${name}.gz`]).sort());
  });
});
