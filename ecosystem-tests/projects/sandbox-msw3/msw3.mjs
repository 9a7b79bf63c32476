// The sandbox's MSW handlers under MSW 3 (Node 22), with the client: prints a JSON report.
import assert from 'node:assert/strict';
import { createProfilesClient, NotFoundError, RateLimitError } from '@insightiq/profiles-client';
import { buildProfile, createSandbox } from '@insightiq/profiles-sandbox';
import { createHandlers } from '@insightiq/profiles-sandbox/msw';
import { setupServer } from 'msw/node';

const baseUrl = 'https://api.insightiq.ai';
const ada = buildProfile({ full_name: 'Ada Lovelace' }, { seed: 'msw3' });
const server = setupServer(
  ...createHandlers(createSandbox({ data: [ada, buildProfile({}, { index: 1 })] }), { baseUrl }),
);
server.listen({ onUnhandledRequest: 'error' });
try {
  const client = createProfilesClient({ baseUrl, clientId: 'id', clientSecret: 'secret', maxRetries: 0 });
  const page = await client.profiles.list({ limit: 1 });
  assert.equal(page.data[0]?.full_name, 'Ada Lovelace');
  const all = await client.profiles.list({ limit: 1 }).toArray();
  assert.equal(all.length, 2);
  await assert.rejects(client.profiles.get('00000000-0000-4000-8000-000000000000'), NotFoundError);
  await assert.rejects(client.profiles.list({}, { headers: { 'x-mock-fault': '429' } }), RateLimitError);
  console.log(JSON.stringify({ node: process.versions.node, msw: 3, profiles: all.length }));
} finally {
  server.close();
}
