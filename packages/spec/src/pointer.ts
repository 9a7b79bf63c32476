/**
 * JSON pointers (RFC 6901) into the contract: the one implementation that the validator, the
 * release tooling, the docs build and the tests use.
 */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1` (`/v1/profiles` → `~1v1~1profiles`). */
export const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The reference tokens of a JSON pointer or of a `#` fragment (`#/paths/~1v1~1profiles`), unescaped. */
export function parsePointer(pointer: string): string[] {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)}`);
  // `~1` before `~0`, so that `~01` reads as `~1` and not as `/`.
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` in `doc`, or `undefined` when nothing is there. */
export function valueAtPointer(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const token of parsePointer(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/**
 * Follows local `$ref`s (`#/...`) from `value`, found at `pointer`, to the value they lead to;
 * returns it with the pointer it lives at. A cycle of `$ref`s stops where it repeats.
 */
export function followRefs(
  doc: unknown,
  value: unknown,
  pointer: string,
): { value: unknown; pointer: string } {
  const seen = new Set<string>();
  let at = pointer;
  let current = value;
  for (;;) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#') || seen.has(ref))
      return { value: current, pointer: at };
    seen.add(ref);
    at = ref.slice(1);
    current = valueAtPointer(doc, ref);
  }
}

/**
 * A pointer with its array indexes as `*` (`/body/data/3/gender` becomes `/body/data/*` then `/gender`), to count
 * one violation once however many items of a list show it.
 */
export const pointerPattern = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');
