#!/usr/bin/env node
// Where the client's bytes are: `import { createProfilesClient }` bundled and minified as
// size-limit does (esbuild), then brotli; openapi-fetch alone; the same bundle with the text of
// every string literal emptied (what no shortening of messages can go below); and each source
// module's minified bytes in that bundle. Prints figures; asserts nothing (size-limit holds the budget in the tests).
// Usage: pnpm --filter @insightiq/profiles-client bench:size
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `contents` (resolved from the package), minified; returns the bytes and their inputs. */
async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    metafile: true,
    define: { __VERSION__: JSON.stringify(version) },
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  return { code, min: code.length, brotli: brotliCompressSync(code).length, inputs: output.inputs };
}

/** `code` with the text of every string and template literal removed (its quotes and `${}` kept). */
function withoutText(code) {
  const file = ts.createSourceFile('bundle.js', Buffer.from(code).toString(), ts.ScriptTarget.ES2022, true);
  const spans = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node))
      spans.push([node.getStart(file) + 1, node.end - 1]);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node))
      spans.push([node.getStart(file) + 1, node.end - 2]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = file.text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + text.slice(end);
  return Buffer.from(text);
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const whole = await bundle("export { createProfilesClient } from './src/index.ts';");
const openapiFetch = await bundle("export { default } from 'openapi-fetch';");

console.log('`import { createProfilesClient }`, bundled and minified by esbuild, then brotli');
console.log(
  `  client + openapi-fetch ${kB(whole.min).padStart(9)} min ${kB(whole.brotli).padStart(8)} brotli`,
);
console.log(
  `  openapi-fetch alone    ${kB(openapiFetch.min).padStart(9)} min ${kB(openapiFetch.brotli).padStart(8)} brotli`,
);
console.log(
  `  the client's own code  ${kB(whole.min - openapiFetch.min).padStart(9)} min ${kB(whole.brotli - openapiFetch.brotli).padStart(8)} brotli (the difference)`,
);
const bare = withoutText(whole.code);
console.log(
  `  with no string text    ${kB(bare.length).padStart(9)} min ${kB(brotliCompressSync(bare).length).padStart(8)} brotli (every string literal of both emptied: messages, names, header names)`,
);
console.log('\nminified bytes of each module in the bundle');
const modules = Object.entries(whole.inputs)
  .map(([path, { bytesInOutput }]) => [
    path.includes('node_modules/') ? path.replace(/.*node_modules\//, '') : relative(root, path),
    bytesInOutput,
  ])
  .filter(([, bytes]) => bytes > 0)
  .sort((a, b) => b[1] - a[1]);
for (const [path, bytes] of modules) console.log(`  ${String(bytes).padStart(6)}  ${path}`);
