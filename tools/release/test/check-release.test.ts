// check:release in a fixture repository: which package each change needs a changeset for, and the
// contract diff's rating against each package's bump.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRelease, parseOptions } from '../src/check-release.mjs';
import { RELEASED } from '../src/repo.mjs';
import {
  bundle,
  CLIENT,
  changeset,
  check,
  every,
  fixtureRepo,
  MOCK,
  removeTemps,
  run,
  SPEC,
  write,
} from './fixture-repo.js';

afterEach(removeTemps);

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
