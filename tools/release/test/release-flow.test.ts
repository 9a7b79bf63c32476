import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { archiveRelease, compareVersions, latestRelease, readReleases } from '../src/archive.mjs';
import { checkRelease, parseOptions } from '../src/check-release.mjs';
import { RELEASED, repoRoot, workspaceDir } from '../src/repo.mjs';
import { syncContractVersion, versionPackages } from '../src/version-packages.mjs';

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

/** A small copy of this monorepo: its changesets config, the six released packages, the contract. */
function fixtureRepo(released?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-flow-'));
  temps.push(dir);
  write(dir, 'package.json', JSON.stringify({ name: 'fixture', private: true }));
  write(dir, 'pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n  - private/*\n');
  cpSync(join(root, '.changeset/config.json'), join(dir, '.changeset/config.json'));
  cpSync(join(root, 'openapi/openapi.yaml'), join(dir, 'openapi/openapi.yaml'));
  // Every released package, from its real manifest (where it really lives: packages/ or apps/), with
  // the workspace links between them as declared (optional peer dependencies included: changesets
  // bumps peer dependents too; devDependencies too: the types ship the contract through one); the
  // ignored ones as private placeholders.
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
          devDependencies: internal(pkg.devDependencies),
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
  // The released baseline: the contract as the archive's one release.
  archiveRelease(dir, {
    version: (openapi as any).info.version,
    contract: openapi,
    packages: Object.fromEntries(RELEASED.map((name) => [name, (openapi as any).info.version])),
    date: '2026-01-01T00:00:00Z',
  });
  run(dir, 'git', 'init', '-q');
  run(dir, 'git', 'add', '-A');
  run(dir, 'git', 'commit', '-qm', 'initial');
  return dir;
}

const MOCK = '@insightiq/profiles-mock';
const CLIENT = '@insightiq/profiles-client';
const SPEC = '@insightiq/profiles-spec';

/** Writes a changeset giving each named package its bump. */
const changeset = (dir: string, bumps: Record<string, string>, file = 'brave-lions-sing') =>
  write(
    dir,
    `.changeset/${file}.md`,
    `---\n${Object.entries(bumps)
      .map(([name, bump]) => `"${name}": ${bump}`)
      .join('\n')}\n---\n\nA change.\n`,
  );
/** The same bump for every released package. */
const every = (bump: string) => Object.fromEntries(RELEASED.map((name) => [name, bump]));
const check = (dir: string) => checkRelease(dir, { publish: false, log: () => {} });
/** Replaces the fixture's bundled contract (the current one) with a changed copy. */
const bundle = (dir: string, mutate: (doc: any) => void) => {
  const doc = structuredClone(openapi) as any;
  mutate(doc);
  write(dir, 'packages/spec/dist/openapi.json', JSON.stringify(doc));
};

