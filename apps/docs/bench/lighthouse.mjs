#!/usr/bin/env node
// Lighthouse on the landing page (dist/index.html, as built: this script builds nothing), served by
// scripts/serve.mjs on a free port with its compression, in Debian's Chromium (CHROMIUM_PATH, else
// /usr/bin/chromium): mobile (Lighthouse's default, simulated throttling) then desktop. Prints the four
// category scores, LCP, TBT, CLS and the bytes of the first load over the wire; asserts nothing.
// Usage: pnpm --filter @insightiq/profiles-docs bench   (PAGE=redoc.html to measure another page;
// INSIGHTIQ_BENCH_QUICK=1 runs mobile only, to prove the bench works)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quickBench } from '@insightiq/testkit';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serveDocs } from '../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--remote-debugging-port=0',
];
const PAGE = process.env.PAGE ?? 'index.html';

/** Starts Chromium with a DevTools port; resolves when it prints the port (30 s at most). */
function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Ends Chromium (SIGKILL if it is still there after 10 s) and, once it has exited, removes its
  // profile: removed while Chromium still writes, the folder can fail with ENOTEMPTY.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      stop().finally(() => reject(new Error(`${CHROMIUM} printed no DevTools port within 30 s:\n${said}`)));
    }, 30_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${CHROMIUM} (set CHROMIUM_PATH): ${error.message}`));
    });
    child.stderr.on('data', (chunk) => {
      said += chunk;
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ port: Number(port), stop });
    });
  });
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
const audit = (lhr, id) => lhr.audits[id]?.numericValue ?? Number.NaN;

/** One Lighthouse run; returns the figures to print. */
async function measure(url, port, form) {
  const config = form === 'desktop' ? desktopConfig : undefined;
  const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, config);
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    version: lhr.lighthouseVersion,
    form,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    'best-practices': score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    'LCP ms': Math.round(audit(lhr, 'largest-contentful-paint')),
    'TBT ms': Math.round(audit(lhr, 'total-blocking-time')),
    CLS: Number(audit(lhr, 'cumulative-layout-shift').toFixed(3)),
    'first load kB': Number((audit(lhr, 'total-byte-weight') / 1000).toFixed(1)),
    requests: requests.length,
    failed: Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs)
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id)
      .filter((id, i, all) => all.indexOf(id) === i)
      .join(' '),
  };
}

const docs = await serveDocs({ port: 0 });
const chromium = await startChromium();
try {
  const url = `${docs.url}/${PAGE}`;
  const rows = [];
  for (const form of quickBench ? ['mobile'] : ['mobile', 'desktop'])
    rows.push(await measure(url, chromium.port, form));
  console.log(`Lighthouse ${rows[0].version} on ${PAGE} (served with brotli, as a static host would)`);
  console.table(rows.map(({ version, ...row }) => row));
} finally {
  await chromium.stop();
  await docs.close();
}
