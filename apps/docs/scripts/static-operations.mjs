// The operations of the static reference page (static-page.mjs), rendered as HTML from their model
// (operation-model.mjs): for each, its method, path, summary and description, its parameters with
// their rules, every response with its headers and its body's fields (nested ones included), and
// every code sample (`x-codeSamples`) with a Copy button.
import { presence } from './operation-model.mjs';
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

/** The parameters of an operation, each with its rule. */
function parametersHtml({ id, parameters }, md) {
  if (!parameters.length) return '<h4>Parameters</h4>\n<p>None.</p>\n';
  const rows = parameters.map((p) => [
    code(p.name),
    escapeHtml(p.in),
    escapeHtml(p.type),
    presence(p.required),
    [escapeHtml(p.rule), ...(p.default === undefined ? [] : [`default ${code(p.default)}`])].join('; '),
    md.inline(p.description),
  ]);
  const headers = ['Name', 'In', 'Type', 'Required', 'Rule', 'Description'];
  return `<h4>Parameters</h4>\n${table('parameters', `Parameters of ${id}`, headers, rows)}`;
}

/** The fields of a response body, as a table; each nested one by its path. */
function fieldsTable(label, fields, md) {
  const rows = fields.map((f) => [
    code(f.path),
    escapeHtml(f.type) + (f.nullable ? ', nullable' : ''),
    presence(f.required),
    [md.inline(f.description), ...f.bounds.map(escapeHtml)].filter(Boolean).join(' '),
  ]);
  return rows.length ? table('fields', label, ['Field', 'Type', 'Required', 'Description'], rows) : '';
}

/** One response: its status, description, headers, and its body's fields. */
function responseHtml(id, { status, description, headers, bodies }, md) {
  const parts = [
    `<h5 id="op-${escapeHtml(id)}-${escapeHtml(status)}">` +
      `<span class="status">${escapeHtml(status)}</span> ${md.inline(description)}</h5>`,
  ];
  if (headers.length) {
    const items = headers.map((h) => `<li>${code(h.name)}: ${md.inline(h.description)}</li>`);
    parts.push(`<p>Headers:</p>\n<ul>${items.join('')}</ul>`);
  }
  for (const body of bodies) {
    parts.push(`<p>Body (${code(body.mediaType)}): ${escapeHtml(body.type)}</p>`);
    parts.push(fieldsTable(`Fields of the ${status} response of ${id}`, body.fields, md));
  }
  return `<div class="response">\n${parts.join('\n')}</div>\n`;
}

/** The code samples of an operation, each with a Copy button (which needs JavaScript). */
function samplesHtml({ id: opId, samples }) {
  if (!samples.length) return '';
  const items = samples.map((sample, i) => {
    const id = `sample-${escapeHtml(opId)}-${i}`;
    return (
      `<div class="sample"><div class="snippet-head"><h5 id="${id}-title">${escapeHtml(sample.title)}</h5>` +
      `<button type="button" class="copy needs-js" data-copy="${id}" aria-describedby="${id}-title">Copy</button></div>` +
      `<pre id="${id}" tabindex="0"><code>${escapeHtml(sample.source)}</code></pre></div>`
    );
  });
  return `<h4>Code samples</h4>\n${items.join('\n')}\n`;
}

/** One operation (an operationModel) of the page, as a section whose id is `op-<operationId>`. */
export function operationHtml(model, md) {
  const id = `op-${escapeHtml(model.id)}`;
  return [
    `<section class="operation" id="${id}" aria-labelledby="${id}-title">`,
    `<h3 id="${id}-title">${escapeHtml(model.summary)}</h3>`,
    `<p class="endpoint"><span class="method">${escapeHtml(model.method)}</span> ${code(model.path)}</p>`,
    md.render(model.description, { top: 4 }),
    parametersHtml(model, md),
    '<h4>Responses</h4>',
    ...model.responses.map((response) => responseHtml(model.id, response, md)),
    samplesHtml(model),
    '</section>',
  ].join('\n');
}