describe('check-release: a changeset names each changed package', () => {
  it('passes on an unchanged repository', () => {
    expect(check(fixtureRepo())).toEqual([]);
  });

  it('a change under openapi/ needs a changeset naming every package the contract ships in', () => {
    const dir = fixtureRepo();
    const contract = join(dir, 'openapi/openapi.yaml');
    write(dir, 'openapi/openapi.yaml', `${readFileSync(contract, 'utf8')}# edited\n`);
    const [problem] = check(dir);
    expect(problem).toMatch(
      /^6 published package\(s\) changed since \w+ but no changeset in .changeset\/ names them/,
    );
    for (const name of RELEASED) expect(problem).toContain(`  ${name}: openapi/openapi.yaml`);
    changeset(dir, { [SPEC]: 'patch' });
    const [five] = check(dir);
    expect(five).toMatch(/^5 published package\(s\)/);
    expect(five).not.toContain(SPEC);
    changeset(dir, every('patch'));
    expect(check(dir)).toEqual([]);
  });

  it('a mock change with a client-only changeset fails and names the mock; a mock changeset passes', () => {
    const dir = fixtureRepo();
    write(dir, 'apps/mock/src/server.ts', 'export {};');
    changeset(dir, { [CLIENT]: 'minor' });
    expect(check(dir)).toEqual([
      expect.stringMatching(
        /^1 published package\(s\) changed since \w+ but no changeset in .changeset\/ names them.*\n {2}@insightiq\/profiles-mock: apps\/mock\/src\/server.ts$/,
      ),
    ]);
    changeset(dir, { [MOCK]: 'patch' }, 'mock-change');
    expect(check(dir)).toEqual([]);
  });

  it("a package's tests, benches, changelog and test config need no changeset; a private package none", () => {
    const dir = fixtureRepo();
    write(dir, 'packages/client/test/new.test.ts', 'x');
    write(dir, 'packages/client/bench/new.mjs', 'x');
    write(dir, 'packages/client/vitest.config.ts', 'x');
    write(dir, 'packages/spec/turbo.json', '{}');
    write(dir, 'apps/mock/test/new.test.ts', 'x');
    write(dir, 'apps/mock/CHANGELOG.md', '# changelog');
    write(dir, 'private/profiles-docs/src/page.ts', 'x');
    expect(check(dir)).toEqual([]);
    // What shapes the package does count: its build configuration, its README.
    write(dir, 'packages/client/tsconfig.json', '{}');
    write(dir, 'apps/mock/README.md', '# mock');
    const [problem] = check(dir);
    expect(problem).toContain(`  ${CLIENT}: packages/client/tsconfig.json`);
    expect(problem).toContain(`  ${MOCK}: apps/mock/README.md`);
  });

  it('after a release, only what changed since it counts', () => {
    const dir = fixtureRepo();
    write(dir, 'packages/client/src/index.ts', 'export {};');
    changeset(dir, { [CLIENT]: 'patch' });
    run(dir, 'git', 'add', '-A');
    run(dir, 'git', 'commit', '-qm', 'change');
    rmSync(join(dir, '.changeset/brave-lions-sing.md'));
    write(dir, 'apps/mock/CHANGELOG.md', '# changelog');
    run(dir, 'git', 'add', '-A');
    run(dir, 'git', 'commit', '-qm', 'release');
    expect(check(dir)).toEqual([]);
  });

  it('a file moved out of a package changes that package', () => {
    const dir = fixtureRepo();
    write(dir, 'apps/mock/src/old.ts', 'export const x = 1;\n');
    run(dir, 'git', 'add', '-A');
    run(dir, 'git', 'commit', '-qm', 'base');
    const base = run(dir, 'git', 'rev-parse', 'HEAD').trim();
    run(dir, 'git', 'mv', 'apps/mock/src/old.ts', 'private/profiles-docs/old.ts');
    const [problem] = checkRelease(dir, { base, publish: false, log: () => {} });
    expect(problem).toContain(`  ${MOCK}: apps/mock/src/old.ts`);
  });

  it('reads its command line, and refuses what it does not know', () => {
    expect(parseOptions(['--base', 'v1.0.0', '--no-publish'])).toEqual({ base: 'v1.0.0', publish: false });
    expect(parseOptions([])).toEqual({ base: undefined, publish: true });
    expect(() => parseOptions(['--base'])).toThrow('--base needs a revision');
    expect(() => parseOptions(['--publish'])).toThrow('unknown option --publish');
  });

  it('names a --base that is not a commit', () => {
    const dir = fixtureRepo();
    expect(checkRelease(dir, { base: 'no-such-tag', publish: false, log: () => {} })).toEqual([
      '--base no-such-tag: not a commit of this repository',
    ]);
  });
});

