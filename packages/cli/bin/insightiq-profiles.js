#!/usr/bin/env node
// The CLI's command; it exists before the first build so that installing the workspace can link it.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(error.message))) {
    console.error(
      'insightiq-profiles: not built yet. Run `pnpm build` (or `pnpm --filter @insightiq/profiles-cli build`) first.',
    );
    process.exit(2);
  }
  throw error;
});
