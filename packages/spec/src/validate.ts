/**
 * Validation against the bundled contract: one answer (status, headers, body), one named schema, or
 * the parameters of one request. The one conformance checker of the kit: the client's
 * `validateResponses`, the mock's proxy and the CLI's `verify` all run it.
 *
 * ```ts
 * import { createContractValidator } from '@insightiq/profiles-spec/validate';
 * const contract = createContractValidator();
 * const violations = contract.validateResponse({ operationId: 'listProfiles', status: 200, headers, text });
 * ```
 * JSON Schema 2020-12 (Ajv) with formats: types, formats, enums and required fields are enforced;
 * unknown fields are allowed, as the real API adds them.
 * @packageDocumentation
 */

import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  type HeaderObject,
  type OpenApiDocument,
  type OperationObject,
  openapi,
  type ResponseObject,
} from './index.js';
import { type ParameterInput, type ParameterIssue, parameterRules, readParameters } from './parameters.js';
import { escapePointer, followRefs } from './pointer.js';
import type { Violation } from './violations.js';

export { escapePointer, followRefs, parsePointer, pointerPattern, valueAtPointer } from './pointer.js';
export { type Violation, type ViolationGroup, ViolationGroups } from './violations.js';

/** An answer to check against the contract. */
export interface ResponseToValidate {
  operationId: string;
  status: number;
  /** The answer's headers; names are matched case-insensitively. */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The parsed JSON body (`undefined` when the answer has none). Give this or `text`. */
  body?: unknown;
  /** The body as received: parsed here, and a violation at `/body` when it is not JSON. */
  text?: string | undefined;
}

/** Validates values against one OpenAPI document. Create it once: compiled schemas are cached. */
export interface ContractValidator {
  /** The method, path template and operation of an operationId; throws on an unknown one. */
  operation(operationId: string): { method: string; path: string; operation: OperationObject };
  /** The violations of an answer (an empty array when it conforms). */
  validateResponse(response: ResponseToValidate): Violation[];
  /** The violations of a value against `components.schemas[name]`. */
  validateSchema(name: string, value: unknown): Violation[];
  /**
   * Reads and checks the query and path parameters of a request as the contract declares them, with
   * the kit's one parameter checker (`readParameters` of `@insightiq/profiles-spec/parameters`).
   */
  validateParameters(
    operationId: string,
    input: ParameterInput,
  ): { values: Record<string, unknown>; issues: ParameterIssue[] };
}

interface FoundOperation {
  method: string;
  path: string;
  operation: OperationObject;
  pointer: string;
}

const DOC_ID = 'urn:insightiq:profiles:openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const toViolations = (errors: ErrorObject[] | null | undefined, prefix: string): Violation[] =>
  (errors ?? []).map((e) => ({ pointer: prefix + e.instancePath, message: e.message ?? e.keyword }));

/** A header's value by name, from `Headers` or a plain object (several values joined by `, `). */
function headerOf(headers: ResponseToValidate['headers'], name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? v.join(', ') : v;
  }
  return undefined;
}

/** The body of an answer: `body` as given, or `text` parsed; `notJson` when the text is not JSON. */
function bodyOf(response: ResponseToValidate): { body?: unknown; notJson?: Violation } {
  if (response.text === undefined || response.text === '') return { body: response.body };
  try {
    return { body: JSON.parse(response.text) };
  } catch {
    const start = response.text.slice(0, 60).replace(/\s+/g, ' ');
    return { notJson: { pointer: '/body', message: `is not JSON: ${start}${start.length < 60 ? '' : '…'}` } };
  }
}

/** Every operation of a document by operationId. */
function operationsOf(document: OpenApiDocument): Map<string, FoundOperation> {
  const operations = new Map<string, FoundOperation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const pointer = `/paths/${escapePointer(path)}/${method}`;
      operations.set(operation.operationId, { method: method.toUpperCase(), path, operation, pointer });
    }
  }
  return operations;
}

