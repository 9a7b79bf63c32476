// Types of repo.mjs, for the TypeScript that imports @insightiq/release-tools/repo.

/** The packages released together (the changesets `fixed` group). */
export const RELEASED: readonly string[];

/** The monorepo root: the nearest folder up from `from` with pnpm-workspace.yaml. */
export function repoRoot(from?: string): string;

/** Runs git in `cwd`; its trimmed output, or undefined when it fails. */
export function git(cwd: string, ...args: string[]): string | undefined;

/** The changesets waiting in `.changeset/`: file name and the bump of each package. */
export function pendingChangesets(root: string): Array<{ file: string; bumps: Record<string, string> }>;

/** Where a workspace package lives, relative to the root (`packages/spec`, `apps/mock`). */
export function workspaceDir(name: string, root?: string): string;
