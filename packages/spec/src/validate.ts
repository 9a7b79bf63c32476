/**
 * Validation against the bundled contract, for tests and mocks: one response (status, headers,
 * body), one named schema, or the parameters of one request.
 *
 * ```ts
 * import { createContractValidator } from '@insightiq/profiles-spec/validate';
 * const contract = createContractValidator();
 * const issues = contract.validateResponse({ operationId: 'listProfiles', status: 200, headers, body });
 * ```
 * JSON Schema 2020-12 (Ajv) with formats: types, formats, enums and required fields are enforced;
 * unknown fields are allowed, as the real API adds them.
 * @packageDocumentation
 */

import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { escapePointer, valueAtPointer } from './pointer.js';
import { describeRule } from './rules.js';

export { escapePointer, followRefs, parsePointer, pointerPattern, valueAtPointer } from './pointer.js';
export { describeRule, type ParameterRule, parameterRules } from './rules.js';

import {
  type HeaderObject,
  type OpenApiDocument,
  type OperationObject,
  openapi,
  type ParameterObject,
  type ResponseObject,
} from './index.js';

/** One way in which a value breaks the contract. */
export interface ContractIssue {
  /** JSON pointer of the offending value: `/status`, `/headers/request-id`, `/body/data/0/id`, or `/data/0/id` for a schema. */
  path: string;
  /** What rule it breaks. */
  message: string;
}

/** One invalid request parameter. */
export interface ParameterIssue {
  /** Where the parameter goes. */
  in: 'query' | 'path';
  /** The parameter's name, such as `limit`. */
  name: string;
  /** The rule it breaks, such as `must be an integer between 1 and 100`. */
  rule: string;
}

/** A response to check against the contract. */
export interface ResponseToValidate {
  operationId: string;
  status: number;
  /** Response headers; names are matched case-insensitively. */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The parsed JSON body (`undefined` when the response has none). */
  body: unknown;
}

/** Validates values against one OpenAPI document. Create it once: compiled schemas are cached. */
export interface ContractValidator {
  /** The method, path template and operation of an operationId; throws on an unknown one. */
  operation(operationId: string): { method: string; path: string; operation: OperationObject };
  /** The issues of a response (an empty array when it conforms). */
  validateResponse(response: ResponseToValidate): ContractIssue[];
  /** The issues of a value against `components.schemas[name]`. */
  validateSchema(name: string, value: unknown): ContractIssue[];
  /**
   * Parses and checks the query and path parameters of a request as the contract declares them.
   * Values come as strings (repeated query keys as arrays); integers are converted. Returns the
   * converted values and every issue, one per parameter.
   */
  validateParameters(
    operationId: string,
    input: {
      query?: URLSearchParams | Record<string, string | string[] | undefined>;
      path?: Record<string, string>;
    },
  ): { values: Record<string, unknown>; issues: ParameterIssue[] };
}

const DOC_ID = 'urn:insightiq:profiles:openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function resolvePointer(doc: unknown, pointer: string): unknown {
  const value = valueAtPointer(doc, pointer);
  if (value === undefined) throw new Error(`contract: nothing at ${pointer}`);
  return value;
}

/** Follows a `$ref` (inside the document) once, returning the value and the pointer it lives at. */
function deref<T>(
  doc: OpenApiDocument,
  value: T | { $ref: string },
  pointer: string,
): { value: T; pointer: string } {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    return { value: resolvePointer(doc, value.$ref) as T, pointer: value.$ref };
  }
  return { value: value as T, pointer };
}

const toIssues = (errors: ErrorObject[] | null | undefined, prefix: string): ContractIssue[] =>
  (errors ?? []).map((e) => ({
    path: prefix + e.instancePath,
    message: e.message ?? e.keyword,
  }));