/** Ajv with the document loaded, and its compiled schemas by JSON pointer into the document. */
function schemaCompiler(document: OpenApiDocument): (pointer: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...(document as object), $id: DOC_ID });
  const cache = new Map<string, ValidateFunction>();
  return (pointer) => {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv.getSchema(`${DOC_ID}#${pointer}`);
      if (!fn) throw new Error(`contract: no schema at ${pointer}`);
      cache.set(pointer, fn);
    }
    return fn;
  };
}

/** Creates a validator for the bundled contract (or another document of the same shape). */
export function createContractValidator(document: OpenApiDocument = openapi): ContractValidator {
  const compiled = schemaCompiler(document);
  const operations = operationsOf(document);
  const rules = parameterRules(document);
  const find = (operationId: string): FoundOperation => {
    const found = operations.get(operationId);
    if (found) return found;
    const known = [...operations.keys()].join(', ');
    throw new Error(`contract: unknown operationId "${operationId}"; known: ${known}`);
  };
  const check = (pointer: string, value: unknown, prefix: string): Violation[] => {
    const fn = compiled(pointer);
    return fn(value) ? [] : toViolations(fn.errors, prefix);
  };
  return {
    operation(operationId) {
      const { method, path, operation } = find(operationId);
      return { method, path, operation };
    },
    validateSchema: (name, value) => check(`/components/schemas/${escapePointer(name)}`, value, ''),
    validateResponse: (response) => validateAnswer(document, find(response.operationId), check, response),
    validateParameters(operationId, input) {
      find(operationId);
      return readParameters(rules[operationId] ?? [], input);
    },
  };
}

type Check = (pointer: string, value: unknown, prefix: string) => Violation[];

/** The violations of one answer to `found`: its status, its headers, its content type and its body. */
function validateAnswer(
  document: OpenApiDocument,
  found: FoundOperation,
  check: Check,
  response: ResponseToValidate,
): Violation[] {
  const { operation, pointer } = found;
  const key = operation.responses[String(response.status)] ? String(response.status) : 'default';
  const declared = operation.responses[key];
  if (!declared) {
    const documented = Object.keys(operation.responses).join(', ');
    const message = `${response.status} is not a documented status of ${operation.operationId} (${documented})`;
    return [{ pointer: '/status', message }];
  }
  const at = followRefs(document, declared, `${pointer}/responses/${key}`);
  const violations = headerViolations(document, at, check, response.headers);
  const { value } = at as { value: ResponseObject };
  const media = Object.keys(value.content ?? {})[0];
  if (!media) return violations;
  const contentType = headerOf(response.headers, 'content-type') ?? '';
  if (!contentType.toLowerCase().startsWith(media))
    violations.push({ pointer: '/headers/content-type', message: `must be ${media}, got "${contentType}"` });
  const { body, notJson } = bodyOf(response);
  if (notJson) return [...violations, notJson];
  return [...violations, ...check(`${at.pointer}/content/${escapePointer(media)}/schema`, body, '/body')];
}

/** The violations of an answer's headers against the documented ones (`request-id`, `Retry-After`). */
function headerViolations(
  document: OpenApiDocument,
  at: { value: unknown; pointer: string },
  check: Check,
  headers: ResponseToValidate['headers'],
): Violation[] {
  const violations: Violation[] = [];
  for (const [name, h] of Object.entries((at.value as ResponseObject).headers ?? {})) {
    const def = followRefs(document, h, `${at.pointer}/headers/${escapePointer(name)}`);
    const got = headerOf(headers, name);
    const where = `/headers/${name.toLowerCase()}`;
    if (got === undefined) {
      if ((def.value as HeaderObject).required) violations.push({ pointer: where, message: 'is required' });
    } else {
      violations.push(...check(`${def.pointer}/schema`, got, where));
    }
  }
  return violations;
}
