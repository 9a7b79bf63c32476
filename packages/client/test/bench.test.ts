import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The benchmarks print figures and assert nothing; these tests only prove that they still run and
// print what the READMEs say they print. No figure is compared with a bound.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const figure = (output: string, label: string, unit: string) => {
  const match = new RegExp(`${label}\\s+([\\d.]+) kB min\\s+([\\d.]+) kB ${unit}`).exec(output);
  expect(match, `a line "${label} … kB min … kB ${unit}" in:\n${output}`).not.toBeNull();
  return { min: Number(match?.[1]), brotli: Number(match?.[2]) };
};

describe('the benchmarks', () => {
  // It starts pnpm, esbuild and TypeScript: seconds on a quiet machine, more on a loaded one.
  it('bench:size, run as the README shows it, prints the bundle, openapi-fetch, the bundle without its text and each module', {
    timeout: 180_000,
  }, () => {
    const output = execFileSync('pnpm', ['--filter', '@insightiq/profiles-client', 'bench:size'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const whole = figure(output, 'client \\+ openapi-fetch', 'brotli');
    const openapiFetch = figure(output, 'openapi-fetch alone', 'brotli');
    const own = figure(output, "the client's own code", 'brotli');
    expect(own.min).toBeCloseTo(whole.min - openapiFetch.min, 1);
    expect(own.brotli).toBeCloseTo(whole.brotli - openapiFetch.brotli, 1);
    // The bundle with every string literal emptied: smaller than the bundle, larger than openapi-fetch.
    const bare = figure(output, 'with no string text', 'brotli');
    expect(bare.brotli).toBeLessThan(whole.brotli);
    expect(bare.brotli).toBeGreaterThan(openapiFetch.brotli);
    for (const module of ['openapi-fetch/dist/index.mjs', 'src/internal/request.ts', 'src/errors.ts'])
      expect(output).toMatch(new RegExp(`^\\s+\\d+\\s+${module.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('the overhead bench, short (INSIGHTIQ_BENCH_QUICK=1), runs each measure and prints its ratios', {
    timeout: 180_000,
  }, () => {
    const output = execFileSync(process.execPath, ['bench/overhead.mjs'], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { ...process.env, INSIGHTIQ_BENCH_QUICK: '1' },
    });
    expect(output).toContain(
      'In-process fetch stub: pure client overhead (1 process, each the median of 1 interleaved rounds',
    );
    expect(output).toMatch(/^ {2}process by process: [-+]\d+\.\d%$/m);
    expect(output).toContain('HTTP server on loopback');
    expect(output.match(/client cost per call vs openapi-fetch: \d+\.\d% (more|less)/g)).toHaveLength(2);
    expect(output).toMatch(/validateResponses 'throw' +\d+\.\d+ µs\/page/);
  });

  it('refuses a bad number of rounds with its usage, before measuring anything', () => {
    const result = spawnSync(process.execPath, ['bench/overhead.mjs', 'ten'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'usage: node bench/overhead.mjs [rounds]: the argument must be a positive number (got "ten")',
    );
  });
});
