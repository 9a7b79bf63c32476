// Every shell command that the docs show for the CLI, run as written: this README, the root README
// and the API reference's "Command line" section. A mock line starts the workspace's mock (on a free
// port instead of the one written, which a developer's own mock may hold); `npx insightiq-profiles`
// runs the built command; `# exits N` is the exit code expected (0 otherwise). Install lines are run
// by the ecosystem tests, which install the packed packages from a registry.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSnippets } from '@insightiq/snippet-tools';
import { freePort, whenListening } from '@insightiq/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../bin/insightiq-profiles.js');
const mockBin = join(
  fileURLToPath(new URL('.', import.meta.resolve('@insightiq/profiles-mock/package.json'))),
  'bin/insightiq-profiles-mock.js',
);
const DOCS = {
  'the CLI README': here('../README.md'),
  'the root README': here('../../../README.md'),
  'the reference page’s "Command line"': here('../../../apps/docs/src/command-line.md'),
};

/** The lines of the ```sh blocks that mention the CLI or start a mock for it. */
function shellLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks
    .filter((b) => b.includes('insightiq-profiles '))
    .flatMap((b) => b.split('\n'))
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

const mocks: ChildProcess[] = [];
afterAll(() => {
  for (const m of mocks) if (m.exitCode === null) m.kill('SIGTERM');
});

/** Starts the mock of a README line (`npx -y @insightiq/profiles-mock ARGS &`) and resolves once it listens. */
function startMock(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [mockBin, ...args, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  mocks.push(child);
  return whenListening(child, { label: `the mock ${args.join(' ')}` }).then(() => undefined);
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('sh', ['-c', command], { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.each(Object.entries(DOCS))('the commands of %s', (_, file) => {
  const lines = shellLines(readFileSync(file, 'utf8'));

  it('has commands to run, each of a kind this test knows', () => {
    expect(lines.some((l) => l.startsWith('npx insightiq-profiles '))).toBe(true);
    const unknown = lines.filter(
      (l) => !/^(npx insightiq-profiles |npx -y @insightiq\/profiles-mock |export |npm install )/.test(l),
    );
    expect(unknown).toEqual([]);
  });

  it('runs each as written, with the exit code it says', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cli-readme-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: process.env.PATH };
    for (const name of Object.keys(env)) if (name.startsWith('INSIGHTIQ_')) delete env[name];
    const ports = new Map<string, string>();
    const port = (text: string) =>
      text.replace(/127\.0\.0\.1:(\d+)|--port (\d+)/g, (m, a, b) => {
        const written = (a ?? b) as string;
        const actual = ports.get(written) as string;
        return m.replace(written, actual);
      });
    for (const line of lines) {
      if (line.startsWith('npm install ')) continue;
      if (line.startsWith('npx -y @insightiq/profiles-mock ')) {
        const written = /--port (\d+)/.exec(line)?.[1] as string;
        ports.set(written, String(await freePort()));
        const args = port(line).replace(/\s*&$/, '').split(/\s+/).slice(3);
        await startMock(args);
        continue;
      }
      if (line.startsWith('export ')) {
        for (const [, name, value] of port(line).matchAll(/(\w+)=(\S+)/g)) env[name as string] = value;
        continue;
      }
      const expected = Number(/#\s*exits (\d+)/.exec(line)?.[1] ?? 0);
      const command = port(line.replace(/\s+#.*$/, '')).replace(
        /^npx insightiq-profiles /,
        `"${process.execPath}" "${bin}" `,
      );
      const { code, stdout, stderr } = await sh(command, cwd, env);
      expect({ line, code, stderr: code === expected ? '' : stderr }).toEqual({
        line,
        code: expected,
        stderr: '',
      });
      const output = /> (\S+)$/.exec(line)?.[1] ?? /--output (\S+)/.exec(line)?.[1];
      if (output) expect(existsSync(join(cwd, output)), `${line} wrote ${output}`).toBe(true);
      else expect(stdout.length, `${line} printed something`).toBeGreaterThan(0);
    }
  });
});

describe('the README’s TypeScript', () => {
  it('type-checks against the built packages', { timeout: 180_000 }, () => {
    const { count, problems } = checkSnippets(here('../README.md'));
    expect(count).toBe(1);
    expect(problems).toEqual([]);
  });
});
