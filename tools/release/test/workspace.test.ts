import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RELEASED, repoRoot } from '../src/repo.mjs';
import {
  changedPackages,
  contractPackages,
  isPublishedFile,
  publishedPackages,
  workspaceFolders,
} from '../src/workspace.mjs';

const root = repoRoot();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch workspace: pnpm-workspace.yaml and one package.json per folder. */
function workspace(yaml: string, manifests: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'workspace-'));
  temps.push(dir);
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), yaml);
  for (const [folder, manifest] of Object.entries(manifests)) {
    mkdirSync(dirname(join(dir, folder, 'package.json')), { recursive: true });
    writeFileSync(join(dir, folder, 'package.json'), JSON.stringify(manifest));
  }
  return dir;
}
const names = (packages: Array<{ name: string }>) => packages.map((p) => p.name).sort();

describe('the packages, from their manifests', () => {
  it('this repository publishes the six released packages, and the contract ships in all six', () => {
    expect(names(publishedPackages(root))).toEqual([...RELEASED].sort());
    expect(names(contractPackages(root))).toEqual([...RELEASED].sort());
    expect(publishedPackages(root).find((p) => p.name === '@insightiq/profiles-mock')?.dir).toBe('apps/mock');
  });

  it('the contract ships in the spec and in each published package depending on it in any field', () => {
    const dir = workspace('packages:\n  - packages/*\n  - "!packages/skipped"\n  - tools/*\n', {
      'packages/spec': { name: '@insightiq/profiles-spec' },
      'packages/dev': { name: 'dev', devDependencies: { '@insightiq/profiles-spec': 'workspace:*' } },
      'packages/optional': { name: 'optional', optionalDependencies: { '@insightiq/profiles-spec': '^1' } },
      'packages/peer': { name: 'peer', peerDependencies: { '@insightiq/profiles-spec': '^1' } },
      'packages/alone': { name: 'alone', dependencies: { other: '1' } },
      'packages/skipped': { name: 'skipped', dependencies: { '@insightiq/profiles-spec': '^1' } },
      'tools/private': { name: 'private', private: true, dependencies: { '@insightiq/profiles-spec': '^1' } },
    });
    expect(workspaceFolders(dir)).toEqual([
      'packages/alone',
      'packages/dev',
      'packages/optional',
      'packages/peer',
      'packages/spec',
      'tools/private',
    ]);
    expect(names(publishedPackages(dir))).toEqual([
      '@insightiq/profiles-spec',
      'alone',
      'dev',
      'optional',
      'peer',
    ]);
    expect(names(contractPackages(dir))).toEqual(['@insightiq/profiles-spec', 'dev', 'optional', 'peer']);
  });

  it('refuses a workspace pattern it cannot read', () => {
    const dir = workspace('packages:\n  - "packages/**"\n', {});
    expect(() => workspaceFolders(dir)).toThrow(/the pattern "packages\/\*\*" is not supported here/);
  });
});

describe("a package's published files", () => {
  it.each([
    ['src/index.ts', true],
    ['bin/cli.js', true],
    ['scripts/build.mjs', true],
    ['package.json', true],
    ['tsconfig.json', true],
    ['tsup.config.ts', true],
    ['README.md', true],
    ['LICENSE', true],
    ['test/index.test.ts', false],
    ['bench/throughput.mjs', false],
    ['CHANGELOG.md', false],
    ['vitest.config.ts', false],
    ['turbo.json', false],
    ['src/test/helper.ts', true],
  ])('%s: %s', (path, published) => {
    expect(isPublishedFile(path)).toBe(published);
  });

  it('maps changed files to the packages they change; openapi/ to every package the contract ships in', () => {
    const published = publishedPackages(root);
    const changed = changedPackages(
      [
        'apps/mock/src/server.ts',
        'apps/mock/test/server.test.ts',
        'apps/docs/src/page.ts',
        'packages/client/vitest.config.ts',
        'tools/release/src/check-release.mjs',
        'openapi/paths/profiles.yaml',
      ],
      published,
      published.filter((p) => p.name === '@insightiq/profiles-spec'),
    );
    expect(Object.fromEntries(changed)).toEqual({
      '@insightiq/profiles-spec': ['openapi/paths/profiles.yaml'],
      '@insightiq/profiles-mock': ['apps/mock/src/server.ts'],
    });
  });
});
