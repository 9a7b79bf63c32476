import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASED, repoRoot } from '../src/repo.mjs';

const root = repoRoot();
const dirOf = (name: string) => join(root, 'packages', name.replace('@insightiq/profiles-', ''));

describe.each(RELEASED)('the published package %s', (name) => {
  const pkg = JSON.parse(readFileSync(join(dirOf(name), 'package.json'), 'utf8'));

  it('carries license, README, engines, repository, exports and sideEffects', () => {
    expect(pkg).toMatchObject({
      name,
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20.19' },
      repository: { type: 'git', directory: `packages/${dirOf(name).split('/').pop()}` },
      files: ['dist', 'README.md', 'LICENSE', 'CHANGELOG.md'],
    });
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
      files.filter((f) => !/^(dist\/[^/]+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(f)),
    ).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
      ]),
    );
    expect(files.some((f) => /test|fixture|\.test\.|src\//.test(f))).toBe(false);
  });
});
