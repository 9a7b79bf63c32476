// The release tools' fixture: a small copy of this monorepo in a temporary git repository (its
// changesets config, the six released packages, the contract, its archive), and the helpers the
// release tests share.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { archiveRelease } from '../src/archive.mjs';
import { checkRelease } from '../src/check-release.mjs';
import { RELEASED, repoRoot, workspaceDir } from '../src/repo.mjs';

export const root = repoRoot();
const temps: string[] = [];
/** Removes the fixture repositories made so far (each test file runs it after each test). */
export const removeTemps = () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
};

export const write = (dir: string, path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
export const run = (dir: string, cmd: string, ...args: string[]) =>
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
export function fixtureRepo(released?: string): string {
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

export const MOCK = '@insightiq/profiles-mock';
export const CLIENT = '@insightiq/profiles-client';
export const SPEC = '@insightiq/profiles-spec';

/** Writes a changeset giving each named package its bump. */
export const changeset = (dir: string, bumps: Record<string, string>, file = 'brave-lions-sing') =>
  write(
    dir,
    `.changeset/${file}.md`,
    `---\n${Object.entries(bumps)
      .map(([name, bump]) => `"${name}": ${bump}`)
      .join('\n')}\n---\n\nA change.\n`,
  );
/** The same bump for every released package. */
export const every = (bump: string) => Object.fromEntries(RELEASED.map((name) => [name, bump]));
export const check = (dir: string) => checkRelease(dir, { publish: false, log: () => {} });
/** Replaces the fixture's bundled contract (the current one) with a changed copy. */
export const bundle = (dir: string, mutate: (doc: any) => void) => {
  const doc = structuredClone(openapi) as any;
  mutate(doc);
  write(dir, 'packages/spec/dist/openapi.json', JSON.stringify(doc));
};
