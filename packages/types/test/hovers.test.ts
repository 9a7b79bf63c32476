import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What an editor shows for each `const` of `source`, a module importing this package. */
function hovers(source: string): Record<string, string> {
  const file = join(pkgDir, 'test/hover-probe.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile } = host;
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const shown: Record<string, string> = {};
  ts.forEachChild(program.getSourceFile(file) as ts.SourceFile, (node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const d of node.declarationList.declarations) {
      shown[d.name.getText()] = checker.typeToString(checker.getTypeAtLocation(d.name));
    }
  });
  return shown;
}

describe('what editors show', () => {
  // A whole TypeScript program: seconds on a loaded machine, hence the timeout (not a speed check).
  it('names the objects of a page, not their fields', { timeout: 180_000 }, () => {
    const shown = hovers(`
      import type { ProfileList } from '../src/index.js';
      declare const page: ProfileList;
      export const list = page;
      export const data = page.data;
      export const profile = page.data[0];
      export const user = page.data[0]?.user;
      export const period = page.data[0]?.work_experiences?.[0]?.time_period;
      export const meta = page.metadata;
      export const created = page.data[0]?.created_at;
      export const published = page.data[0]?.platform_profile_published_at;
    `);
    expect(shown).toEqual({
      page: 'ProfileList',
      list: 'ProfileList',
      data: 'Profile[]',
      profile: 'Profile',
      user: 'UserAttribute',
      period: 'TimePeriod | null | undefined',
      meta: 'Metadata',
      created: 'Timestamp',
      published: 'Timestamp | null | undefined',
    });
  });
});
