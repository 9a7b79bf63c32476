/**
 * The parameter rules of the contract and the one checker of parameter values: whether a value keeps
 * its rule, and the words of the problem when it does not. Every part of the kit runs this code: the
 * client (bundled into it, before it sends), the sandbox and the mock (their 400s), the docs' Try it
 * page (as you type), and the CLI (its flags, and `verify`). It loads no document and no JSON Schema
 * validator, so a bundle that takes it stays small.
 *
 * ```ts
 * import { openapi } from '@insightiq/profiles-spec';
 * import { parameterRules, readParameters } from '@insightiq/profiles-spec/parameters';
 * const rules = parameterRules(openapi).listProfiles;
 * readParameters(rules, { query: new URLSearchParams('limit=0') }).issues;
 * // [{ in: 'query', name: 'limit', rule: 'must be an integer between 1 and 100', got: '0' }]
 * ```
 * @packageDocumentation
 */

import { followRefs } from './pointer.js';

/** One parameter's rule, as the contract states it. */
export interface ParameterRule {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  /** Present (true) when the parameter must be sent. */
  readonly required?: boolean;
  /** `integer` or `string`: the types the contract's parameters use. */
  readonly type: string;
  /** `uuid` for the id parameters. */
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** The value the API uses when the parameter is not sent. */
  readonly default?: unknown;
  /** The rule in words, as every error states it: `must be an integer between 1 and 100`. */
  readonly rule: string;
}

/** One parameter value that breaks its rule. */
export interface ParameterIssue {
  in: ParameterRule['in'];
  /** The parameter, such as `limit`. */
  name: string;
  /** What is wrong, in the contract's words: `must be an integer between 1 and 100`. */
  rule: string;
  /** The value as it was given, when one was (a text, or a list of texts when repeated). */
  got?: unknown;
}

/** What a parameter is read from: the query (repeated keys as arrays) and the path. */
export interface ParameterInput {
  query?: URLSearchParams | Record<string, string | readonly string[] | undefined> | undefined;
  path?: Record<string, string | undefined> | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The integers a parameter's text can hold: at most 16 digits, as a JavaScript number can. */
const INTEGER_TEXT = /^[+-]?\d{1,16}$/;

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

/** What this checker understands of a parameter schema: anything else would go unchecked. */
const UNDERSTOOD: Record<string, (v: unknown) => boolean> = {
  type: (v) => v === 'integer' || v === 'string',
  format: (v) => v === 'uuid',
  minimum: (v) => typeof v === 'number',
  maximum: (v) => typeof v === 'number',
  default: () => true,
  description: () => true,
  example: () => true,
};

/** Throws unless this checker enforces everything `schema` says (of parameter `name`). */
function assertUnderstood(name: string, schema: Record<string, unknown>): void {
  for (const [keyword, value] of Object.entries(schema)) {
    if (!UNDERSTOOD[keyword]?.(value))
      throw new Error(
        `parameter ${name}: the kit's checker (packages/spec/src/parameters.ts) does not enforce ${keyword}: ${JSON.stringify(value)}; teach it before the contract uses it`,
      );
  }
}

/** A contract document as `parameterRules` reads it. */
interface DocumentWithParameters {
  paths: Record<string, Record<string, { operationId: string; parameters?: unknown[] }>>;
}

/**
 * The rules of every operation's parameters, by `operationId`, in the contract's order. Throws when
 * a parameter's schema says something the checker does not enforce (a `pattern`, an `enum`, ...).
 */
export function parameterRules(document: DocumentWithParameters): Record<string, ParameterRule[]> {
  const rules: Record<string, ParameterRule[]> = {};
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      rules[operation.operationId] = (operation.parameters ?? []).map((ref) => {
        const p = followRefs(document, ref, '').value as {
          name: string;
          in: ParameterRule['in'];
          required?: boolean;
          schema: Record<string, unknown>;
        };
        assertUnderstood(p.name, p.schema);
        const { type, format, minimum, maximum, default: fallback } = p.schema;
        const rule = { name: p.name, in: p.in, required: p.required || undefined, type, format, minimum };
        const all = { ...rule, maximum, default: fallback, rule: describeRule(p.schema) };
        return Object.fromEntries(
          Object.entries(all).filter(([, v]) => v !== undefined),
        ) as unknown as ParameterRule;
      });
    }
  }
  return rules;
}

