// The operations of the static reference page (static-page.mjs), generated from the page's contract:
// for each, its method, path, summary and description, its parameters with their rules (in the words
// of @insightiq/profiles-spec/parameters), every response with its headers and its body's fields
// (nested ones included), and every code sample (`x-codeSamples`) with a Copy button.
import { constraints, fieldsHolder, isNullable, refName, resolve, typeText } from './agent-pages.mjs';
import { escapeHtml } from './static-markdown.mjs';

/** A table (class `kind`) with a header row; `rows` hold HTML already, one array of cells per row. */
function table(kind, label, headers, rows) {
  const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
  const cell = (c, i) => `<td data-label="${headers[i]}">${c}</td>`;
  const body = rows.map((cells) => `<tr>${cells.map(cell).join('')}</tr>`).join('\n');
  return (
    `<table class="${kind}"><caption class="visually-hidden">${escapeHtml(label)}</caption>` +
    `<thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table>\n`
  );
}

const code = (text) => `<code>${escapeHtml(text)}</code>`;

/**
 * Every field of an object schema, nested ones after their parent as `parent.child` (`list[].child`
 * for an array's items), each named schema expanded once per path.
 */
export function fieldRows(doc, value, { prefix = '', seen = new Set() } = {}) {
  const schema = resolve(doc, value) ?? {};
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const target = resolve(doc, prop) ?? {};
    const row = {
      name: `${prefix}${name}`,
      type: typeText(doc, prop),
      required: required.has(name),
      nullable: isNullable(doc, prop),
      facts: constraints(target, { pattern: !refName(prop) }),
      description: prop.description ?? target.description,
    };
    const holder = fieldsHolder(doc, prop);
    const named = holder && refName(holder.value);
    if (!holder || (named && seen.has(named))) return [row];
    const inner = { prefix: `${row.name}${row.type.startsWith('array') ? '[]' : ''}.`, seen: new Set(seen) };
    if (named) inner.seen.add(named);
    return [row, ...fieldRows(doc, holder.value, inner)];
  });
}

/** The parameters of an operation, each with its rule from parameterRules. */
function parametersHtml(doc, op, rules, md) {
  if (!op.parameters?.length) return '<h4>Parameters</h4>\n<p>None.</p>\n';
  const rows = op.parameters.map((ref, i) => {
    const p = resolve(doc, ref);
    const { rule } = rules[i];
    const facts = [escapeHtml(rule)];
    if (p.schema?.default !== undefined) facts.push(`default ${code(JSON.stringify(p.schema.default))}`);
    return [
      code(p.name),
      escapeHtml(p.in),
      escapeHtml(typeText(doc, p.schema ?? {})),
      p.required ? 'required' : 'optional',
      facts.join('; '),
      md.inline(p.description),
    ];
  });
  const headers = ['Name', 'In', 'Type', 'Required', 'Rule', 'Description'];
  return `<h4>Parameters</h4>\n${table('parameters', `Parameters of ${op.operationId}`, headers, rows)}`;
}

/** The fields of a response body, as a table. */
function fieldsTable(doc, label, schema, md) {
  const rows = fieldRows(doc, schema, { seen: new Set([refName(schema)]) }).map((f) => [
    code(f.name),
    escapeHtml(f.type) + (f.nullable ? ', nullable' : ''),
    f.required ? 'required' : 'optional',
    [md.inline(f.description), ...f.facts.map(escapeHtml)].filter(Boolean).join(' '),
  ]);
  return rows.length ? table('fields', label, ['Field', 'Type', 'Required', 'Description'], rows) : '';
}

/** One response: its status, description, headers, and its body's fields. */
function responseHtml(doc, op, status, value, md) {
  const response = resolve(doc, value) ?? {};
  const parts = [
    `<h5 id="op-${escapeHtml(op.operationId)}-${escapeHtml(status)}">` +
      `<span class="status">${escapeHtml(status)}</span> ${md.inline(response.description)}</h5>`,
  ];
  const headers = Object.entries(response.headers ?? {});
  if (headers.length) {
    const items = headers.map(
      ([name, h]) => `<li>${code(name)}: ${md.inline(resolve(doc, h)?.description)}</li>`,
    );
    parts.push(`<p>Headers:</p>\n<ul>${items.join('')}</ul>`);
  }
  for (const [mediaType, media] of Object.entries(response.content ?? {})) {
    if (!media.schema) continue;
    parts.push(`<p>Body (${code(mediaType)}): ${escapeHtml(typeText(doc, media.schema))}</p>`);
    parts.push(fieldsTable(doc, `Fields of the ${status} response of ${op.operationId}`, media.schema, md));
  }
  return `<div class="response">\n${parts.join('\n')}</div>\n`;
}

/** The code samples of an operation, each with a Copy button (which needs JavaScript). */
function samplesHtml(op) {
  const samples = op['x-codeSamples'] ?? [];
  if (!samples.length) return '';
  const items = samples.map((sample, i) => {
    const id = `sample-${escapeHtml(op.operationId)}-${i}`;
    const title = escapeHtml(sample.label ? `${sample.lang}: ${sample.label}` : sample.lang);
    return (
      `<div class="sample"><div class="snippet-head"><h5 id="${id}-title">${title}</h5>` +
      `<button type="button" class="copy needs-js" data-copy="${id}" aria-describedby="${id}-title">Copy</button></div>` +
      `<pre id="${id}" tabindex="0"><code>${escapeHtml(sample.source)}</code></pre></div>`
    );
  });
  return `<h4>Code samples</h4>\n${items.join('\n')}\n`;
}

/** One operation of the page, as a section whose id is `op-<operationId>`. */
export function operationHtml(doc, { method, path, op }, rules, md) {
  const id = `op-${escapeHtml(op.operationId)}`;
  const responses = Object.entries(op.responses ?? {});
  return [
    `<section class="operation" id="${id}" aria-labelledby="${id}-title">`,
    `<h3 id="${id}-title">${escapeHtml(op.summary ?? op.operationId)}</h3>`,
    `<p class="endpoint"><span class="method">${escapeHtml(method)}</span> ${code(path)}</p>`,
    md.render(op.description, { top: 4 }),
    parametersHtml(doc, op, rules[op.operationId] ?? [], md),
    '<h4>Responses</h4>',
    ...responses.map(([status, value]) => responseHtml(doc, op, status, value, md)),
    samplesHtml(op),
    '</section>',
  ].join('\n');
}
