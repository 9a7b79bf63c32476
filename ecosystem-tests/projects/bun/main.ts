// Bun runs the TypeScript program as it is, resolving the client from this project's node_modules.
import { exercise } from './exercise.ts';

const baseUrl = Bun.env.MOCK_URL;
if (!baseUrl) throw new Error('MOCK_URL is not set');
console.log(JSON.stringify(await exercise(baseUrl)));
