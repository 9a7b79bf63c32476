/**
 * The parameter rules of the contract, in a form that needs no JSON Schema validator: what the
 * client checks before sending, what the Try it page checks as you type, and the words every part
 * of the kit uses for a broken rule (the mock's 400 messages come from the same `describeRule`).
 */
import { type OpenApiDocument, openapi, type ParameterObject } from './index.js';
import { followRefs } from './pointer.js';

/** One parameter's rule. */
export interface ParameterRule {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  /** `integer` or `string` (the only types the contract's parameters use). */
  type: string;
  /** `uuid` for the id parameters. */
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  /** The rule in words, as errors state it: `must be an integer between 1 and 100`. */
  rule: string;
}

/** The rule a parameter schema states, in words: `must be an integer between 1 and 100`. */
export function describeRule(schema: Record<string, unknown>): string {
  const type =
    schema.type === 'integer' ? 'an integer' : schema.format === 'uuid' ? 'a UUID' : `a ${schema.type}`;
  const { minimum: min, maximum: max } = schema;
  if (typeof min === 'number' && typeof max === 'number') return `must be ${type} between ${min} and ${max}`;
  if (typeof min === 'number') return `must be ${type} >= ${min}`;
  if (typeof max === 'number') return `must be ${type} <= ${max}`;
  return `must be ${type}`;
}

/** The rules of every operation's parameters, by `operationId`, in the contract's order. */
export function parameterRules(document: OpenApiDocument = openapi): Record<string, ParameterRule[]> {
  const rules: Record<string, ParameterRule[]> = {};
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      rules[operation.operationId] = (operation.parameters ?? []).map((ref) => {
        const p = followRefs(document, ref, '').value as ParameterObject;
        const s = p.schema;
        const rule: ParameterRule = {
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          type: String(s.type),
          rule: describeRule(s),
        };
        if (typeof s.format === 'string') rule.format = s.format;
        if (typeof s.minimum === 'number') rule.minimum = s.minimum;
        if (typeof s.maximum === 'number') rule.maximum = s.maximum;
        if (s.default !== undefined) rule.default = s.default;
        return rule;
      });
    }
  }
  return rules;
}
