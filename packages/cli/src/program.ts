import { writeFileSync } from 'node:fs';
import { formatWithOptions } from 'node:util';
import {
  ApiError,
  ConnectionError,
  createProfilesClient,
  environments,
  type ListProfilesQuery,
  type Logger,
  type ProfilesClient,
  ValidationError,
} from '@insightiq/profiles-client';
import { Command, CommanderError, Option } from 'commander';
import { LIST_FORMATS, type ListFormat, profileTable, profileWriter } from './format/writers.js';
import { EXIT, type Io, UsageError } from './io.js';
import { checkVerifyOptions, verify } from './verify/checks.js';
import {
  checkLines,
  formatReport,
  REPORT_FORMATS,
  type ReportFormat,
  summaryLine,
} from './verify/reports.js';

declare const __VERSION__: string;

const NAME = 'insightiq-profiles';

/** The flag of a client option or query parameter, for messages: `user_id` → `--user-id`. */
const FLAGS: Record<string, string> = { environment: '--env', id: 'argument <id>' };
const flagOf = (param: string) =>
  FLAGS[param] ?? `--${param.replace(/_/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The rule a flag's value breaks, in the client's words (`must be a whole number`), or undefined. */
type Rule = (value: string) => string | undefined;

/** A whole number (the contract's rules, such as limit's bounds, are the client's to check). */
const wholeNumber: Rule = (v) => (/^-?\d+$/.test(v.trim()) ? undefined : 'must be a whole number');
const positive: Rule = (v) => wholeNumber(v) ?? (Number(v) < 1 ? 'must be 1 or more' : undefined);

/**
 * An option whose value must keep `rule` (its choices, where it has them) and becomes `convert(value)`.
 * A broken rule is a usage error worded as the client's are, `--limit must be a whole number (got
 * "1.5")`, not commander's `option '--limit <n>' argument '1.5' is invalid.`
 */
function checked(option: Option, rule?: Rule, convert: (value: string) => unknown = Number): Option {
  const choices = option.argChoices;
  return option.argParser((value: string) => {
    const broken =
      choices?.includes(value) === false ? `must be one of ${choices.join(', ')}` : rule?.(value);
    if (broken) throw new UsageError(`${option.long} ${broken} (got ${JSON.stringify(value)})`);
    return convert(value);
  });
}
const choice = (option: Option) => checked(option, undefined, String);

interface GlobalOptions {
  clientId?: string;
  clientSecret?: string;
  env?: string;
  baseUrl?: string;
  timeoutMs?: number;
  allowInsecureHttp?: boolean;
}

const EXIT_HELP = `
Exit codes:
  0    success (verify: the deployment conforms)
  1    the API answered with an error or could not be reached (verify: a check failed)
  2    usage error: a bad or missing flag or argument
  130  stopped by Ctrl-C, output left well-formed

