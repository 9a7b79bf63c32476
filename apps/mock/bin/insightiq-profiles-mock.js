#!/usr/bin/env node
// The mock's command; it exists before the first build so that installing the workspace can link it.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    console.error(
      'insightiq-profiles-mock: not built yet. Run `pnpm build` (or `pnpm --filter @insightiq/profiles-mock build`) first.',
    );
    process.exit(1);
  }
  throw error;
});
