// Pages for agents, generated from the contract: llms.txt (the llms.txt convention: the API's name,
// a summary, links), llms-full.txt (the whole reference in Markdown) and one Markdown page per
// operation (operations/<operationId>.md, the same text as its section of llms-full.txt).
// Every link is relative, so the site works under any sub-path. Operations: from operation-model.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { operationModel, operationsOf, presence, schemaModel } from './operation-model.mjs';

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

/** A field (of the model), indented by depth: name, type, required or not, nullable, bounds, description. */
const fieldLine = ({ name, depth, type, required, nullable, bounds, description }) => {
  const facts = [type, presence(required), ...(nullable ? ['nullable'] : []), ...bounds].join(', ');
  const text = oneLine(description);
  return `${'  '.repeat(depth)}- \`${name}\` (${facts})${text ? `: ${text}` : ''}`;
};

/** The parameters of an operation, each with its rule in the kit's words. */
function parameterSection(parameters) {
  const lines = parameters.map((p) => {
    const facts = [p.in, p.type, presence(p.required)];
    if (p.default !== undefined) facts.push(`default ${p.default}`);
    const description = oneLine(p.description);
    return `- \`${p.name}\` (${facts.join(', ')}): ${p.rule}.${description ? ` ${description}` : ''}`;
  });
  return ['### Parameters', '', ...(lines.length ? lines : ['None.'])];
}

/** One response: its status, description, headers, and its body's fields. */
function responseLines({ status, description, headers, bodies }) {
  const lines = [`#### ${status}`, '', oneLine(description)];
  if (headers.length) {
    lines.push('', 'Headers:', '', ...headers.map((h) => `- \`${h.name}\`: ${oneLine(h.description)}`));
  }
  for (const body of bodies) {
    lines.push('', `Body (\`${body.mediaType}\`): ${body.type}`, '', ...body.fields.map(fieldLine));
  }
  return lines;
}

/** The code samples of an operation (`x-codeSamples`), each in a fenced block. */
function sampleLines(samples) {
  const block = (s) => fenced(FENCE_LANG[String(s.lang).toLowerCase()] ?? '', s.source);
  const lines = samples.flatMap((s) => ['', `#### ${s.title}`, '', block(s)]);
  return lines.length ? ['### Code samples', ...lines] : [];
}

/** Lines joined as Markdown: at most one blank line in a row, one newline at the end. */
const joinLines = (lines) => `${lines.join('\n').trimEnd()}\n`.replace(/\n{3,}/g, '\n\n');

/** An operation's section of llms-full.txt (from its operationModel), which is also its own page. */
export function operationMarkdown({ id, method, path, summary, description, ...operation }) {
  return joinLines([
    `## ${method} ${path}: ${summary}`,
    '',
    `Operation id: \`${id}\`. Request: \`${method} ${path}\`.`,
    ...(description ? ['', description.trim()] : []),
    '',
    ...parameterSection(operation.parameters),
    '',
    '### Responses',
    ...operation.responses.flatMap((response) => ['', ...responseLines(response)]),
    '',
    ...sampleLines(operation.samples),
  ]);
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
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => schemaModel(doc, name, s));
  return [
    '## Schemas',
    ...schemas.flatMap(({ name, type, bounds, nullable, description, fields }) => {
      const facts = [type, ...bounds, ...(nullable ? ['nullable'] : [])].join(', ');
      const text = oneLine(description);
      return ['', `### ${name}`, '', `${facts}.${text ? ` ${text}` : ''}`].concat(
        fields.length ? ['', 'Fields:', '', ...fields.map(fieldLine)] : [],
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
  return joinLines([
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
  ]);
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
    text: operationMarkdown(operationModel(doc, operation, rules)),
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
