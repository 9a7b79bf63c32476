import { openapi } from '@insightiq/profiles-spec';
import { type ParameterRule, parameterRules } from '@insightiq/profiles-spec/parameters';

/** The operations of the contract that the CLI calls. */
export type OperationId = 'listProfiles' | 'getProfile';

/**
 * The contract's parameter rules, by operationId: the one source of the flags' checks, their help, and
 * `verify`'s bounds (read once).
 */
const RULES = parameterRules(openapi);

/** The rules of an operation's parameters, in the contract's order. */
export const rulesOf = (operationId: OperationId): readonly ParameterRule[] => RULES[operationId] ?? [];

/** The rule of one parameter; throws when the contract has no such parameter. */
export function ruleOf(operationId: OperationId, name: string): ParameterRule {
  const rule = rulesOf(operationId).find((r) => r.name === name);
  if (!rule) throw new Error(`contract: ${operationId} has no parameter ${name}`);
  return rule;
}
