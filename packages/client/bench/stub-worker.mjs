// One process of the overhead bench's stub measure: the subjects over the in-process stub, `rounds`
// interleaved rounds of 2000 calls; prints each subject's microseconds per call as JSON.
// Usage (by bench/overhead.mjs): node bench/stub-worker.mjs ROUNDS
import { interleaved, stub, subjects } from './subjects.mjs';

const rounds = Number(process.argv[2]);
console.log(JSON.stringify(await interleaved(subjects('https://api.bench', stub), rounds, 2000)));
