import { createProfilesClient } from '@insightiq/profiles-client';

// Credentials come from INSIGHTIQ_CLIENT_ID and INSIGHTIQ_CLIENT_SECRET.
const client = createProfilesClient({ environment: 'sandbox' });

// One page:
const page = await client.profiles.list({ limit: 10, offset: 0 });
console.log(
  page.data.map((profile) => profile.full_name),
  page.requestId,
);

// Every profile, page after page:
for await (const profile of client.profiles.list({ limit: 100 })) {
  console.log(profile.id, profile.platform_username, profile.gender);
}
