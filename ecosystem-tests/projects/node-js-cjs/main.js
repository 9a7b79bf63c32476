// Plain JavaScript with require(): the same steps as program/exercise.ts, the way a CommonJS
// service writes them.
const { createProfilesClient, NotFoundError, RateLimitError } = require('@insightiq/profiles-client');

async function main() {
  const client = createProfilesClient({
    baseUrl: process.env.MOCK_URL,
    clientId: 'ecosystem-client-id',
    clientSecret: 'ecosystem-client-secret',
    maxRetries: 0,
  });
  const listed = [];
  for await (const profile of client.profiles.list({ limit: 3 }, { maxItems: 10 })) listed.push(profile);
  const platform = listed[0].work_platform.id;
  const page = await client.profiles.list({ work_platform_id: platform, limit: 100 });
  const one = await client.profiles.get(listed[0].id);
  const caught = [];
  await client.profiles.get('00000000-0000-4000-8000-000000000000').catch((error) => {
    if (!(error instanceof NotFoundError)) throw error;
    caught.push(error.name);
  });
  await client.profiles.list({ limit: 1 }, { headers: { 'x-mock-fault': '429' } }).catch((error) => {
    if (!(error instanceof RateLimitError)) throw error;
    caught.push(error.name);
  });
  console.log(
    JSON.stringify({
      listed: listed.length,
      distinct: new Set(listed.map((p) => p.id)).size,
      filtered: page.data.length,
      filterHolds: page.data.every((p) => p.work_platform.id === platform),
      got: one.id === listed[0].id ? one.id : `wrong profile ${one.id}`,
      caught,
      node: process.version,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
