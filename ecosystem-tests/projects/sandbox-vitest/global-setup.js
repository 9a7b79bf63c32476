// The HTTP mock for the whole run, as the API reference's "Testing against the sandbox" shows it:
// the client reads INSIGHTIQ_BASE_URL, so the tests need no URL of their own.
import { startMock } from '@insightiq/profiles-mock';

export default async function setup() {
  const mock = await startMock({ port: 0 });
  process.env.INSIGHTIQ_BASE_URL = mock.url;
  return () => mock.close();
}
