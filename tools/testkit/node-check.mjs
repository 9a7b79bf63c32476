// A vitest globalSetup that every workspace's tests run: it fails the run, naming both versions, when
// the tests run on another Node than the repository's own (the root devDependency `node`, which
// `pnpm` puts first on the PATH of every script, and so of every task Turborepo runs). It proves that
// nothing fell back to the machine's Node.
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** The major version of the repository's Node (`24` for `"node": "24.21.0"`). */
export const toolchainMajor = Number(String(root.devDependencies.node).match(/\d+/)?.[0]);

export default function setup() {
  const running = Number(process.versions.node.split('.')[0]);
  if (running !== toolchainMajor) {
    throw new Error(
      `these tests ran on Node ${process.versions.node} (${process.execPath}), not the repository's Node ${toolchainMajor} (the root devDependency "node"): run them through pnpm (pnpm test, pnpm --filter <workspace> test), which puts node_modules/.bin first on the PATH`,
    );
  }
}
