// Type-checks the ```ts snippets of a README, each as a module of one TypeScript program, with the
// strict options a consumer's project has. A snippet may use names that snippets before it made (a
// `client`, an `id`): `preamble` declares them, and imports they need are added when the snippet
// does not import them itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** The ```ts blocks of a Markdown file. */
export const tsSnippets = (markdown) => [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]);

/**
 * A snippet as a module: the preamble's imports (unless the snippet imports the same name), its
 * own imports on top, its statements in an async function after the preamble's declarations (a
 * snippet that exports is a module already, and stays one).
 */
function asModule(snippet, { imports = [], declarations = [] }) {
  const own = [];
  const body = [];
  let inImport = false;
  for (const line of snippet.split('\n')) {
    if (line.startsWith('import ') || inImport) {
      own.push(line);
      inImport = !/from '[^']+';$/.test(line);
    } else body.push(line);
  }
  const mine = own.join('\n');
  const added = imports.filter(({ name }) => !new RegExp(`\\b${name}\\b`).test(mine)).map(({ line }) => line);
  // A snippet that is a module of its own (it exports) stays as it is; the others run in a function.
  if (body.some((line) => line.startsWith('export ')))
    return [...added, ...own, ...declarations, ...body].join('\n');
  return [
    ...added,
    ...own,
    ...declarations,
    'export async function snippet(): Promise<void> {',
    ...body,
    '}',
  ].join('\n');
}

/**
 * The compiler's complaints about the README's snippets (empty when every one type-checks), each
 * as `readme-snippet-N.ts:LINE message`. `dir` is where the snippets are resolved from (the package,
 * so that it imports itself by name through its built `exports`).
 */
export function checkSnippets(readmePath, { dir = dirname(readmePath), imports, declarations } = {}) {
  const snippets = tsSnippets(readFileSync(readmePath, 'utf8'));
  const files = new Map(
    snippets.map((s, i) => [join(dir, `readme-snippet-${i}.ts`), asModule(s, { imports, declarations })]),
  );
  const options = {
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
    files.has(name) ? ts.createSourceFile(name, files.get(name), version) : getSourceFile(name, version);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return { count: snippets.length, problems };
}
