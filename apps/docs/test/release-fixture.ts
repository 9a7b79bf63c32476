// A release archive of two releases in a temporary repository root, written by the release tools' own
// archive writer (as `pnpm version-packages` writes it): 1.0.0, the current contract as released;
// 1.1.0, with the field `nick_name` of `Profile` removed and a query parameter `q` added to
// listProfiles. The "current" bundle is 1.1.0 with a field `username` added (the unreleased change).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { archiveRelease } from '@insightiq/release-tools/archive';
import { RELEASED } from '@insightiq/release-tools/repo';

/** The published packages, released together: each release of the fixture ships all of them. */
export const PACKAGES = RELEASED;

const shipped = (version: string) => Object.fromEntries(PACKAGES.map((name) => [name, version]));

/** The contract at `version`, changed by `mutate`. */
function contract(version: string, mutate: (doc: any) => void = () => {}) {
  const doc = structuredClone(openapi) as any;
  doc.info.version = version;
  mutate(doc);
  return doc;
}

const release110 = (doc: any) => {
  delete doc.components.schemas.Profile.properties.nick_name;
  doc.paths['/v1/profiles'].get.parameters.push({
    name: 'q',
    in: 'query',
    description: 'Searches the profiles by name.',
    schema: { type: 'string' },
  });
};

export interface ReleaseFixture {
  root: string;
  currentPath: string;
  current: any;
  remove(): void;
}

/** Writes the fixture archive and the current bundle in a new temporary folder. */
export function releaseFixture(): ReleaseFixture {
  const root = mkdtempSync(join(tmpdir(), 'docs-releases-'));
  archiveRelease(root, {
    version: '1.0.0',
    contract: contract('1.0.0'),
    packages: shipped('1.0.0'),
    date: '2026-11-02T09:00:00Z',
  });
  archiveRelease(root, {
    version: '1.1.0',
    contract: contract('1.1.0', release110),
    packages: shipped('1.1.0'),
    date: '2026-12-01T09:30:00Z',
  });
  const current = contract('1.1.0', (doc) => {
    release110(doc);
    doc.components.schemas.Profile.properties.username = { type: 'string', description: 'The handle.' };
  });
  mkdirSync(join(root, 'current'));
  const currentPath = join(root, 'current/openapi.json');
  writeFileSync(currentPath, JSON.stringify(current));
  return { root, currentPath, current, remove: () => rmSync(root, { recursive: true, force: true }) };
}
