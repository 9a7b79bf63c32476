// The spec package from `import`: the bundled document and the validator check a live mock response.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openapi } from '@insightiq/profiles-spec';
import { createContractValidator } from '@insightiq/profiles-spec/validate';

const file = createRequire(import.meta.url).resolve('@insightiq/profiles-spec/openapi.json');
const onDisk = JSON.parse(readFileSync(file, 'utf8'));
const contract = createContractValidator();
const res = await fetch(`${process.env.MOCK_URL}/v1/profiles?limit=2`, {
  headers: { authorization: `Basic ${btoa('ecosystem-client-id:ecosystem-client-secret')}` },
});
const body = await res.json();
const issues = contract.validateResponse({
  operationId: 'listProfiles',
  status: res.status,
  headers: res.headers,
  body,
});
const broken = contract.validateSchema('Profile', { ...body.data[0], id: 42 });
console.log(
  JSON.stringify({
    module: 'esm',
    version: openapi.info.version,
    sameAsFile: onDisk.info.version === openapi.info.version,
    paths: Object.keys(openapi.paths),
    issues: issues.length,
    brokenIssues: broken.map((i) => i.pointer),
  }),
);
