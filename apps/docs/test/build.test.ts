import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dist = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');

describe('the built site', () => {
  const html = dist('redoc.html');
  const landing = dist('index.html');

  it('inlines Redoc and loads nothing from a CDN', () => {
    // Booleans, so that a failure does not print the 2.5 MB page.
    expect(html.length).toBeGreaterThan(500_000);
    expect(/<script[^>]+src=["']https?:/.test(html), 'a script from the network').toBe(false);
    expect(/<link[^>]+href=["']https?:/.test(html), 'a stylesheet or font from the network').toBe(false);
    expect(html.includes('cdn.redoc.ly'), "Redocly's CDN logo").toBe(false);
    expect(html.includes('<link rel="icon" href="data:,">'), 'the inline favicon').toBe(true);
  });

  it('builds a landing page that loads nothing from the network', () => {
    expect(/<(script|link|img)[^>]+(src|href)=["']https?:/.test(landing), 'a resource from the network').toBe(
      false,
    );
    expect(landing.includes('<link rel="icon" href="data:,">'), 'the inline favicon').toBe(true);
    expect(landing).toContain('<meta name="description" content="');
  });

  it("gives the landing page and Redoc's page the same meta description, the API's summary", () => {
    const description = (page: string) => /<meta name="description" content="([^"]*)">/.exec(page)?.[1];
    expect(description(landing)).toMatch(/^The Profiles API of InsightIQ/);
    expect(description(html)).toBe(description(landing));
  });

  it('offers the bundled contract, unchanged, for download', () => {
    expect(dist('openapi.json')).toBe(
      readFileSync(require.resolve('@insightiq/profiles-spec/openapi.json'), 'utf8'),
    );
    expect(dist('openapi.yaml')).toBe(
      readFileSync(require.resolve('@insightiq/profiles-spec/openapi.yaml'), 'utf8'),
    );
    expect(html.includes('[openapi.json](openapi.json)'), 'the download link').toBe(true);
    expect(landing.includes('<a href="openapi.json">'), 'the download link of the landing page').toBe(true);
  });

  it('builds a self-contained Try it page from the contract', () => {
    const page = dist('try-it.html');
    expect(page).not.toMatch(/(src|href)=["']https?:/);
    expect(page).not.toContain('/*SPEC*/');
    const spec = JSON.parse(
      /<script id="spec" type="application\/json">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}',
    );
    expect(spec.operations.map((o: { operationId: string }) => o.operationId)).toEqual([
      'listProfiles',
      'getProfile',
    ]);
    expect(spec.operations[0].parameters[0]).toMatchObject({
      name: 'limit',
      rule: { minimum: 1, maximum: 100, default: 10, rule: 'must be an integer between 1 and 100' },
    });
    // The kit's one parameter checker is bundled in, not a copy of its rules.
    expect(page).toContain('must be given once, not ');
  });
});
