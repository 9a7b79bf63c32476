import {
  describeRule,
  issueText,
  type ParameterIssue,
  readParameters,
} from '@insightiq/profiles-spec/parameters';
import { type Command, Option } from 'commander';
import { type OperationId, ruleOf, rulesOf } from './contract.js';
import { UsageError } from './io.js';

/** The flag of a client option or a contract parameter, for messages: `user_id` → `--user-id`. */
const FLAGS: Record<string, string> = { environment: '--env', id: 'argument <id>' };
export const flagOf = (param: string) =>
  FLAGS[param] ?? `--${param.replace(/_/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** ` (got "2.5")`: the value as given, or nothing when there was none. */
const gotText = (got: unknown) => (got === undefined ? '' : ` (got ${JSON.stringify(got) ?? String(got)})`);

/** A flag's value that breaks its rule, as a usage error: `--max-pages must be an integer >= 1 (got "0")`. */
const broken = (flag: string, rule: string, got: unknown) => new UsageError(`${flag} ${rule}${gotText(got)}`);

/** A contract parameter's issue, as a usage error naming the flag: `--limit must be an integer between 1 and 100 (got "2.5")`. */
const issueError = (issue: ParameterIssue) =>
  new UsageError(`${issueText(issue, flagOf(issue.name))}${gotText(issue.got)}`);

/** Every value of a repeated flag, in order: the contract's checker refuses more than one. */
const collect = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/**
 * The option of a contract parameter: its help is `what` and the contract's rule and default
 * (`profiles per page: must be an integer between 1 and 100 (default 10)`), and its texts are collected
 * as given, for `readFlags` to check with the contract's checker. `fallback` is the command's own
 * default where it differs from the API's.
 */
export function parameterOption(
  operationId: OperationId,
  name: string,
  what: string,
  fallback: unknown = ruleOf(operationId, name).default,
): Option {
  const rule = ruleOf(operationId, name);
  const help = `${what}: ${rule.rule}${fallback === undefined ? '' : ` (default ${fallback})`}`;
  return new Option(`${flagOf(name)} <${rule.type === 'integer' ? 'n' : 'id'}>`, help).argParser(collect);
}

/** The help of a contract parameter given as an argument: `the profile id: must be a UUID`. */
export const parameterHelp = (operationId: OperationId, name: string, what: string) =>
  `${what}: ${ruleOf(operationId, name).rule}`;

/** The texts given for an operation's parameter flags, by parameter name (`--user-id` → `user_id`). */
export function parameterTexts(command: Command, operationId: OperationId): Record<string, string[]> {
  const texts: Record<string, string[]> = {};
  for (const { name } of rulesOf(operationId)) {
    const value = command.getOptionValue(new Option(flagOf(name)).attributeName());
    if (value !== undefined) texts[name] = value;
  }
  return texts;
}

/**
 * Reads the given parameter flags of an operation with the contract's one checker (`readParameters`):
 * integers converted, a repeated flag refused. Only the flags given: the API applies its own
 * defaults. Throws a `UsageError` naming the flag for the first value that breaks its rule.
 */
export function readFlags(
  operationId: OperationId,
  texts: Record<string, string | readonly string[] | undefined>,
): Record<string, unknown> {
  const given = rulesOf(operationId).filter((r) => texts[r.name] !== undefined);
  const path = Object.fromEntries(
    Object.entries(texts).map(([name, t]) => [name, typeof t === 'string' ? t : t?.[0]]),
  );
  const { values, issues } = readParameters(given, { query: texts, path });
  if (issues[0]) throw issueError(issues[0]);
  return values;
}

/** The words of the local check of flags that are not contract parameters: `must be an integer >= 1`. */
const POSITIVE = describeRule({ type: 'integer', minimum: 1 });

/** An option (not a contract parameter: `--max`, `--max-pages`, `--timeout-ms`) that takes an integer >= 1. */
export const positiveOption = (flags: string, description: string) => {
  const option = new Option(flags, description);
  return option.argParser((text: string) => {
    const value = /^\+?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= 1)) throw broken(option.long as string, POSITIVE, text);
    return value;
  });
};

/**
 * An option that takes one of its choices, worded as the other flags' rules are (`--format must be
 * one of table, json (got "xml")`), not commander's `argument 'xml' is invalid`.
 */
export const choiceOption = (flags: string, description: string, choices: readonly string[]) => {
  const option = new Option(flags, description).choices(choices);
  return option.argParser((text: string) => {
    if (!choices.includes(text))
      throw broken(option.long as string, `must be one of ${choices.join(', ')}`, text);
    return text;
  });
};
