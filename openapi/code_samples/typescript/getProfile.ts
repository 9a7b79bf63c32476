import { createProfilesClient, NotFoundError } from '@insightiq/profiles-client';

// Credentials come from INSIGHTIQ_CLIENT_ID and INSIGHTIQ_CLIENT_SECRET.
const client = createProfilesClient({ environment: 'sandbox' });

try {
  const profile = await client.profiles.get('3640aa41-55d3-4198-9092-ef9ced03d7fb');
  console.log(profile.full_name, profile.work_platform.name, profile.reputation?.subscriber_count);
} catch (error) {
  if (error instanceof NotFoundError) console.error(`No such profile (request id ${error.requestId})`);
  else throw error;
}
