// Child processes for the runner: each command's output is kept and shown only when it fails. Every
// command runs in its own process group (npx, `sh -c` and npm start children of their own, and a
// mock starts Prism), so that a limit that runs out stops all of it, and no wait outlives its limit.
import { execFileSync, spawn } from 'node:child_process';
import { delimiter } from 'node:path';

/** The last `lines` lines of `output`, or a note that there was none. */
export function lastLines(output, lines = 40) {
  const tail = String(output).trim().split('\n').slice(-lines).join('\n');
  return tail ? `its last output:\n${tail}` : 'it printed nothing';
}

/** Why a command failed, with the tail of what it printed. */
export class CommandError extends Error {
  constructor(command, detail, output, cwd) {
    super(`${command} ${detail}${cwd ? ` (in ${cwd})` : ''}; ${lastLines(output)}`);
    this.name = 'CommandError';
    this.output = output;
  }
}

/**
 * The environment of every process the runner starts: the runner's own, without what pnpm put in it
 * for the runner's script. pnpm's shim for the repository's `node` sets NODE_PATH to the
 * repository's hoisted packages (node_modules/.pnpm/node_modules): a consumer project would resolve
 * packages it never installed there (Prism among them). pnpm's PATH entries (node_modules/.bin of the
 * workspace and the repository) would give it the repository's tools, and its `npm_*` variables are
 * the runner script's, not the consumer's. Consumers see the machine as a team's service would.
 */
export function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key === 'NODE_PATH' ||
      key === 'INIT_CWD' ||
      /^PNPM_/.test(key) ||
      /^npm_(lifecycle|package)_/.test(key) ||
      /^npm_(command|execpath|node_execpath)$/.test(key) ||
      /^(npm|pnpm)_config_(user_agent|verify_deps_before_run)$/.test(key)
    )
      delete env[key];
  }
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !/(^|[/\\])node_modules[/\\]\.bin[/\\]?$/.test(dir))
    .join(delimiter);
  return env;
}

/** Process groups started by the runner and not yet closed: killed if the runner stops early. */
const groups = new Set();

/** Sends `signal` to the process group `pgid`; false when the group is gone. */
export function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Marks `child` (spawned `detached`, so the leader of its own group) to be killed with the runner. */
export function track(child) {
  groups.add(child.pid);
  child.once('close', () => groups.delete(child.pid));
}

/** Kills every group still running (when the runner is interrupted or exits). Synchronous. */
export function killAll() {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
  groups.clear();
}

/** The processes of group `pgid` still alive (zombies left out), one `ps` line each; [] without ps. */
export function processesIn(pgid) {
  try {
    return execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat=,etime=,args='], { timeout: 5000 })
      .toString()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([pid, group, stat]) => pid && Number(group) === pgid && !stat.startsWith('Z'))
      .map(([pid, , stat, etime, ...args]) => `${pid} ${stat} ${etime} ${args.join(' ').slice(0, 300)}`);
  } catch {
    return [];
  }
}

/** Rejects after `ms` with what it waited for (`what`) and, when given, what `detail()` says then. */
export function within(promise, ms, what, detail) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const more = detail ? `; ${detail()}` : '';
      reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}${more}`));
    }, ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** How long, after the kill of its group, a command's output may take to close. */
const CLOSE_AFTER_KILL_MS = 5000;

/**
 * Runs `cmd args` in `cwd`, in a process group of its own; resolves to its stdout. Rejects with its
 * output when it exits non-zero, when it has not exited `graceMs` after printing `doneMarker` (a
 * timer or socket holding the process open), when a process it started still holds its output
 * `graceMs` after it exited, or after `timeoutMs` in all. On every limit the whole group is killed,
 * and the promise settles at most 5 s later, whatever holds the output open.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 180_000, doneMarker, graceMs = 10_000 } = {}) {
  const command = [cmd, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid) track(child);
    let stdout = '';
    let all = '';
    let failure;
    let exitCode;
    const timers = [];
    const after = (ms, fn) => timers.push(setTimeout(fn, ms));
    let settled = false;
    const finish = (code, signal) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (failure) reject(new CommandError(command, failure, all, cwd));
      else if (code !== 0)
        reject(Object.assign(new CommandError(command, `exited ${code ?? signal}`, all, cwd), { code }));
      else resolve(stdout);
    };
    const kill = (detail) => {
      failure ??= detail;
      killGroup(child.pid, 'SIGKILL');
      after(CLOSE_AFTER_KILL_MS, () => {
        failure += `; its output was still open ${CLOSE_AFTER_KILL_MS / 1000} s after the kill of its process group (a process it started left the group)`;
        finish();
      });
    };
    after(timeoutMs, () => kill(`did not finish within ${timeoutMs / 1000} s (killed)`));
    let grace;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      all += chunk;
      if (doneMarker && !grace && stdout.includes(doneMarker)) {
        grace = true;
        after(graceMs, () =>
          kill(`printed its result but did not exit within ${graceMs / 1000} s: something holds it open`),
        );
      }
    });
    child.stderr.on('data', (chunk) => {
      all += chunk;
    });
    child.on('error', (error) => {
      failure ??= `could not start: ${error.message}`;
      finish();
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      // Its output closes when every process that shares it has exited: one it started may not.
      after(graceMs, () =>
        kill(
          `exited ${exitCode}, but ${graceMs / 1000} s later a process it started still held its output open (killed): ${processesIn(child.pid).join(' | ') || 'gone by then'}`,
        ),
      );
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}
