import { describe, expect, it } from 'vitest';
import { openapi } from '../../src/index.js';
import {
  escapePointer,
  followRefs,
  parsePointer,
  pointerPattern,
  valueAtPointer,
} from '../../src/pointer.js';

describe('JSON pointers (RFC 6901)', () => {
  const doc = { 'a/b': { 'm~n': 1, '~1': 2 }, '': { x: 3 }, list: [10, 20] };

  it('escapes ~ as ~0 and / as ~1, in that order', () => {
    expect(escapePointer('/v1/profiles/{id}')).toBe('~1v1~1profiles~1{id}');
    expect(escapePointer('m~n')).toBe('m~0n');
    expect(escapePointer('~1')).toBe('~01');
  });

  it('unescapes ~1 before ~0, so that ~01 is the key "~1" and not "/"', () => {
    expect(parsePointer('/a~1b/m~0n')).toEqual(['a/b', 'm~n']);
    expect(parsePointer('#/a~1b/~01')).toEqual(['a/b', '~1']);
    expect(valueAtPointer(doc, '/a~1b/~01')).toBe(2);
    expect(valueAtPointer(doc, '#/a~1b/m~0n')).toBe(1);
  });

  it('reads the whole document, empty keys and array indexes', () => {
    expect(valueAtPointer(doc, '')).toBe(doc);
    expect(valueAtPointer(doc, '#')).toBe(doc);
    expect(valueAtPointer(doc, '//x')).toBe(3);
    expect(valueAtPointer(doc, '/list/1')).toBe(20);
  });

  it('answers undefined where nothing is, and refuses what is not a pointer', () => {
    expect(valueAtPointer(doc, '/a~1b/missing')).toBeUndefined();
    expect(valueAtPointer(doc, '/list/1/deeper')).toBeUndefined();
    expect(valueAtPointer(doc, '/toString')).toBeUndefined();
    expect(() => parsePointer('a/b')).toThrow('not a JSON pointer: "a/b"');
  });

  it('follows $refs through the contract to where the value lives, and stops at a cycle', () => {
    const ref = openapi.paths['/v1/profiles']?.get?.parameters?.[0];
    const { value, pointer } = followRefs(openapi, ref, '/paths/~1v1~1profiles/get/parameters/0');
    expect(pointer).toBe('/components/parameters/Limit');
    expect(value).toMatchObject({ name: 'limit', in: 'query' });
    const loop = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    expect(followRefs(loop, loop.a, '/a').pointer).toBe('/a');
    expect(followRefs(doc, 5, '/x')).toEqual({ value: 5, pointer: '/x' });
  });

  it('folds array indexes into * for counting, and leaves numeric-looking names inside tokens alone', () => {
    expect(pointerPattern('/body/data/12/gender')).toBe('/body/data/*/gender');
    expect(pointerPattern('/body/data/0')).toBe('/body/data/*');
    expect(pointerPattern('/body/a2/x3y')).toBe('/body/a2/x3y');
    expect(pointerPattern('')).toBe('');
  });
});
