import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RELEASED, repoRoot, workspaceDir } from '../src/repo.mjs';

// Every public entry point of every published package, as its exports map declares it. Subpaths named
// `internal` are for the kit's own packages and carry no semver promise; their README says so.
const root = repoRoot();
const entries = RELEASED.flatMap((name) => {
  const dir = join(root, workspaceDir(name));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports as Record<string, { import?: { types: string; default: string } }>)
    .filter(([subpath, target]) => typeof target === 'object' && target.import && subpath !== './internal')
    .map(([subpath, target]) => ({
      name,
      dir,
      subpath,
      js: join(dir, target.import?.default as string),
      types: join(dir, target.import?.types as string),
    }));
});

/** The names an entry's declarations export that are types only (interfaces and type aliases), with their docs. */
function exportedTypes(file: string): Array<{ name: string; documented: boolean }> {
  const program = ts.createProgram([file], { skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file) as ts.SourceFile;
  const module = checker.getSymbolAtLocation(source) as ts.Symbol;
  return checker
    .getExportsOfModule(module)
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))
    .filter((symbol) => !(symbol.flags & ts.SymbolFlags.Value))
    .map((symbol) => ({
      name: symbol.getName(),
      documented: symbol.getDocumentationComment(checker).length > 0,
    }));
}

describe.each(entries.map((e) => [`${e.name}${e.subpath.slice(1)}`, e] as const))(
  '%s',
  (_, { dir, js, types }) => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');

    it('documents in its README every value it exports', async () => {
      // A types-only entry (`@insightiq/profiles-types`) exports no value at all.
      const names = Object.keys(await import(js)).filter((n) => n !== 'default');
      expect(names.filter((n) => !new RegExp(`\\b${n}\\b`).test(readme))).toEqual([]);
    });

    it('documents every type it exports with TSDoc', () => {
      const found = exportedTypes(types);
      expect(found.filter((t) => !t.documented).map((t) => t.name)).toEqual([]);
    });
  },
);
