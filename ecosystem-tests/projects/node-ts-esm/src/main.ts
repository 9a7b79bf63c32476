import { exercise } from './exercise.js';

const baseUrl = process.env.MOCK_URL;
if (!baseUrl) throw new Error('MOCK_URL is not set');
// With the Node it ran on: the runner runs it on each Node line and checks that it did.
console.log(JSON.stringify({ ...(await exercise(baseUrl)), node: process.version }));
