// Child processes for the runner: each command's output is kept and shown only when it fails.
import { spawn } from 'node:child_process';

/** Why a command failed, with the tail of what it printed. */
export class CommandError extends Error {
  constructor(command, detail, output) {
    const tail = output.trim().split('\n').slice(-40).join('\n');
    super(`${command} ${detail}${tail ? `\n${tail}` : ''}`);
    this.name = 'CommandError';
    this.output = output;
  }
}

/**
 * Runs `cmd args` in `cwd`; resolves to its stdout. Rejects with its output when it exits non-zero,
 * or when it has not exited `graceMs` after printing `doneMarker` (a timer or socket holding the
 * process open), or after `timeoutMs` in all.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 180_000, doneMarker, graceMs = 10_000 } = {}) {
  const command = [cmd, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let all = '';
    let failure;
    const kill = (detail) => {
      failure ??= detail;
      child.kill('SIGKILL');
    };
    const overall = setTimeout(() => kill(`did not finish within ${timeoutMs / 1000} s`), timeoutMs);
    let grace;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      all += chunk;
      if (doneMarker && !grace && stdout.includes(doneMarker)) {
        grace = setTimeout(
          () =>
            kill(`printed its result but did not exit within ${graceMs / 1000} s: something holds it open`),
          graceMs,
        );
      }
    });
    child.stderr.on('data', (chunk) => {
      all += chunk;
    });
    child.on('error', (error) => {
      failure ??= `could not start: ${error.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(overall);
      clearTimeout(grace);
      if (failure) reject(new CommandError(command, failure, all));
      else if (code !== 0)
        reject(Object.assign(new CommandError(command, `exited ${code ?? signal}`, all), { code }));
      else resolve(stdout);
    });
  });
}
