// One process of the overhead bench's stub measure: the subjects over the in-process stub, `rounds`
// interleaved rounds of 200 calls; prints `interleaved`'s figures (microseconds per call, and each
// subject's median ratio to openapi-fetch in the same round) as JSON.
// Usage (by bench/overhead.mjs): node bench/stub-worker.mjs ROUNDS
import { interleaved, stub, subjects } from './subjects.mjs';

const rounds = Number(process.argv[2]);
console.log(JSON.stringify(await interleaved(subjects('https://api.bench', stub), rounds, 200)));
