import { hash } from './prng.js';

/**
 * The ids of generated records, which carry their index: a UUID (version 4 layout) whose first 20
 * hex digits depend only on the seed and the kind of record, and whose last 12 hold the index,
 * scrambled by the seed. So an id leads back to its record without a table: the dataset needs no
 * memory per record, and looking one up costs the same at any size.
 */
const hex = (n: number, digits: number) => (n >>> 0).toString(16).padStart(8, '0').slice(-digits);
const TWO_24 = 2 ** 24;

interface Scheme {
  prefix: string;
  maskHi: number;
  maskLo: number;
}
const schemes = new Map<string, Scheme>();

function scheme(seed: string, kind: string): Scheme {
  const key = `${seed}\u0000${kind}`;
  let s = schemes.get(key);
  if (!s) {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) => hash(`${key}\u0000${n}`)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    s = {
      prefix: `${hex(a, 8)}-${hex(b, 4)}-4${hex(c, 3)}-${'89ab'[d & 3]}${hex(d >>> 4, 3)}-`,
      maskHi: e & 0xffffff,
      maskLo: (e >>> 8) & 0xffffff,
    };
    if (schemes.size > 1000) schemes.clear();
    schemes.set(key, s);
  }
  return s;
}

/** The id of record `index` (0 to 2^48 - 1) of a kind (`profile`, `user`, `account`) for a seed. */
export function encodeId(seed: string, kind: string, index: number): string {
  const { prefix, maskHi, maskLo } = scheme(seed, kind);
  const hi = Math.floor(index / TWO_24) ^ maskHi;
  const lo = (index % TWO_24) ^ maskLo;
  return `${prefix}${hex(hi, 6)}${hex(lo, 6)}`;
}

/** The index an id of this kind and seed carries, or undefined when it is not one. */
export function decodeId(seed: string, kind: string, id: string): number | undefined {
  const { prefix, maskHi, maskLo } = scheme(seed, kind);
  const lower = id.toLowerCase();
  if (lower.length !== 36 || !lower.startsWith(prefix)) return undefined;
  const tail = lower.slice(24);
  if (!/^[0-9a-f]{12}$/.test(tail)) return undefined;
  const hi = Number.parseInt(tail.slice(0, 6), 16) ^ maskHi;
  const lo = Number.parseInt(tail.slice(6), 16) ^ maskLo;
  return hi * TWO_24 + lo;
}
