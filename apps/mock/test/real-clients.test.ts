import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createSandbox } from '@insightiq/profiles-sandbox';
import axios from 'axios';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const sampleIds = (
  JSON.parse(readFileSync(join(here, '../../../openapi/reference/profiles-list.sample.json'), 'utf8')) as {
    data: Array<{ id: string }>;
  }
).data.map((p) => p.id);

describe('the copies of the vendor material are verbatim', () => {
  it('the Postman collection and environment are the vendor files as received (recorded digests)', () => {
    const recorded = readFileSync(join(fixtures, 'postman/SOURCES.sha256'), 'utf8').trim().split('\n');
    expect(recorded).toHaveLength(2);
    for (const line of recorded) {
      const [digest, name] = line.split(/\s+/) as [string, string];
      const file = readFileSync(join(fixtures, 'postman', name));
      expect(createHash('sha256').update(file).digest('hex'), name).toBe(digest);
    }
  });

  it("the axios snippet equals the reference page's", () => {
    const page = readFileSync(join(here, '../../../openapi/reference/retrieve-all-profiles.txt'), 'utf8');
    expect(page).toContain(readFileSync(join(fixtures, 'reference-axios-snippet.mjs'), 'utf8').trimEnd());
  });
});

describe('a real client in process, no port', () => {
  it("axios's fetch adapter over sandbox.fetch: the reference page's request gets the sample's ten profiles", async () => {
    const sandbox = createSandbox({ credentials: 'axios-id:axios-secret' });
    const { data, status, headers } = await axios.request({
      method: 'GET',
      url: 'https://api.staging.insightiq.ai/v1/profiles',
      headers: { Accept: 'application/json', Authorization: `Basic ${btoa('axios-id:axios-secret')}` },
      adapter: 'fetch',
      env: { fetch: sandbox.fetch },
    });
    expect(status).toBe(200);
    expect(headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.data.map((p: { id: string }) => p.id)).toEqual(sampleIds);
    const denied = await axios
      .get('https://api.staging.insightiq.ai/v1/profiles/x', {
        adapter: 'fetch',
        env: { fetch: sandbox.fetch },
      })
      .catch((error) => error.response);
    expect([denied.status, denied.data.error.error_code]).toEqual([401, 'MISSING_CREDENTIALS']);
  });
});

describe('real clients against the mock (examples mode)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: 'examples', credentials: 'postman-id:postman-secret' });
  });
  afterAll(() => mock.close());

  it("the reference page's axios snippet prints the sample's ten profiles", async () => {
    const snippet = readFileSync(join(fixtures, 'reference-axios-snippet.mjs'), 'utf8');
    const basic = Buffer.from('postman-id:postman-secret').toString('base64');
    const pointed = snippet
      .replace('https://api.staging.insightiq.ai', mock.url)
      .replace("Authorization: 'Basic 123'", `Authorization: 'Basic ${basic}'`);
    expect(pointed).not.toBe(snippet);
    const dir = join(here, '../test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'axios-snippet.mjs');
    writeFileSync(file, pointed);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], { cwd: here });
    expect(stderr).toBe('');
    for (const id of sampleIds) expect(stdout).toContain(`id: '${id}'`);
    expect(stdout).toContain('metadata: { offset: 0, limit: 10, from_date: null, to_date: null }');
  });

  it('the vendor Postman collection: "Retrieve all profiles" and "Retrieve a profile" get 200s with newman', async () => {
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) =>
      newman.run(
        {
          collection: join(fixtures, 'postman/phyllo-postman-collection.json'),
          environment: join(fixtures, 'postman/phyllo-postman-sandbox-environment.json'),
          envVar: [
            { key: 'BASE_URL', value: mock.url },
            { key: 'CLIENT_ID', value: 'postman-id' },
            { key: 'CLIENT_SECRET', value: 'postman-secret' },
            { key: 'PROFILE_ID', value: sampleIds[3] as string },
          ],
          folder: ['Retrieve all profiles', 'Retrieve a profile'],
          reporters: [],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    const runs = summary.run.executions.map((e) => [e.item.name, e.response?.code]);
    expect(runs).toEqual([
      ['Retrieve a profile', 200],
      ['Retrieve all profiles', 200],
    ]);
    expect(summary.run.failures).toEqual([]);
  });
});
