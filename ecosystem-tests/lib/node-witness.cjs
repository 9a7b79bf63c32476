// Preloaded into every Node process of a row (NODE_OPTIONS=--require): appends the Node that runs it
// (version and binary) and what it runs to the row's log, so that the runner can check that every
// process of the row, npm, npx, shebang scripts and their children, ran on the Node asked for.
const { appendFileSync, realpathSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const log = process.env.INSIGHTIQ_NODE_WITNESS;
if (log && isMainThread) {
  let script = process.argv[1] ?? '(no script)';
  try {
    script = realpathSync(script);
  } catch {}
  appendFileSync(
    log,
    `${JSON.stringify({ version: process.version, execPath: process.execPath, script })}\n`,
  );
}
