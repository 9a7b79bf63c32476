// The Try it page: one self-contained HTML file (src/try-it.html and .css, and src/try-it.js bundled
// by esbuild with the kit's one parameter checker from @insightiq/profiles-spec/parameters), with the
// servers, operations and parameter rules of the page's contract embedded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { followRefs } from '@insightiq/profiles-spec/validate';
import { buildSync } from 'esbuild';
import { inlineScript } from './static-markdown.mjs';

/** What Try it knows of the API: servers, and each operation with its parameters and their rules. */
export function tryItModel(page) {
  const rules = parameterRules(page);
  const operations = Object.entries(page.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      summary: op.summary,
      parameters: (op.parameters ?? []).map((ref, i) => {
        const { name, description, example } = followRefs(page, ref, '').value;
        return { name, description, example, rule: rules[op.operationId][i] };
      }),
    })),
  );
  return { servers: page.servers, operations };
}

/** The page's script: src/try-it.js with the checker bundled in, for a classic inline <script>. */
export function tryItScript(appDir) {
  const { outputFiles } = buildSync({
    entryPoints: [join(appDir, 'src/try-it.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return inlineScript(outputFiles[0].text);
}

/** The page's HTML; `header`, an HTML fragment, goes at the start of its top bar. */
export function renderTryIt(page, { appDir, header = '' }) {
  const src = (name) => readFileSync(join(appDir, 'src', name), 'utf8');
  return src('try-it.html')
    .replace('<header>', () => `<header>${header}`)
    .replace('/*CSS*/', () => src('try-it.css'))
    .replace('/*SPEC*/', () => JSON.stringify(tryItModel(page)).replace(/</g, '\\u003c'))
    .replace('/*JS*/', () => tryItScript(appDir));
}
