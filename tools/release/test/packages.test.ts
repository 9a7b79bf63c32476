import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASED, repoRoot, workspaceDir } from '../src/repo.mjs';

const root = repoRoot();
const dirOf = (name: string) => join(root, workspaceDir(name));

describe.each(RELEASED)('the published package %s', (name) => {
  const pkg = JSON.parse(readFileSync(join(dirOf(name), 'package.json'), 'utf8'));

  it('carries license, README, engines, repository, exports and sideEffects', () => {
    expect(pkg).toMatchObject({
      name,
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20.19' },
      repository: { type: 'git', directory: workspaceDir(name) },
      // A command's launcher lives in bin/ (it exists before the build, so that installs can link it).
      files: ['dist', ...(pkg.bin ? ['bin'] : []), 'README.md', 'LICENSE', 'CHANGELOG.md'],
    });
    expect(pkg.private).toBeUndefined();
    expect(pkg.description.length).toBeGreaterThan(20);
    expect(pkg.exports['.'].import.types).toBe('./dist/index.d.ts');
    expect(readFileSync(join(dirOf(name), 'README.md'), 'utf8')).toContain(name);
  });

  it('packs only what consumers need: no tests, fixtures, sources or scripts', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: dirOf(name),
        stdio: 'pipe',
      }).toString(),
    );
    const files: string[] = packed.files.map((f: { path: string }) => f.path).sort();
    expect(
      files.filter(
        (f) => !/^(dist\/[^/]+|bin\/[^/]+\.js|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(f),
      ),
    ).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        // Dual packages ship CommonJS too; a command's package (the mock) is ESM only.
        ...(pkg.exports['.'].require ? ['dist/index.cjs'] : []),
      ]),
    );
    expect(files.some((f) => /test|fixture|\.test\.|src\//.test(f))).toBe(false);
  });
});
