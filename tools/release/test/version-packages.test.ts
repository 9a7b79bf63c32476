// version-packages in a fixture repository: the packages versioned together, their changelogs,
// info.version, and the archive of every released contract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareVersions, latestRelease, readReleases } from '../src/archive.mjs';
import { checkRelease } from '../src/check-release.mjs';
import { RELEASED } from '../src/repo.mjs';
import { syncContractVersion, versionPackages } from '../src/version-packages.mjs';
import {
  bundle,
  CLIENT,
  changeset,
  check,
  fixtureRepo,
  removeTemps,
  root,
  run,
  write,
} from './fixture-repo.js';

afterEach(removeTemps);

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