Credentials come from --client-id/--client-secret or INSIGHTIQ_CLIENT_ID/INSIGHTIQ_CLIENT_SECRET
(prefer the variables: a command line is visible to other users of the machine). The target is
--base-url or INSIGHTIQ_BASE_URL, else --env or INSIGHTIQ_ENVIRONMENT, else production.`;

/**
 * Runs the CLI with `argv` (the arguments after the command's name) and resolves to its exit code.
 * Never exits the process itself, so that tests run it in process.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const err = (line: string) => io.stderr.write(`${NAME}: ${line}\n`);

  // The client's log (INSIGHTIQ_LOG=info|debug|...) goes to stderr: stdout is the command's output.
  const toStderr = (message: string, ...details: unknown[]) =>
    io.stderr.write(
      `${formatWithOptions({ colors: false, breakLength: Number.POSITIVE_INFINITY }, message, ...details.filter((d) => d !== undefined))}\n`,
    );
  const logger: Logger = { error: toStderr, warn: toStderr, info: toStderr, debug: toStderr };

  const clientOf = (command: Command): ProfilesClient => {
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
  };

  const program = new Command(NAME)
    .description('The InsightIQ Profiles API from the command line.')
    .version(__VERSION__, '-V, --version')
    .addOption(new Option('--client-id <id>', 'client id (default: INSIGHTIQ_CLIENT_ID)'))
    .addOption(new Option('--client-secret <secret>', 'client secret (default: INSIGHTIQ_CLIENT_SECRET)'))
    .addOption(
      choice(
        new Option('--env <name>', 'environment (default: INSIGHTIQ_ENVIRONMENT, then production)').choices(
          Object.keys(environments),
        ),
      ),
    )
    .addOption(
      new Option('--base-url <url>', 'base URL, such as http://127.0.0.1:4010 (default: INSIGHTIQ_BASE_URL)'),
    )
    .addOption(
      checked(
        new Option('--timeout-ms <ms>', 'time limit of each request (default 60000; verify 30000)'),
        positive,
      ),
    )
    .addOption(
      new Option(
        '--allow-insecure-http',
        'send credentials over plain http to a host other than localhost (a mock on another machine)',
      ),
    )
    .addHelpText('after', EXIT_HELP)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors are printed by `run`, on one line.
      outputError: () => {},
    });

  const profiles = program.command('profiles').description('list and get profiles');
  profiles.addHelpText('after', EXIT_HELP);

  profiles
    .command('list')
    .description('list profiles: one page, or every page with --all')
    .addOption(checked(new Option('--limit <n>', 'profiles per page (1-100, default 10)'), wholeNumber))
    .addOption(checked(new Option('--offset <n>', 'profiles to skip (default 0)'), wholeNumber))
    .option('--user-id <id>', 'only the profiles of this user')
    .option('--work-platform-id <id>', 'only the profiles on this work platform')
    .option('--account-id <id>', 'only the profiles of this account')
    .option('--all', 'every page after the first, streamed as it arrives')
    .addOption(checked(new Option('--max <n>', 'with --all: stop after this many profiles'), positive))
    .addOption(
      choice(
        new Option('--format <format>', 'output (default: table on a terminal, ndjson otherwise)').choices(
          LIST_FORMATS,
        ),
      ),
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (o, command: Command) => {
      if (o.max !== undefined && !o.all) throw new UsageError('--max works with --all only');
      const client = clientOf(command);
      const query: ListProfilesQuery = {
        ...(o.limit !== undefined && { limit: o.limit }),
        ...(o.offset !== undefined && { offset: o.offset }),
        ...(o.userId !== undefined && { user_id: o.userId }),
        ...(o.workPlatformId !== undefined && { work_platform_id: o.workPlatformId }),
        ...(o.accountId !== undefined && { account_id: o.accountId }),
      };
      const format: ListFormat = o.format ?? (io.stdout.isTTY ? 'table' : 'ndjson');
      const pages = client.profiles.list(query, {
        ...(io.signal && { signal: io.signal }),
        ...(o.max !== undefined && { maxItems: o.max }),
      });
      // The first page is awaited before anything is written: an error leaves no half output.
      const firstPage = await pages;
      const writer = profileWriter(format, io.stdout);
      const progress = io.stderr.isTTY && o.all ? io.stderr : undefined;
      const started = performance.now();
      let count = 0;
      let pageCount = 0;
      try {
        if (!o.all) {
          for (const p of firstPage.data) writer.write(p);
          return;
        }
        for await (const page of pages.iterPages()) {
          for (const p of page.data) writer.write(p);
          count += page.data.length;
          pageCount++;
          const rate = count / Math.max((performance.now() - started) / 1000, 0.001);
          progress?.write(`\r\u001b[K${count} profiles, ${pageCount} pages, ${Math.round(rate)} profiles/s`);
        }
      } finally {
        progress?.write('\r\u001b[K');
        writer.end();
      }
    });

  profiles
    .command('get')
    .description('get one profile by id')
    .argument('<id>', 'the profile id (a UUID)')
    .addOption(
      choice(
        new Option('--format <format>', 'output (default: table on a terminal, json otherwise)').choices([
          'json',
          'table',
        ]),
      ),
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (id: string, o, command: Command) => {
      const profile = await clientOf(command).profiles.get(id, io.signal ? { signal: io.signal } : {});
      const format = o.format ?? (io.stdout.isTTY ? 'table' : 'json');
      io.stdout.write(format === 'table' ? profileTable(profile) : `${JSON.stringify(profile, null, 2)}\n`);
    });

  program
    .command('verify')
    .description('check a deployment of the API against the contract: its answers and its semantics')
    .addOption(checked(new Option('--limit <n>', 'page size of the walk (default 5)'), positive))
    .addOption(checked(new Option('--max-pages <n>', 'pages walked at most (default 5)'), positive))
    .addOption(
      choice(new Option('--report <format>', 'report format (default text)').choices(REPORT_FORMATS)),
    )
    .option(
      '--output <file>',
      'write the report to this file instead of stdout (a summary still goes to stderr)',
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (o, command: Command) => {
      checkVerifyOptions({ limit: o.limit });
      const client = clientOf(command);
      const format: ReportFormat = o.report ?? 'text';
      // Fail on an unwritable --output before the run, not after it.
      if (o.output) {
        try {
          writeFileSync(o.output, '', { flag: 'w' });
        } catch (error) {
          throw new UsageError(
            `--output ${o.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
      }
      const live = format === 'text' && !o.output ? io.stdout : io.stderr.isTTY ? io.stderr : undefined;
      const { timeoutMs } = command.optsWithGlobals<GlobalOptions>();
      const report = await verify(client, {
        limit: o.limit,
        maxPages: o.maxPages,
        ...(timeoutMs !== undefined && { timeoutMs }),
        signal: io.signal,
        onCheck: (c) => live?.write(checkLines(c)),
      });
      if (format === 'text' && !o.output) {
        io.stdout.write(`\n${summaryLine(report)}\n`);
      } else if (o.output) {
        writeFileSync(o.output, formatReport(report, format));
        io.stderr.write(`${summaryLine(report)}\nReport (${format}) written to ${o.output}\n`);
      } else {
        io.stdout.write(formatReport(report, format));
      }
      if (io.signal?.aborted) code = EXIT.interrupted;
      else if (report.summary.failed > 0) code = EXIT.failure;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return EXIT.ok;
      // `(outputHelp)` is commander's own help for a bare command group: a usage error.
      if (error.code !== 'commander.help') err(`${error.message.replace(/^error: /, '')} (see --help)`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      err(`${error.message} (see --help)`);
      return EXIT.usage;
    }
    if (error instanceof ValidationError) {
      const got = error.message.includes('(got ')
        ? ` ${error.message.slice(error.message.indexOf('(got '), -1)}`
        : '';
      // The client's words name its options (`pass clientId and clientSecret`, `set
      // allowInsecureHttp`): here they are flags, passed.
      const rule = error.rule.replace(
        /\b(?:(pass|set) )?(clientId|clientSecret|allowInsecureHttp)\b/g,
        (_, verb: string | undefined, option: string) => `${verb ? 'pass ' : ''}${flagOf(option)}`,
      );
      err(`${flagOf(error.param)} ${rule}${got} (see --help)`);
      return EXIT.usage;
    }
    if (io.signal?.aborted) {
      err('interrupted');
      return EXIT.interrupted;
    }
    if (error instanceof ApiError || error instanceof ConnectionError) {
      err(error.message);
      return EXIT.failure;
    }
    err((error as Error).message);
    return EXIT.failure;
  }
}
