// Makes dist/ ready for any static host: a precompressed `.br` (brotli, quality 11) and `.gz` (gzip,
// level 9) beside each text file, for hosts that serve them as they are (nginx `gzip_static`/`brotli_static`, most CDNs) and for
// scripts/serve.mjs. build.mjs runs it last, so it also covers what the other build steps add.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The extensions of the built files that get precompressed siblings. */
export const COMPRESSIBLE = ['.html', '.json', '.yaml', '.txt', '.md', '.js', '.css', '.xml'];

/** Every file under `dir`, recursively, as paths relative to it. */
export function builtFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length)
        .replace(/^[\\/]/, ''),
    );
}

/** Writes `file.br` and `file.gz` beside each compressible file under `dist`; returns their sizes. */
export function precompress(dist) {
  const sizes = {};
  for (const file of builtFiles(dist).filter((name) => COMPRESSIBLE.includes(extname(name)))) {
    const raw = readFileSync(join(dist, file));
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(join(dist, `${file}.br`), br);
    writeFileSync(join(dist, `${file}.gz`), gz);
    sizes[file] = { raw: raw.length, gzip: gz.length, brotli: br.length };
  }
  return sizes;
}

/** Precompresses `dist`, as build.mjs runs it last, with a line on what was written. */
export function publishable(dist) {
  const sizes = precompress(dist);
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const index = sizes['index.html'];
  console.log(
    `precompressed ${Object.keys(sizes).length} files (.br, .gz)` +
      (index ? `; index.html ${kib(index.raw)}, gzip ${kib(index.gzip)}, brotli ${kib(index.brotli)}` : ''),
  );
}
