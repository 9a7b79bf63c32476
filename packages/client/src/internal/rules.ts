import { checkValues, type ParameterRule } from '@insightiq/profiles-spec/parameters';
import { ValidationError } from '../errors.js';

/**
 * Throws a ValidationError, in the contract's words, for the first value that breaks its rule. The
 * check is the spec package's one parameter checker, bundled into the client at build time.
 */
export function checkParameters(rules: readonly ParameterRule[], values: object): void {
  const issue = checkValues(rules, values);
  if (issue) throw new ValidationError(issue.name, issue.rule, issue.got);
}

/** Throws a ValidationError unless `value` is an integer of at least `min` (an option, not a parameter). */
export function checkInteger(name: string, value: unknown, min: number): void {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new ValidationError(name, `must be an integer >= ${min}`, value);
  }
}
