// The spec package from `require`: the bundled document and the validator check a live mock response.
const { readFileSync } = require('node:fs');
const { openapi } = require('@insightiq/profiles-spec');
const { createContractValidator } = require('@insightiq/profiles-spec/validate');

async function main() {
  const onDisk = JSON.parse(readFileSync(require.resolve('@insightiq/profiles-spec/openapi.json'), 'utf8'));
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
      module: 'cjs',
      version: openapi.info.version,
      sameAsFile: onDisk.info.version === openapi.info.version,
      paths: Object.keys(openapi.paths),
      issues: issues.length,
      brokenIssues: broken.map((i) => i.pointer),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
