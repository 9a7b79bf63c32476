import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1] as string);

/**
 * A snippet as a module: its imports on top, its statements in an async function, with the names a
 * reader has from the snippets before it (`createProfilesClient`, `client`, `id`, `profile`).
 */
function asModule(snippet: string): string {
  const lines = snippet.split('\n');
  const imports: string[] = [];
  const body: string[] = [];
  let inImport = false;
  for (const line of lines) {
    if (line.startsWith('import ') || inImport) {
      imports.push(line);
      inImport = !/from '[^']+';$/.test(line);
    } else body.push(line);
  }
  const imported = imports.join('\n').includes('createProfilesClient');
  return [
    "import type { Profile, ProfilesClient } from '@insightiq/profiles-client';",
    ...(imported ? [] : ["import { createProfilesClient } from '@insightiq/profiles-client';"]),
    ...imports,
    'declare const client: ProfilesClient;',
    'declare const id: string;',
    'declare const profile: Profile;',
    'export async function snippet(): Promise<void> {',
    ...body,
    '}',
  ].join('\n');
}

describe('the README', () => {
  it('has TypeScript snippets', () => expect(snippets.length).toBeGreaterThan(10));

  // One program for all snippets (each its own module), checked as a consumer's strict project would.
  it('every TypeScript snippet type-checks against the built package', () => {
    const files = new Map(snippets.map((s, i) => [join(pkgDir, `test/readme-snippet-${i}.ts`), asModule(s)]));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      types: ['node'],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, version) =>
      files.has(name)
        ? ts.createSourceFile(name, files.get(name) as string, version)
        : getSourceFile(name, version);
    host.fileExists = (name) => files.has(name) || fileExists(name);
    host.readFile = (name) => files.get(name) ?? readFile(name);
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
    // A whole TypeScript program: seconds on a loaded machine, hence the timeout (not a speed check).
  }, 180_000);
});