describe("check-release: the contract diff rating against each package's changeset", () => {
  it('a major diff with only minor changesets fails, naming each package short of major and each change', () => {
    const dir = fixtureRepo();
    bundle(dir, (doc) => {
      delete doc.paths['/v1/profiles/{id}'];
      doc.components.parameters.Limit.schema.maximum = 50;
    });
    changeset(dir, { ...every('minor'), [SPEC]: 'major' });
    const [problem, ...more] = check(dir);
    expect(more).toEqual([]);
    expect(problem).toContain("the contract's change since the release rates major");
    const short = RELEASED.filter((name) => name !== SPEC);
    for (const name of short) expect(problem).toContain(`\n  ${name}: minor\n`);
    expect(problem).not.toContain(`${SPEC}: `);
    expect(problem).toContain('major  /paths/~1v1~1profiles~1{id}  [path-removed]');
    expect(problem).toContain(
      "major  /components/parameters/Limit/schema/maximum  [schema-constraint-changed]  GET /v1/profiles: Upper bound changed from '<= 100' to '<= 50'.",
    );
    changeset(dir, every('major'), 'breaking');
    expect(check(dir)).toEqual([]);
  });

  it('a minor diff (an added response field) needs at least minor for each package', () => {
    const dir = fixtureRepo();
    bundle(dir, (doc) => (doc.components.schemas.Profile.properties.username = { type: 'string' }));
    changeset(dir, every('patch'));
    const [problem] = check(dir);
    expect(problem).toContain('rates minor');
    for (const name of RELEASED) expect(problem).toContain(`  ${name}: patch`);
    changeset(dir, every('minor'));
    expect(check(dir)).toEqual([]);
  });

  it('a narrowed response enum (a Gender value removed) needs no major', () => {
    const dir = fixtureRepo();
    bundle(dir, (doc) => doc.components.schemas.Gender.enum.splice(2, 1));
    changeset(dir, every('patch'));
    const logged: string[] = [];
    expect(checkRelease(dir, { publish: false, log: (line) => logged.push(line) })).toEqual([]);
    expect(logged).toContain(
      'contract: 1 change(s) from the released contract (openapi/releases/1.0.0.json), rated patch',
    );
  });

  it('a contract redocly cannot read is a problem that carries its output', () => {
    const dir = fixtureRepo();
    bundle(
      dir,
      (doc) => (doc.components.schemas.Profile.properties.user = { $ref: '#/components/schemas/Nope' }),
    );
    changeset(dir, every('major'));
    const [problem] = check(dir);
    expect(problem).toMatch(
      /^the contract's change since the release could not be rated: redocly diff .* failed \(exit code 1\); its output:/,
    );
    expect(problem).toContain("Can't resolve $ref");
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

/**
 * The release flow in the fixture: the real `changeset version`, the real info.version sync and
 * archive; the build is the bundle written from the contract with its synced version (`mutate`
 * changes it further), the lockfile refresh is recorded, not run.
 */
function release(dir: string, mutate: (doc: any) => void = () => {}, { again = false } = {}) {
  const calls: string[] = [];
  const exec = (cmd: string, args: string[]) => {
    calls.push([cmd.split('/').pop(), ...args].join(' '));
    // Run again, `changeset version` has nothing left to apply (it exits 1 on no changeset): the
    // version stays as it is.
    if (cmd.endsWith('/changeset') && !again) run(dir, join(root, 'node_modules/.bin/changeset'), ...args);
  };
  const build = () =>
    bundle(dir, (doc) => {
      doc.info.version = parse(readFileSync(join(dir, 'openapi/openapi.yaml'), 'utf8')).info.version;
      mutate(doc);
    });
  const result = versionPackages(dir, { exec, build, date: new Date('2026-12-03T10:00:00.000Z') });
  return { ...result, calls };
}

describe('version-packages archives the released contract', () => {
  it('writes openapi/releases/<version>.json and its manifest entry; check:release then compares with it', () => {
    const dir = fixtureRepo('1.0.0');
    changeset(dir, { [CLIENT]: 'minor' });
    const { version, archived, calls } = release(dir, (doc) => {
      doc.components.schemas.Profile.properties.username = { type: 'string' };
    });
    expect(version).toBe('1.1.0');
    expect(calls).toEqual(['changeset version', 'pnpm install --lockfile-only']);
    expect(archived).toEqual({ path: 'openapi/releases/1.1.0.json', added: true });
    const contract = JSON.parse(readFileSync(join(dir, archived.path), 'utf8'));
    expect(contract.info.version).toBe('1.1.0');
    expect(contract.components.schemas.Profile.properties.username).toEqual({ type: 'string' });
    const manifest = JSON.parse(readFileSync(join(dir, 'openapi/releases/index.json'), 'utf8'));
    expect(manifest.releases.map((r: any) => r.version)).toEqual(['1.0.0', '1.1.0']);
    expect(manifest.releases[1]).toEqual({
      version: '1.1.0',
      date: '2026-12-03T10:00:00Z',
      packages: Object.fromEntries(RELEASED.map((name) => [name, '1.1.0'])),
    });
    expect(latestRelease(dir)).toBe(join(dir, 'openapi/releases/1.1.0.json'));
    // The new baseline is the archive's newest entry: the added field is released, nothing to rate.
    const logged: string[] = [];
    checkRelease(dir, { publish: false, log: (line) => logged.push(line) });
    expect(logged).toContain(
      'contract: 0 change(s) from the released contract (openapi/releases/1.1.0.json), rated none',
    );
  });

  it('run again for the same version: the same contract changes nothing, a different one is refused', () => {
    const dir = fixtureRepo('1.0.0');
    changeset(dir, { [CLIENT]: 'patch' });
    release(dir);
    const before = readFileSync(join(dir, 'openapi/releases/index.json'), 'utf8');
    expect(release(dir, undefined, { again: true }).archived).toEqual({
      path: 'openapi/releases/1.0.1.json',
      added: false,
    });
    expect(readFileSync(join(dir, 'openapi/releases/index.json'), 'utf8')).toBe(before);
    const archived = readFileSync(join(dir, 'openapi/releases/1.0.1.json'), 'utf8');
    expect(() => release(dir, (doc) => delete doc.paths['/v1/profiles/{id}'], { again: true })).toThrow(
      /^openapi\/releases\/1\.0\.1\.json: version 1\.0\.1 is already archived with a different contract.*A released contract is never rewritten/,
    );
    expect(readFileSync(join(dir, 'openapi/releases/1.0.1.json'), 'utf8')).toBe(archived);
    expect(readFileSync(join(dir, 'openapi/releases/index.json'), 'utf8')).toBe(before);
  });

  it('a change in the archive needs no changeset; a broken manifest is named', () => {
    const dir = fixtureRepo();
    write(dir, 'openapi/releases/README.md', '# edited');
    expect(check(dir)).toEqual([]);
    write(dir, 'openapi/releases/index.json', '{"releases":[{"version":"2.0.0","date":"x","packages":{}}]}');
    expect(check(dir)).toEqual([
      'the release archive cannot be read: openapi/releases/index.json: release 2.0.0 has no valid "date" ("x")',
    ]);
    write(dir, 'openapi/releases/index.json', '{"releases":[{"version":"2.0","date":"2026-01-01"}]}');
    expect(() => readReleases(dir)).toThrow(
      '"2.0" is not a release version (major.minor.patch[-prerelease])',
    );
  });

  it('orders versions as semver does', () => {
    const sorted = ['1.10.0', '1.2.0', '2.0.0-beta.10', '2.0.0-beta.2', '2.0.0', '2.0.0-alpha', '1.2.0-rc.1'];
    expect(sorted.sort(compareVersions)).toEqual([
      '1.2.0-rc.1',
      '1.2.0',
      '1.10.0',
      '2.0.0-alpha',
      '2.0.0-beta.2',
      '2.0.0-beta.10',
      '2.0.0',
    ]);
  });
});
