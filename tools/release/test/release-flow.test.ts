import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRelease } from '../src/check-release.mjs';
import { RELEASED, repoRoot, workspaceDir } from '../src/repo.mjs';
import { syncContractVersion } from '../src/version-packages.mjs';

const root = repoRoot();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const write = (dir: string, path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const run = (dir: string, cmd: string, ...args: string[]) =>
  execFileSync(cmd, args, {
    cwd: dir,
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  }).toString();

/** A small copy of this monorepo: its changesets config, the three released packages, the contract. */
function fixtureRepo(released?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-flow-'));
  temps.push(dir);
  write(dir, 'package.json', JSON.stringify({ name: 'fixture', private: true }));
  write(dir, 'pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n  - private/*\n');
  cpSync(join(root, '.changeset/config.json'), join(dir, '.changeset/config.json'));
  cpSync(join(root, 'openapi/openapi.yaml'), join(dir, 'openapi/openapi.yaml'));
  // Every released package, from its real manifest (where it really lives: packages/ or apps/), with
  // the workspace links between them as declared (optional peer dependencies included: changesets
  // bumps peer dependents too); the ignored ones as private placeholders.
  const internal = (deps: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(deps).filter(([dep]) => dep.startsWith('@insightiq/profiles-')));
  for (const name of RELEASED) {
    const where = workspaceDir(name);
    const pkg = JSON.parse(readFileSync(join(root, where, 'package.json'), 'utf8'));
    write(
      dir,
      `${where}/package.json`,
      JSON.stringify(
        {
          name: pkg.name,
          version: released ?? pkg.version,
          dependencies: internal(pkg.dependencies),
          peerDependencies: internal(pkg.peerDependencies),
          peerDependenciesMeta: pkg.peerDependenciesMeta ?? {},
        },
        null,
        2,
      ),
    );
  }
  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  for (const name of config.ignore as string[]) {
    write(
      dir,
      `private/${name.split('/').pop()}/package.json`,
      JSON.stringify({ name, private: true, version: '0.0.0' }),
    );
  }
  write(dir, 'packages/spec/dist/openapi.json', JSON.stringify(openapi));
  write(dir, 'tools/release/baseline/openapi.json', JSON.stringify(openapi));
  run(dir, 'git', 'init', '-q');
  run(dir, 'git', 'add', '-A');
  run(dir, 'git', 'commit', '-qm', 'initial');
  return dir;
}

const changeset = (dir: string, bump: string) =>
  write(
    dir,
    '.changeset/brave-lions-sing.md',
    `---\n"@insightiq/profiles-spec": ${bump}\n---\n\nA change.\n`,
  );

describe('check-release', () => {
  it('a change under openapi/ or packages/ needs a changeset', () => {
    const dir = fixtureRepo();
    expect(checkRelease(dir, { publish: false, log: () => {} })).toEqual([]);
    write(
      dir,
      'openapi/openapi.yaml',
      `${readFileSync(join(dir, 'openapi/openapi.yaml'), 'utf8')}# edited\n`,
    );
    const [problem] = checkRelease(dir, { publish: false, log: () => {} });
    expect(problem).toMatch(
      /1 file\(s\) under openapi\/ or packages\/ changed since \w+ but .changeset\/ has no changeset/,
    );
    expect(problem).toContain('openapi/openapi.yaml');
    changeset(dir, 'patch');
    expect(checkRelease(dir, { publish: false, log: () => {} })).toEqual([]);
  });

  it('tests and benches of a package need no changeset', () => {
    const dir = fixtureRepo();
    write(dir, 'packages/client/test/new.test.ts', 'x');
    write(dir, 'packages/client/bench/new.mjs', 'x');
    expect(checkRelease(dir, { publish: false, log: () => {} })).toEqual([]);
  });

  it('a breaking contract change needs a major changeset, and the report names its JSON pointer', () => {
    const dir = fixtureRepo();
    const broken = structuredClone(openapi) as any;
    delete broken.paths['/v1/profiles/{id}'];
    broken.components.parameters.Limit.schema.maximum = 50;
    write(dir, 'packages/spec/dist/openapi.json', JSON.stringify(broken));
    changeset(dir, 'minor');
    const [problem] = checkRelease(dir, { publish: false, log: () => {} });
    expect(problem).toContain('2 breaking change(s) to the contract need a major changeset');
    expect(problem).toContain('/paths/~1v1~1profiles~1{id}  [removed-path]');
    expect(problem).toContain(
      '/components/parameters/Limit/schema/maximum  [tightened-bound]  GET /v1/profiles parameter limit: maximum 100 → 50',
    );
    changeset(dir, 'major');
    expect(checkRelease(dir, { publish: false, log: () => {} })).toEqual([]);
  });

  it('after a release, only what changed since it counts', () => {
    const dir = fixtureRepo();
    write(dir, 'packages/client/src/index.ts', 'export {};');
    changeset(dir, 'patch');
    run(dir, 'git', 'add', '-A');
    run(dir, 'git', 'commit', '-qm', 'change');
    rmSync(join(dir, '.changeset/brave-lions-sing.md'));
    write(dir, 'packages/client/CHANGELOG.md', '# changelog');
    run(dir, 'git', 'add', '-A');
    run(dir, 'git', 'commit', '-qm', 'release');
    expect(checkRelease(dir, { publish: false, log: () => {} })).toEqual([]);
  });
});

describe('version-packages', () => {
  it('versions the three packages together, writes changelogs, and sets info.version to the spec version', () => {
    const dir = fixtureRepo('1.0.0');
    write(
      dir,
      '.changeset/quick-foxes-jump.md',
      '---\n"@insightiq/profiles-client": minor\n---\n\nAdd a thing.\n',
    );
    run(dir, join(root, 'node_modules/.bin/changeset'), 'version');
    const version = (name: string) =>
      JSON.parse(readFileSync(join(dir, `packages/${name}/package.json`), 'utf8')).version;
    const before = '1.0.0';
    expect([version('spec'), version('types'), version('client')]).toEqual(Array(3).fill(version('spec')));
    // A minor is a minor: the client's peer dependency on the spec, still in range, forces no major.
    const [major, minor] = before.split('.').map(Number) as [number, number];
    expect(version('spec')).toBe(`${major}.${minor + 1}.0`);
    expect(readFileSync(join(dir, 'packages/client/CHANGELOG.md'), 'utf8')).toContain('Add a thing.');
    expect(syncContractVersion(dir)).toBe(version('spec'));
    const contract = parse(readFileSync(join(dir, 'openapi/openapi.yaml'), 'utf8'));
    expect(contract.info.version).toBe(version('spec'));
    expect(contract.info.title).toBe('InsightIQ Profiles API');
    expect(contract.paths).toEqual(parse(readFileSync(join(root, 'openapi/openapi.yaml'), 'utf8')).paths);
  });

  it('refuses a contract without info.version', () => {
    const dir = fixtureRepo();
    write(dir, 'openapi/openapi.yaml', 'openapi: 3.1.0\ninfo:\n  title: x\npaths: {}\n');
    expect(() => syncContractVersion(dir)).toThrow(/found no info.version to update/);
  });
});