/** Whether a JavaScript value keeps a rule's type, format and bounds. */
function keeps(rule: ParameterRule, value: unknown): boolean {
  if (rule.type === 'integer')
    return (
      Number.isSafeInteger(value) &&
      (value as number) >= (rule.minimum ?? Number.NEGATIVE_INFINITY) &&
      (value as number) <= (rule.maximum ?? Number.POSITIVE_INFINITY)
    );
  if (rule.type === 'string')
    return typeof value === 'string' && (rule.format !== 'uuid' || UUID.test(value));
  return false;
}

/** The issue of a missing parameter, or undefined when it may be left out. */
const missing = (rule: ParameterRule): ParameterIssue | undefined =>
  rule.required ? { in: rule.in, name: rule.name, rule: `is required and ${rule.rule}` } : undefined;

/**
 * The first value that breaks its rule, for a caller that passes typed values (the client's
 * `{ limit: 10 }`): a string is not an integer here, and an array of several values is a repeated
 * parameter. Undefined when every value keeps its rule.
 */
export function checkValues(rules: readonly ParameterRule[], values: object): ParameterIssue | undefined {
  for (const rule of rules) {
    const value = (values as Record<string, unknown>)[rule.name];
    if (value === undefined) {
      const issue = missing(rule);
      if (issue) return issue;
    } else if (Array.isArray(value) && value.length > 1) {
      return {
        in: rule.in,
        name: rule.name,
        rule: `must be given once, not ${value.length} times`,
        got: value,
      };
    } else if (!keeps(rule, value)) {
      return { in: rule.in, name: rule.name, rule: rule.rule, got: value };
    }
  }
  return undefined;
}

/** The texts sent for one parameter: none, one, or several when a query repeats it. */
function textsOf(rule: ParameterRule, input: ParameterInput): readonly string[] {
  const source = rule.in === 'path' ? input.path : input.query;
  if (!source) return [];
  if (source instanceof URLSearchParams) return source.getAll(rule.name);
  const value = (source as Record<string, string | readonly string[] | undefined>)[rule.name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/** One parameter read from its texts: its value (the default when absent), or its issue. */
function readOne(rule: ParameterRule, texts: readonly string[]): { value?: unknown; issue?: ParameterIssue } {
  if (texts.length === 0) {
    const issue = missing(rule);
    return issue ? { issue } : rule.default === undefined ? {} : { value: rule.default };
  }
  const at = { in: rule.in, name: rule.name };
  if (texts.length > 1)
    return { issue: { ...at, rule: `must be given once, not ${texts.length} times`, got: [...texts] } };
  const text = texts[0] as string;
  const value = rule.type === 'integer' ? (INTEGER_TEXT.test(text) ? Number(text) : Number.NaN) : text;
  return keeps(rule, value) ? { value } : { issue: { ...at, rule: rule.rule, got: text } };
}

/**
 * Reads every parameter of a request from text, as a URL or a command line carries it: integers are
 * converted, defaults applied, a repeated parameter refused. Returns the values and one issue per
 * parameter that breaks its rule.
 */
export function readParameters(
  rules: readonly ParameterRule[],
  input: ParameterInput,
): { values: Record<string, unknown>; issues: ParameterIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: ParameterIssue[] = [];
  for (const rule of rules) {
    if (rule.in !== 'query' && rule.in !== 'path') continue;
    const { value, issue } = readOne(rule, textsOf(rule, input));
    if (issue) issues.push(issue);
    else if (value !== undefined) values[rule.name] = value;
  }
  return { values, issues };
}

/** An issue in one line, as the Try it page and the command line show it: `limit must be an integer between 1 and 100`. */
export const issueText = (issue: ParameterIssue, name = issue.name): string => `${name} ${issue.rule}`;
