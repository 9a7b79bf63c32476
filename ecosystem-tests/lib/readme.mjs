// The root README's consumer and release snippets, which the runner uses exactly as written (with
// the example registry URL replaced by the run's Verdaccio).
import { readFileSync } from 'node:fs';

const README = new URL('../../README.md', import.meta.url);
/** The API reference's section on testing against the sandbox (built into the reference page). */
export const TESTING_SECTION = new URL('../../apps/docs/src/testing.md', import.meta.url);
/** The CLI's README, whose "Try it" commands the cli-npx setup runs as written. */
export const CLI_README = new URL('../../packages/cli/README.md', import.meta.url);
/** The mock's README, whose Prism install the mock-npx setup runs as written. */
export const MOCK_README = new URL('../../apps/mock/README.md', import.meta.url);
/** The packages whose READMEs open with an install line (`<!-- ecosystem-tests: install -->`). */
export const PACKAGE_READMES = Object.fromEntries(
  ['client', 'types', 'spec', 'sandbox'].map((name) => [
    `@insightiq/profiles-${name}`,
    new URL(`../../packages/${name}/README.md`, import.meta.url),
  ]),
);
/** The registry URL the README's snippets show. */
export const EXAMPLE_REGISTRY = 'https://npm.internal.example.com/';

/** The root README's snippets that show the example registry (the others need none). */
const REGISTRY_SNIPPETS = ['consumer .npmrc', 'release'];

/** Whether the root README (or `file`) has the snippet `name`. */
export const hasSnippet = (name, file = README) =>
  readFileSync(file, 'utf8').includes(`<!-- ecosystem-tests: ${name} -->`);

/** The fenced block that follows `<!-- ecosystem-tests: <name> -->` in the root README (or `file`), with `registry` for the example URL. */
export function readmeSnippet(name, registry, file = README) {
  const text = readFileSync(file, 'utf8');
  const marker = `<!-- ecosystem-tests: ${name} -->`;
  const at = text.indexOf(marker);
  const block = at === -1 ? null : /^```\w*\n([\s\S]*?)^```/m.exec(text.slice(at + marker.length));
  if (!block) throw new Error(`README.md has no code block after ${marker}`);
  if (!block[1].includes(EXAMPLE_REGISTRY) && file === README && REGISTRY_SNIPPETS.includes(name)) {
    throw new Error(`README.md's "${name}" snippet no longer shows ${EXAMPLE_REGISTRY}`);
  }
  return block[1].split(EXAMPLE_REGISTRY).join(registry);
}
