import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderExamples } from '../../scripts/sync-examples.mjs';
import { openapi } from '../../src/index.js';
import { createContractValidator, followRefs } from '../../src/validate.js';

const contract = createContractValidator(openapi);
const deref = (v: any): any => followRefs(openapi, v, '').value;

describe('the bundled document', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(structuredClone(openapi) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is the same document as dist/openapi.yaml', () => {
    const yaml = parse(readFileSync(new URL('../../dist/openapi.yaml', import.meta.url), 'utf8'));
    expect(yaml).toEqual(openapi);
  });

  it('declares the two operations with every parameter, status and the request-id header', () => {
    const list = contract.operation('listProfiles');
    const get = contract.operation('getProfile');
    expect([list.method, list.path, get.method, get.path]).toEqual([
      'GET',
      '/v1/profiles',
      'GET',
      '/v1/profiles/{id}',
    ]);
    const params = (list.operation.parameters ?? []).map(deref);
    expect(
      params.map((p: any) => [
        p.name,
        p.schema.type,
        p.schema.minimum,
        p.schema.maximum,
        p.schema.default,
        p.schema.format,
      ]),
    ).toEqual([
      ['limit', 'integer', 1, 100, 10, undefined],
      ['offset', 'integer', 0, Number.MAX_SAFE_INTEGER, 0, undefined],
      ['user_id', 'string', undefined, undefined, undefined, 'uuid'],
      ['work_platform_id', 'string', undefined, undefined, undefined, 'uuid'],
      ['account_id', 'string', undefined, undefined, undefined, 'uuid'],
    ]);
    expect(Object.keys(list.operation.responses)).toEqual(['200', '400', '401', '403', '429', '500']);
    expect(Object.keys(get.operation.responses)).toEqual(['200', '400', '401', '403', '404', '429', '500']);
    for (const op of [list, get]) {
      for (const [status, response] of Object.entries(op.operation.responses)) {
        expect(deref(deref(response).headers['request-id']).required, `${op.path} ${status}`).toBe(true);
      }
    }
    expect(openapi.security).toEqual([{ basic: [] }]);
    expect(openapi.components.securitySchemes?.basic).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(openapi.servers.map((s) => s.url)).toEqual([
      'https://api.insightiq.ai',
      'https://api.sandbox.insightiq.ai',
      'https://api.staging.insightiq.ai',
    ]);
    // The published contract describes the API, not this repository: the docs add the local mock.
    expect(JSON.stringify(openapi)).not.toMatch(/127\.0\.0\.1|localhost|pnpm/);
  });

  it('uses only formats that the validator knows, so none is silently ignored', () => {
    const formats = new Set<string>();
    JSON.stringify(openapi, (key, value) => {
      if (key === 'format' && typeof value === 'string') formats.add(value);
      return value;
    });
    expect([...formats].sort()).toEqual(['date', 'uri', 'uuid']);
  });
});

describe('every example in the document', () => {
  const cases: Array<[string, string, number, unknown]> = [];
  const withoutExample: string[] = [];
  for (const item of Object.values(openapi.paths)) {
    for (const op of Object.values(item)) {
      for (const [status, ref] of Object.entries(op.responses)) {
        const examples = Object.entries<any>(deref(ref).content?.['application/json']?.examples ?? {});
        if (examples.length === 0) withoutExample.push(`${op.operationId} ${status}`);
        for (const [name, ex] of examples) {
          cases.push([
            `${op.operationId} ${status} ${name}`,
            op.operationId,
            Number(status),
            deref(ex).value,
          ]);
        }
      }
    }
  }

  it('has an example for every response of every operation', () => {
    expect(withoutExample).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s validates against its response schema', (_name, operationId, status, body) => {
    const issues = contract.validateResponse({
      operationId,
      status,
      headers: { 'content-type': 'application/json', 'request-id': '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11' },
      body,
    });
    expect(issues).toEqual([]);
    if (status >= 400) expect((body as any).error.http_status_code).toBe(status);
  });

  it('every parameter example validates against its schema', () => {
    for (const operationId of ['listProfiles', 'getProfile']) {
      for (const p of (contract.operation(operationId).operation.parameters ?? []).map(deref)) {
        const { issues } = contract.validateParameters(operationId, {
          [p.in]: { [p.name]: String(p.example) },
        });
        expect(issues, `${operationId} ${p.name}`).toEqual([]);
      }
    }
  });

  it('every header example validates against its schema', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const headers: Array<[string, any]> = Object.entries(openapi.components.headers ?? {});
    for (const item of Object.values(openapi.paths)) {
      for (const op of Object.values(item)) {
        for (const response of Object.values(op.responses).map(deref)) {
          for (const [name, header] of Object.entries<any>(response.headers ?? {})) {
            if (!header.$ref) headers.push([name, header]);
          }
        }
      }
    }
    const withExamples = headers.filter(([, h]) => h.example !== undefined);
    expect([...new Set(withExamples.map(([name]) => name))].sort()).toEqual([
      'RequestId',
      'RetryAfter',
      'WWW-Authenticate',
    ]);
    for (const [name, header] of withExamples)
      expect(ajv.validate(header.schema, header.example), name).toBe(true);
  });

  it('every schema example validates against its schema', () => {
    let checked = 0;
    for (const name of Object.keys(openapi.components.schemas)) {
      for (const ex of (openapi.components.schemas[name]?.examples as unknown[]) ?? []) {
        expect(contract.validateSchema(name, ex), name).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the YAML examples generated from the verbatim sample are current', () => {
    for (const { path, text } of renderExamples()) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });
});
