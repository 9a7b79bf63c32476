// Types of archive.mjs, for the TypeScript that imports @insightiq/release-tools/archive.

/** One release of the archive: the contract's version, when, the packages that shipped it, its file. */
export interface Release {
  version: string;
  date: string;
  packages: Record<string, string>;
  /** The archived contract, absolute. */
  path: string;
}

export const ARCHIVE: string;
export const MANIFEST: string;
export function releasePath(version: string): string;
export function compareVersions(a: string, b: string): number;
export function readReleases(root: string): Release[];
export function latestRelease(root: string): string | undefined;
export function archiveRelease(
  root: string,
  release: { version: string; contract: unknown; packages: Record<string, string>; date?: Date | string },
): { path: string; added: boolean };
