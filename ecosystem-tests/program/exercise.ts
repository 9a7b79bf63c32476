// The consumer program of the ecosystem tests: what a service using the client does, against the
// mock. The runner copies this file into each TypeScript setup (Node ESM and CommonJS, the browser
// bundle, Deno, Bun), which runs it with its own compiler, module system and runtime.
import {
  createProfilesClient,
  NotFoundError,
  type Profile,
  RateLimitError,
} from '@insightiq/profiles-client';

/** What one run saw; the setup prints it as JSON and the runner checks it. */
export interface Report {
  /** Profiles read by `for await` across pages of 3. */
  listed: number;
  /** Distinct ids among them (pages must not overlap). */
  distinct: number;
  /** Profiles on one work platform, and whether every one of them is on it. */
  filtered: number;
  filterHolds: boolean;
  /** The id fetched with `get`, and whether it came back. */
  got: string;
  /** The error classes caught: `NotFoundError` and `RateLimitError`. */
  caught: string[];
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export async function exercise(baseUrl: string): Promise<Report> {
  const client = createProfilesClient({
    baseUrl,
    clientId: 'ecosystem-client-id',
    clientSecret: 'ecosystem-client-secret',
    maxRetries: 0,
  });

  const listed: Profile[] = [];
  for await (const profile of client.profiles.list({ limit: 3 }, { maxItems: 10 })) {
    listed.push(profile);
  }
  const first = listed[0];
  if (!first) throw new Error('the list was empty');

  const platform = first.work_platform.id;
  const page = await client.profiles.list({ work_platform_id: platform, limit: 100 });

  const one = await client.profiles.get(first.id);

  const caught: string[] = [];
  try {
    await client.profiles.get(UNKNOWN_ID);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    caught.push(error.name);
  }
  try {
    await client.profiles.list({ limit: 1 }, { headers: { 'x-mock-fault': '429' } });
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error;
    caught.push(error.name);
  }

  return {
    listed: listed.length,
    distinct: new Set(listed.map((p) => p.id)).size,
    filtered: page.data.length,
    filterHolds: page.data.every((p) => p.work_platform.id === platform),
    got: one.id === first.id ? one.id : `wrong profile ${one.id}`,
    caught,
  };
}
