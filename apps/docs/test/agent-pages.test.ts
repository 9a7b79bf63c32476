import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dist = (name: string) => new URL(`../dist/${name}`, import.meta.url);
const read = (name: string) => readFileSync(dist(name), 'utf8');

interface Operation {
  operationId: string;
  summary?: string;
  parameters?: unknown[];
  responses: Record<string, unknown>;
  'x-codeSamples'?: { lang: string; source: string }[];
}
interface Contract {
  info: { title: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    [key: string]: unknown;
  };
}
interface AgentPages {
  agentPages(doc: unknown): { path: string; text: string }[];
}

const contract = (): Contract =>
  JSON.parse(readFileSync(require.resolve('@insightiq/profiles-spec/openapi.json'), 'utf8'));
const spec = contract();
// The generator is plain JavaScript without declarations: loaded by URL, typed here.
const generator = (): Promise<AgentPages> =>
  import(new URL('../scripts/agent-pages.mjs', import.meta.url).href) as Promise<AgentPages>;

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);
const profileFields = Object.keys(spec.components.schemas.Profile?.properties ?? {});
/** The line of a Markdown list that documents `name`. */
const lineOf = (text: string, name: string) =>
  text.split('\n').find((line) => line.trimStart().startsWith(`- \`${name}\``));

