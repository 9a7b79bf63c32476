// Pages for agents, generated from the contract: llms.txt (the llms.txt convention: the API's name,
// a summary, links), llms-full.txt (the whole reference in Markdown) and one Markdown page per
// operation (operations/<operationId>.md, the same text as its section of llms-full.txt).
// Every link is relative, so the site works under any sub-path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { followRefs } from '@insightiq/profiles-spec/validate';

export const resolve = (doc, value) => followRefs(doc, value, '').value;
/** The schema name a `$ref` points to (`#/components/schemas/Profile` → `Profile`), if any. */
export const refName = (value) =>
  typeof value?.$ref === 'string' ? decodeURIComponent(value.$ref.split('/').pop()) : undefined;
/** One paragraph of Markdown on one line. */
const oneLine = (text = '') => text.trim().replace(/\s*\n\s*/g, ' ');
/** The first paragraph of a Markdown text, as plain text: no links, emphasis or code marks. */
export const plainSummary = (text = '') =>
  oneLine(text.trim().split(/\n\s*\n/)[0])
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '');

/** The first sentence of a description, plain. */
const firstSentence = (text) => /^.*?[.!?](?=\s|$)/.exec(plainSummary(text))?.[0] ?? plainSummary(text);

/** Markdown with its headings one level down (outside code fences), to sit under a `##` heading. */
const demoteHeadings = (text) =>
  text.replace(/(^```[\s\S]*?^```)|^(#{1,5}) /gm, (_all, fence, hashes) => fence ?? `#${hashes} `);

/** A code block fenced by more backticks than its source holds. */
function fenced(lang, source) {
  const longest = Math.max(2, ...(source.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${source.replace(/\n$/, '')}\n${fence}`;
}

const FENCE_LANG = { typescript: 'ts', javascript: 'js', shell: 'sh', curl: 'sh' };

/** Every operation of the document, in its order. */
export function operationsOf(doc) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op && typeof op === 'object' && op.operationId)
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** A schema's type in words: `string (uuid)`, `array of object (Email)`, `string (Timestamp)`. */
export function typeText(doc, value) {
  const schema = resolve(doc, value) ?? {};
  const name = refName(value);
  let base;
  if (schema.anyOf || schema.oneOf) {
    const kinds = (schema.anyOf ?? schema.oneOf).filter((s) => resolve(doc, s)?.type !== 'null');
    base = kinds.map((s) => typeText(doc, s)).join(' or ');
  } else if (schema.type === 'array' || schema.items) {
    base = `array of ${typeText(doc, schema.items ?? {})}`;
  } else {
    const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
    base = types.filter((t) => t !== 'null').join(' or ') || 'null';
    if (schema.format) base += ` (${schema.format})`;
  }
  return name ? `${base} (${name})` : base;
}

/** Whether a schema allows null. */
export function isNullable(doc, value) {
  const schema = resolve(doc, value) ?? {};
  const kinds = schema.anyOf ?? schema.oneOf ?? [];
  return (
    [schema.type].flat().includes('null') ||
    (schema.enum ?? []).includes(null) ||
    kinds.some((s) => isNullable(doc, s))
  );
}

/** The bounds, values and default a schema states, in words. */
export function constraints(schema, { pattern = true } = {}) {
  const words = [];
  if (schema.enum) words.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof schema.minimum === 'number') words.push(`minimum ${schema.minimum}`);
  if (typeof schema.maximum === 'number') words.push(`maximum ${schema.maximum}`);
  if (pattern && schema.pattern) words.push(`pattern \`${schema.pattern}\``);
  if (schema.default !== undefined) words.push(`default ${JSON.stringify(schema.default)}`);
  return words;
}

/** The object schema whose fields a value holds (itself, or its array's items), if any. */
export function fieldsHolder(doc, value) {
  const schema = resolve(doc, value) ?? {};
  if (schema.properties) return { schema, value };
  if (schema.items) return fieldsHolder(doc, schema.items);
  const kinds = (schema.anyOf ?? schema.oneOf ?? []).filter((s) => resolve(doc, s)?.type !== 'null');
  return kinds.length === 1 ? fieldsHolder(doc, kinds[0]) : undefined;
}

/**
 * One line per field of an object schema: name, type, required or not, nullable, bounds and
 * description. Inline objects are always expanded; named ones (`$ref`) only when `deep`.
 */
function fieldLines(doc, value, { deep, indent = '', seen = new Set() }) {
  const schema = resolve(doc, value) ?? {};
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const target = resolve(doc, prop) ?? {};
    const facts = [typeText(doc, prop), required.has(name) ? 'required' : 'optional'];
    if (isNullable(doc, prop)) facts.push('nullable');
    facts.push(...constraints(target, { pattern: !refName(prop) }));
    const description = oneLine(prop.description ?? target.description);
    const line = `${indent}- \`${name}\` (${facts.join(', ')})${description ? `: ${description}` : ''}`;
    const holder = fieldsHolder(doc, prop);
    const named = holder && refName(holder.value);
    if (!holder || (named && (!deep || seen.has(named)))) return [line];
    const inner = new Set(seen).add(named);
    return [line, ...fieldLines(doc, holder.value, { deep, indent: `${indent}  `, seen: inner })];
  });
}

/** The parameters of an operation, each with its rule in the kit's words. */
function parameterSection(doc, op, rules) {
  if (!op.parameters?.length) return ['### Parameters', '', 'None.'];
  const lines = op.parameters.map((ref, i) => {
    const p = resolve(doc, ref);
    // parameterRules states every parameter (it throws on one it cannot), in the operation's order.
    const { rule } = rules[i];
    const facts = [p.in, typeText(doc, p.schema ?? {}), p.required ? 'required' : 'optional'];
    if (p.schema?.default !== undefined) facts.push(`default ${JSON.stringify(p.schema.default)}`);
    const description = oneLine(p.description);
    return `- \`${p.name}\` (${facts.join(', ')}): ${rule}.${description ? ` ${description}` : ''}`;
  });
  return ['### Parameters', '', ...lines];
}

/** One response: its status, description, headers, and its body's fields. */
function responseLines(doc, status, value) {
  const response = resolve(doc, value) ?? {};
  const lines = [`#### ${status}`, '', oneLine(response.description)];
  const headers = Object.entries(response.headers ?? {});
  if (headers.length) {
    lines.push('', 'Headers:', '');
    for (const [name, h] of headers) lines.push(`- \`${name}\`: ${oneLine(resolve(doc, h)?.description)}`);
  }
  for (const [mediaType, media] of Object.entries(response.content ?? {})) {
    if (!media.schema) continue;
    lines.push('', `Body (\`${mediaType}\`): ${typeText(doc, media.schema)}`, '');
    lines.push(...fieldLines(doc, media.schema, { deep: true, seen: new Set([refName(media.schema)]) }));
  }
  return lines;
}

/** The code samples of an operation (`x-codeSamples`), each in a fenced block. */
function sampleLines(op) {
  const samples = op['x-codeSamples'] ?? [];
  if (!samples.length) return [];
  return [
    '### Code samples',
    ...samples.flatMap((s) => [
      '',
      `#### ${s.label ? `${s.lang}: ${s.label}` : s.lang}`,
      '',
      fenced(FENCE_LANG[String(s.lang).toLowerCase()] ?? '', s.source),
    ]),
  ];
}

/** An operation's section of llms-full.txt, which is also its own page. */
export function operationMarkdown(doc, { method, path, op }, rules = parameterRules(doc)) {
  const responses = Object.entries(op.responses ?? {});
  return [
    `## ${method} ${path}: ${op.summary ?? op.operationId}`,
    '',
    `Operation id: \`${op.operationId}\`. Request: \`${method} ${path}\`.`,
    ...(op.description ? ['', op.description.trim()] : []),
    '',
    ...parameterSection(doc, op, rules[op.operationId] ?? []),
    '',
    '### Responses',
    ...responses.flatMap(([status, r]) => ['', ...responseLines(doc, status, r)]),
    '',
    ...sampleLines(op),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

/** Authentication, from the security schemes the document names. */
function authenticationLines(doc) {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const lines = schemes.map(([name, s]) => {
    const kind = s.type === 'http' ? `HTTP ${s.scheme}` : s.type;
    const said = /client id/i.test(s.description ?? '');
    const basic =
      s.scheme === 'basic' && !said ? ' Username: your client id; password: your client secret.' : '';
    return `- \`${name}\` (${kind}): ${oneLine(s.description)}${basic}`;
  });
  return ['## Authentication', '', ...(lines.length ? lines : ['None.'])];
}

/** Every schema of the document with every field. */
function schemaLines(doc) {
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return [
    '## Schemas',
    ...schemas.flatMap(([name, schema]) => {
      const facts = [typeText(doc, schema), ...constraints(schema)];
      if (isNullable(doc, schema)) facts.push('nullable');
      const fields = fieldLines(doc, schema, { deep: false, seen: new Set([name]) });
      const description = oneLine(schema.description);
      return ['', `### ${name}`, '', `${facts.join(', ')}.${description ? ` ${description}` : ''}`].concat(
        fields.length ? ['', 'Fields:', '', ...fields] : [],
      );
    }),
  ];
}

/** The whole reference in Markdown: description, authentication, servers, operations, schemas. */
export function fullMarkdown(doc, operationPages) {
  const { info = {} } = doc;
  const servers = (doc.servers ?? []).map(
    (s) => `- \`${s.url}\`${s.description ? `: ${s.description}` : ''}`,
  );
  return [
    `# ${info.title}`,
    '',
    `> ${plainSummary(info.description ?? info.summary)}`,
    '',
    `Version ${info.version} of the contract (OpenAPI ${doc.openapi}).`,
    '',
    '## Overview',
    '',
    demoteHeadings(info.description?.trim() ?? ''),
    '',
    ...authenticationLines(doc),
    '',
    '## Servers',
    '',
    ...servers,
    '',
    ...operationPages.flatMap((page) => [page.text, '']),
    ...schemaLines(doc),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

/** llms.txt: the API's name, a one-paragraph summary, and relative links to everything else. */
export function llmsTxt(doc, operations) {
  const { info = {} } = doc;
  const links = operations.map(
    ({ method, path, op }) =>
      `- [${op.summary ?? op.operationId}](operations/${op.operationId}.md): \`${method} ${path}\` (\`${op.operationId}\`). ${firstSentence(op.description ?? op.summary)}`,
  );
  return [
    `# ${info.title}`,
    '',
    `> ${plainSummary(info.description ?? info.summary)}`,
    '',
    `Version ${info.version}. Authentication: HTTP Basic, your client id and client secret. Every page below is generated from the OpenAPI contract.`,
    '',
    '## Operations',
    '',
    ...links,
    '',
    '## Reference',
    '',
    '- [Full reference](llms-full.txt): the whole reference in one Markdown file: description, authentication, servers, every operation with its parameters, responses and code samples, every schema with every field',
    '- [OpenAPI contract, JSON](openapi.json): the bundled OpenAPI 3.1 contract the pages are generated from',
    '- [OpenAPI contract, YAML](openapi.yaml): the same contract in YAML',
    '',
  ].join('\n');
}

/** The pages for agents of a contract document, as `{ path, text }` relative to the site's root. */
export function agentPages(doc) {
  const rules = parameterRules(doc);
  const operations = operationsOf(doc);
  const pages = operations.map((operation) => ({
    path: `operations/${operation.op.operationId}.md`,
    text: operationMarkdown(doc, operation, rules),
  }));
  return [
    { path: 'llms.txt', text: llmsTxt(doc, operations) },
    { path: 'llms-full.txt', text: fullMarkdown(doc, pages) },
    ...pages,
  ];
}

/** Writes the pages for agents of `doc` into the folder `dist`; returns their paths. */
export function writeAgentPages(dist, doc) {
  return agentPages(doc).map(({ path, text }) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
    return path;
  });
}
