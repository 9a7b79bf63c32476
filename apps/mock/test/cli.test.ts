import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor, whenListening } from '@insightiq/testkit';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, expectConforms, get } from './helpers.js';

const cli = join(fileURLToPath(new URL('.', import.meta.url)), '../dist/cli.js');

/** Starts the CLI and resolves with its URL once it prints it. */
async function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...(await whenListening(child, { label: `the mock ${args.join(' ')}` })) };
}

const childrenOf = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the CLI', () => {
  it('prints its URL and a curl example, serves, logs without credentials, and stops cleanly on SIGINT', async () => {
    const { child, url, output } = await start(['--port', '0', '--profiles', '20']);
    expect(output()).toContain(
      'InsightIQ Profiles mock (sandbox, 30 profiles) listening on http://127.0.0.1:',
    );
    expect(output()).toContain(`Try: curl -u any-client-id:any-secret '${url}/v1/profiles?limit=2'`);
    const answer = await get(url, '/v1/profiles?limit=2');
    expectConforms(answer, 'listProfiles');
    // The log line and the answer travel on different pipes: wait for the line, however late.
    const logLine = /GET \/v1\/profiles\?limit=2 200 [\d.]+ms/;
    await waitFor(() => logLine.test(output()), {
      label: `the log line ${logLine} on the mock's stdout`,
      timeoutMs: 20_000,
      detail: () => `the mock printed:\n${output()}`,
    });
    expect(output()).not.toContain('Basic ');
    child.kill('SIGINT');
    expect(await exitCodeOf(child, 'the mock', output)).toBe(0);
  });

  it('in examples mode, SIGTERM stops Prism too: no orphan process', async () => {
    const { child, url, output } = await start(['--port', '0', '--mode', 'examples', '--quiet']);
    const prism = childrenOf(child.pid as number);
    expect(prism.length).toBe(1);
    expect((await get(url, '/v1/profiles')).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitCodeOf(child, 'the mock', output)).toBe(0);
    expect(prism.filter(alive)).toEqual([]);
  });

  it('honours PORT and HOST', async () => {
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
    const child = spawn(process.execPath, [cli, '--quiet', '--profiles', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url, output } = await whenListening(child, { label: 'the mock with PORT=0 HOST=127.0.0.1' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    child.kill('SIGTERM');
    expect(await exitCodeOf(child, 'the mock', output)).toBe(0);
  });

  it.each([
    [['--mode', 'live'], '--mode must be one of sandbox, examples, dynamic, proxy (got "live")'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535 (got 70000)'],
    [['--fail-rate', '2'], '--fail-rate must be a number from 0 to 1 (got 2)'],
    [['--latency-ms', '1.5'], '--latency-ms must be an integer from 0 to 60000 (got 1.5)'],
    [['--credentials', 'nocolon'], '--credentials must be "CLIENT_ID:CLIENT_SECRET", both non-empty'],
    [['--mode', 'examples', '--drift', 'all'], '--drift works in sandbox mode only'],
    [['--port', 'abc'], '--port must be a number (got "abc")'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--data', '/nonexistent/file.json'], '--data /nonexistent/file.json: cannot read it as JSON'],
    [['--drift', 'sideways'], '--drift: Unknown drift "sideways": use all, or any of missing-field,'],
    [['--mode', 'proxy'], '--upstream is required in proxy mode, such as https://api.sandbox.insightiq.ai'],
    [['--upstream', 'https://api.example.com'], '--upstream works in proxy mode only'],
  ])('%j fails with exit code 2 and a clear message', async (args, message) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    expect(await exitCodeOf(child, `the mock ${args.join(' ')}`, () => err)).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Run with --help for the options.');
  });
});

describe('dynamic mode', () => {
  it('answers with data generated from the contract that conforms to it', async () => {
    const { child, url, output } = await start(['--port', '0', '--mode', 'dynamic', '--quiet']);
    try {
      for (let i = 0; i < 5; i++)
        expectConforms(await get(url, '/v1/profiles?limit=3'), 'listProfiles', 'dynamic');
      expectConforms(
        await get(url, '/v1/profiles/3640aa41-55d3-4198-9092-ef9ced03d7fb'),
        'getProfile',
        'dynamic',
      );
    } finally {
      child.kill('SIGTERM');
      await exitCodeOf(child, 'the mock', output);
    }
  });
});
