// The Try it page: one self-contained HTML file (src/try-it.html, .css, .js) with the servers,
// operations and parameters of the page's contract embedded, each parameter with its rule in the
// words the spec package computes (the words of the mock's 400 errors).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { followRefs, parameterRules } from '@insightiq/profiles-spec/validate';

/** What Try it knows of the API. */
export function tryItModel(page) {
  const rules = parameterRules(page);
  const operations = Object.entries(page.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      summary: op.summary,
      parameters: (op.parameters ?? []).map((ref, i) => {
        const { name, in: where, required, description, schema, example } = followRefs(page, ref, '').value;
        return {
          name,
          in: where,
          required: Boolean(required),
          description,
          schema,
          example,
          rule: rules[op.operationId][i].rule,
        };
      }),
    })),
  );
  return { servers: page.servers, operations };
}

/** The page's HTML. */
export function renderTryIt(page, { appDir }) {
  const src = (name) => readFileSync(join(appDir, 'src', name), 'utf8');
  return src('try-it.html')
    .replace('/*CSS*/', () => src('try-it.css'))
    .replace('/*SPEC*/', () => JSON.stringify(tryItModel(page)).replace(/</g, '\\u003c'))
    .replace('/*JS*/', () => src('try-it.js'));
}