/** Creates a validator for the bundled contract (or another document of the same shape). */
export function createContractValidator(document: OpenApiDocument = openapi): ContractValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...(document as object), $id: DOC_ID });
  const cache = new Map<string, ValidateFunction>();
  const compiled = (pointer: string): ValidateFunction => {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv.getSchema(`${DOC_ID}${pointer}`);
      if (!fn) throw new Error(`contract: no schema at ${pointer}`);
      cache.set(pointer, fn);
    }
    return fn;
  };

  const operations = new Map<
    string,
    { method: string; path: string; operation: OperationObject; pointer: string }
  >();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) {
        operations.set(operation.operationId, {
          method: method.toUpperCase(),
          path,
          operation,
          pointer: `#/paths/${escapePointer(path)}/${method}`,
        });
      }
    }
  }
  const find = (operationId: string) => {
    const found = operations.get(operationId);
    if (!found)
      throw new Error(
        `contract: unknown operationId "${operationId}"; known: ${[...operations.keys()].join(', ')}`,
      );
    return found;
  };

  const parameters = (operationId: string) => {
    const { operation, pointer } = find(operationId);
    return (operation.parameters ?? []).map((p, i) => {
      const { value, pointer: at } = deref<ParameterObject>(document, p, `${pointer}/parameters/${i}`);
      return { param: value, validate: compiled(`${at}/schema`) };
    });
  };

  return {
    operation(operationId) {
      const { method, path, operation } = find(operationId);
      return { method, path, operation };
    },

    validateSchema(name, value) {
      const fn = compiled(`#/components/schemas/${escapePointer(name)}`);
      return fn(value) ? [] : toIssues(fn.errors, '');
    },

    validateResponse({ operationId, status, headers, body }) {
      const { operation, pointer } = find(operationId);
      const declared = operation.responses[String(status)] ?? operation.responses.default;
      if (!declared) {
        return [
          {
            path: '/status',
            message: `${status} is not a documented status of ${operationId} (${Object.keys(operation.responses).join(', ')})`,
          },
        ];
      }
      const { value: response, pointer: at } = deref<ResponseObject>(
        document,
        declared,
        `${pointer}/responses/${operation.responses[String(status)] ? status : 'default'}`,
      );
      const issues: ContractIssue[] = [];
      const header = (name: string): string | undefined => {
        if (typeof Headers !== 'undefined' && headers instanceof Headers)
          return headers.get(name) ?? undefined;
        const want = name.toLowerCase();
        for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
          if (k.toLowerCase() === want) return Array.isArray(v) ? v.join(', ') : v;
        }
        return undefined;
      };
      for (const [name, h] of Object.entries(response.headers ?? {})) {
        const { value: def, pointer: hAt } = deref<HeaderObject>(
          document,
          h,
          `${at}/headers/${escapePointer(name)}`,
        );
        const got = header(name);
        if (got === undefined) {
          if (def.required) issues.push({ path: `/headers/${name.toLowerCase()}`, message: 'is required' });
          continue;
        }
        const fn = compiled(`${hAt}/schema`);
        if (!fn(got)) issues.push(...toIssues(fn.errors, `/headers/${name.toLowerCase()}`));
      }
      const media = Object.keys(response.content ?? {})[0];
      if (media) {
        const contentType = header('content-type') ?? '';
        if (!contentType.toLowerCase().startsWith(media)) {
          issues.push({ path: '/headers/content-type', message: `must be ${media}, got "${contentType}"` });
        }
        const fn = compiled(`${at}/content/${escapePointer(media)}/schema`);
        if (!fn(body)) issues.push(...toIssues(fn.errors, '/body'));
      }
      return issues;
    },

    validateParameters(operationId, { query, path }) {
      const values: Record<string, unknown> = {};
      const issues: ParameterIssue[] = [];
      const queryValues = (name: string): string[] => {
        if (!query) return [];
        if (query instanceof URLSearchParams) return query.getAll(name);
        const v = query[name];
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      };
      for (const { param, validate } of parameters(operationId)) {
        if (param.in !== 'query' && param.in !== 'path') continue;
        const where = param.in;
        const raw =
          where === 'path'
            ? path?.[param.name] === undefined
              ? []
              : [path[param.name] as string]
            : queryValues(param.name);
        const rule = describeRule(param.schema);
        if (raw.length === 0) {
          if (param.required) issues.push({ in: where, name: param.name, rule: `is required and ${rule}` });
          else if (param.schema.default !== undefined) values[param.name] = param.schema.default;
          continue;
        }
        if (raw.length > 1) {
          issues.push({ in: where, name: param.name, rule: `must be given once, not ${raw.length} times` });
          continue;
        }
        const text = raw[0] as string;
        let value: unknown = text;
        if (param.schema.type === 'integer') {
          value = /^[+-]?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
        }
        if (Number.isNaN(value) || !validate(value)) {
          issues.push({ in: where, name: param.name, rule });
          continue;
        }
        values[param.name] = value;
      }
      return { values, issues };
    },
  };
}
