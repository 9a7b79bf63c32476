import { exercise } from './exercise.js';

const baseUrl = process.env.MOCK_URL;
if (!baseUrl) throw new Error('MOCK_URL is not set');
console.log(JSON.stringify(await exercise(baseUrl)));
