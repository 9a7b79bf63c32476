import { openapi } from '@insightiq/profiles-spec';
import { describe, expect, it } from 'vitest';
import {
  extraRules,
  optionalResponseHeaders,
  removedResponseSchemas,
  renamedPathTemplates,
} from '../src/extra-rules.mjs';

type Doc = any;
const changed = (mutate: (d: Doc) => void): Doc => {
  const doc = structuredClone(openapi) as Doc;
  mutate(doc);
  return doc;
};
const renamePath = (d: Doc, from: string, to: string) => {
  d.paths[to] = d.paths[from];
  delete d.paths[from];
};
const listBody = (d: Doc) => d.paths['/v1/profiles'].get.responses['200'];

describe('the kit rules cover only what redocly diff misses', () => {
  it('find nothing between the contract and itself', () => {
    expect(extraRules(openapi, structuredClone(openapi))).toEqual([]);
  });

  it('path-template-renamed: a template renamed, not a path removed (redocly: path-removed)', () => {
    const renamed = changed((d) => renamePath(d, '/v1/profiles/{id}', '/v1/profiles/{profile_id}'));
    expect(renamedPathTemplates(openapi, renamed)).toEqual([
      {
        impact: 'major',
        rule: 'path-template-renamed',
        pointer: '/paths/~1v1~1profiles~1{profile_id}',
        operation: '/v1/profiles/{id}',
        message: 'path template renamed to /v1/profiles/{profile_id}',
      },
    ]);
    const moved = changed((d) => renamePath(d, '/v1/profiles/{id}', '/v2/profiles/{id}'));
    expect(renamedPathTemplates(openapi, moved)).toEqual([]);
  });

  it('response-schema-removed: a schema removed, not a media type or response (redocly rates those)', () => {
    const noSchema = changed((d) => delete listBody(d).content['application/json'].schema);
    expect(removedResponseSchemas(openapi, noSchema)).toEqual([
      {
        impact: 'major',
        rule: 'response-schema-removed',
        pointer: '/paths/~1v1~1profiles/get/responses/200/content/application~1json',
        operation: 'GET /v1/profiles',
        message: '200 application/json: schema removed',
      },
    ]);
    expect(
      removedResponseSchemas(
        openapi,
        changed((d) => delete listBody(d).content),
      ),
    ).toEqual([]);
    const noResponse = changed((d) => delete d.paths['/v1/profiles'].get.responses['200']);
    expect(removedResponseSchemas(openapi, noResponse)).toEqual([]);
  });

  it('response-header-made-optional: once per shared header, through $refs; not a removed one', () => {
    const optional = changed((d) => (d.components.headers.RequestId.required = false));
    // request-id is one component header, on every response of both operations: reported once.
    expect(optionalResponseHeaders(openapi, optional).length).toBeGreaterThan(1);
    expect(extraRules(openapi, optional)).toEqual([
      {
        impact: 'major',
        rule: 'response-header-made-optional',
        pointer: '/components/headers/RequestId/required',
        operation: 'GET /v1/profiles',
        message: '200 header request-id: no longer required',
      },
    ]);
    expect(
      optionalResponseHeaders(
        openapi,
        changed((d) => delete listBody(d).headers),
      ),
    ).toEqual([]);
    // An optional header made required, or staying optional, is no change for readers.
    const retryAfter = changed((d) => (d.components.headers.RetryAfter.required = true));
    expect(optionalResponseHeaders(openapi, retryAfter)).toEqual([]);
  });
});
