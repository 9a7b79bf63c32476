// Compiled to CommonJS: `import` becomes `require('@insightiq/profiles-client')`.
import { exercise } from './exercise.js';

async function main(): Promise<void> {
  const baseUrl = process.env.MOCK_URL;
  if (!baseUrl) throw new Error('MOCK_URL is not set');
  // With the Node it ran on: the runner runs it on each Node line and checks that it did.
  console.log(JSON.stringify({ ...(await exercise(baseUrl)), node: process.version }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