describe('the pages for agents', () => {
  const full = read('llms-full.txt');
  const pages = operations.map(({ op }) => ({ op, text: read(`operations/${op.operationId}.md`) }));

  it('are the generator’s output for the contract, not hand-written', async () => {
    const { agentPages } = await generator();
    const generated = agentPages(spec);
    expect(generated.map((p) => p.path).sort()).toEqual(
      ['llms.txt', 'llms-full.txt', ...operations.map(({ op }) => `operations/${op.operationId}.md`)].sort(),
    );
    for (const { path, text } of generated) expect(read(path), path).toBe(text);
  });

  it('hold every operation, in llms-full.txt and on its own page, the same text in both', () => {
    expect(operations.length).toBeGreaterThanOrEqual(2);
    for (const { method, path, op } of operations) {
      const page = read(`operations/${op.operationId}.md`);
      for (const text of [full, page]) {
        expect(text).toContain(`${method} ${path}`);
        expect(text).toContain(`\`${op.operationId}\``);
        if (op.summary) expect(text).toContain(op.summary);
      }
      expect(full.includes(page), `${op.operationId}.md is its section of llms-full.txt`).toBe(true);
    }
  });

  it('hold every parameter with its rule in the kit’s words', () => {
    const rules = parameterRules(spec);
    for (const { op, text } of pages) {
      const opRules = rules[op.operationId] ?? [];
      expect(opRules.length).toBe(op.parameters?.length ?? 0);
      for (const rule of opRules) {
        for (const [where, doc] of [
          ['page', text],
          ['llms-full.txt', full.slice(full.indexOf(text))],
        ] as const) {
          const line = lineOf(doc, rule.name);
          expect(line, `${op.operationId} ${rule.name} in ${where}`).toBeDefined();
          expect(line).toContain(rule.rule);
          expect(line).toContain(rule.in);
        }
      }
    }
    expect(lineOf(full, 'limit')).toContain('must be an integer between 1 and 100');
  });

  it('hold every response status of each operation, with its description', () => {
    for (const { op, text } of pages) {
      const statuses = Object.keys(op.responses);
      expect(statuses.length).toBeGreaterThan(1);
      for (const status of statuses) {
        expect(text, `${op.operationId} ${status}`).toMatch(new RegExp(`^#### ${status}\\n\\n\\S`, 'm'));
        expect(full).toContain(text);
      }
    }
  });

  it('hold every field of the contract’s Profile schema, in llms-full.txt and on each operation page', () => {
    expect(profileFields.length).toBe(37);
    const required = new Set(spec.components.schemas.Profile?.required ?? []);
    const schemaSection = full.slice(
      full.indexOf('\n### Profile\n'),
      full.indexOf('\n### ', full.indexOf('\n### Profile\n') + 1),
    );
    for (const field of profileFields) {
      const line = lineOf(schemaSection, field);
      expect(line, `Profile.${field} in the schemas of llms-full.txt`).toBeDefined();
      expect(line).toContain(required.has(field) ? 'required' : 'optional');
      for (const { op, text } of pages)
        expect(text, `${op.operationId}: ${field}`).toContain(`- \`${field}\``);
    }
    expect(lineOf(schemaSection, 'platform_username')).toMatch(/\(string, required, nullable\)/);
  });

  it('hold every code sample in a fenced block', () => {
    for (const { op, text } of pages) {
      const samples = op['x-codeSamples'] ?? [];
      expect(samples.length).toBeGreaterThan(0);
      for (const { source } of samples) expect(text).toContain(`\n${source.trimEnd()}\n\`\`\``);
    }
  });

  it('start llms-full.txt with the description, authentication and servers', () => {
    expect(full.startsWith(`# ${spec.info.title}\n`)).toBe(true);
    // The description sits under `## Overview`, its own headings one level down.
    expect(full).toContain(`## Overview\n\n${spec.info.description.trim().replace(/^## /gm, '### ')}`);
    expect(full.match(/^## Authentication$/gm)).toHaveLength(1);
    expect(full).toMatch(/## Authentication\n\n- `basic` \(HTTP basic\): .*client id.*client secret/);
    expect(full).toContain('`https://api.insightiq.ai`: Production');
  });

  it('give llms.txt the convention’s shape, with relative links that all resolve', () => {
    const lines = read('llms.txt').split('\n');
    expect(lines[0]).toBe(`# ${spec.info.title}`);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^> \S.*\S$/);
    expect(lines[2]).not.toMatch(/\]\(|\*\*|`/);
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
    const links = lines.flatMap((l) => /^- \[[^\]]+\]\(([^)]+)\)(: \S.*)?$/.exec(l)?.slice(1, 2) ?? []);
    expect(links.sort()).toEqual(
      [
        'llms-full.txt',
        'openapi.json',
        'openapi.yaml',
        ...operations.map(({ op }) => `operations/${op.operationId}.md`),
      ].sort(),
    );
    for (const href of links) {
      expect(href, 'relative').not.toMatch(/^(\/|[a-z]+:)/i);
      expect(existsSync(dist(href)), href).toBe(true);
    }
    for (const l of lines.filter((l) => l.startsWith('- '))) expect(l).toMatch(/\): \S/);
  });

  it('follow the contract: a change to a copy shows up in the generated text', async () => {
    const { agentPages } = await generator();
    const copy = contract();
    const list = copy.paths['/v1/profiles']?.get as Operation;
    list.parameters = [
      ...(list.parameters ?? []),
      {
        name: 'min_followers',
        in: 'query',
        description: 'Fewer followers are left out.',
        schema: { type: 'integer', minimum: 5, maximum: 50 },
      },
    ];
    list.responses['418'] = { description: 'The API is a teapot today.' };
    const profile = copy.components.schemas.Profile as { properties: Record<string, unknown> };
    profile.properties.favourite_colour = { type: ['string', 'null'], description: 'Their colour.' };
    const out = Object.fromEntries(agentPages(copy).map((p) => [p.path, p.text]));
    for (const name of ['llms-full.txt', 'operations/listProfiles.md']) {
      expect(lineOf(out[name] ?? '', 'min_followers')).toContain('must be an integer between 5 and 50');
      expect(out[name]).toMatch(/^#### 418\n\nThe API is a teapot today\.$/m);
      expect(lineOf(out[name] ?? '', 'favourite_colour')).toContain(
        '(string, optional, nullable): Their colour.',
      );
    }
    expect(out['operations/getProfile.md']).not.toContain('min_followers');
    expect(full).not.toContain('min_followers');
  });
});
