import { ValidationError } from '../errors.js';
import type { ParameterRule } from '../generated/contract.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws a ValidationError, in the contract's words, for the first value that breaks its rule. */
export function checkParameters(rules: readonly ParameterRule[], values: object): void {
  for (const r of rules) {
    const v = (values as Record<string, unknown>)[r.name];
    if (v === undefined) {
      if (r.required) throw new ValidationError(r.name, `is required and ${r.rule}`);
      continue;
    }
    const broken =
      r.type === 'integer'
        ? !Number.isSafeInteger(v) ||
          (v as number) < (r.minimum ?? Number.NEGATIVE_INFINITY) ||
          (v as number) > (r.maximum ?? Number.POSITIVE_INFINITY)
        : typeof v !== 'string' || (r.format === 'uuid' && !UUID.test(v));
    if (broken) throw new ValidationError(r.name, r.rule, v);
  }
}

/** Throws a ValidationError unless `value` is an integer of at least `min` (an option, not a parameter). */
export function checkInteger(name: string, value: unknown, min: number): void {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new ValidationError(name, `must be an integer >= ${min}`, value);
  }
}
