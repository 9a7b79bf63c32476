import createClientExport from 'openapi-fetch';

/**
 * openapi-fetch's `createClient`, in both of this package's builds. In the ESM build the default
 * import is the function. In the CommonJS build esbuild converts `require('openapi-fetch')` the way
 * Node does for a `type: module` source, so the default import is openapi-fetch's whole CommonJS
 * `exports` object (it sets `exports.default` without `__esModule`), and the function is its
 * `default`. The ecosystem tests' CommonJS setups (plain `require`, TypeScript to CommonJS, Jest)
 * fail if this breaks.
 */
export const createClient: typeof createClientExport =
  (createClientExport as unknown as { default?: typeof createClientExport }).default ?? createClientExport;
