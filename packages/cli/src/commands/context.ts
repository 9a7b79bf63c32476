import { formatWithOptions } from 'node:util';
import {
  createProfilesClient,
  type environments,
  type Logger,
  type ProfilesClient,
} from '@insightiq/profiles-client';
import type { Command } from 'commander';
import type { Io } from '../io.js';

/** The options every command takes (the program's). */
export interface GlobalOptions {
  clientId?: string;
  clientSecret?: string;
  env?: string;
  baseUrl?: string;
  timeoutMs?: number;
  allowInsecureHttp?: boolean;
}

/** What a command's action needs: the streams, and the client its flags describe. */
export interface Context {
  io: Io;
  clientOf(command: Command): ProfilesClient;
}

/** The exit codes and where credentials come from: the end of every command's `--help`. */
export const EXIT_HELP = `
Exit codes:
  0    success (verify: the deployment conforms)
  1    the API answered with an error or could not be reached (verify: a check failed)
  2    usage error: a bad or missing flag or argument
  130  stopped by Ctrl-C, output left well-formed

Credentials come from --client-id/--client-secret or INSIGHTIQ_CLIENT_ID/INSIGHTIQ_CLIENT_SECRET
(prefer the variables: a command line is visible to other users of the machine). The target is
--base-url or INSIGHTIQ_BASE_URL, else --env or INSIGHTIQ_ENVIRONMENT, else production.`;

/** The client's log (INSIGHTIQ_LOG=info|debug|...) to stderr: stdout is the command's output. */
function stderrLogger(io: Io): Logger {
  const write = (message: string, ...details: unknown[]) =>
    io.stderr.write(
      `${formatWithOptions({ colors: false, breakLength: Number.POSITIVE_INFINITY }, message, ...details.filter((d) => d !== undefined))}\n`,
    );
  return { error: write, warn: write, info: write, debug: write };
}

/** The context of the commands of one run. */
export function commandContext(io: Io): Context {
  const logger = stderrLogger(io);
  return {
    io,
    clientOf(command) {
      const o = command.optsWithGlobals<GlobalOptions>();
      return createProfilesClient({
        logger,
        clientId: o.clientId,
        clientSecret: o.clientSecret,
        environment: o.env as keyof typeof environments | undefined,
        baseUrl: o.baseUrl,
        timeoutMs: o.timeoutMs,
        allowInsecureHttp: o.allowInsecureHttp,
        ...(io.fetch && { fetch: io.fetch }),
      });
    },
  };
}
