import { environments, ValidationError } from '@insightiq/profiles-client';
import { Command, CommanderError, Option } from 'commander';
import { commandContext, EXIT_HELP } from './commands/context.js';
import { addGetCommand } from './commands/get.js';
import { addListCommand } from './commands/list.js';
import { addVerifyCommand } from './commands/verify.js';
import { choiceOption, flagOf, positiveOption } from './flags.js';
import { EXIT, type Io, UsageError } from './io.js';

declare const __VERSION__: string;

const NAME = 'insightiq-profiles';

/** The program, its global options and its commands, writing to `io`; `exit` receives a command's exit code. */
function createProgram(io: Io, exit: (code: number) => void): Command {
  const program = new Command(NAME)
    .description('The InsightIQ Profiles API from the command line.')
    .version(__VERSION__, '-V, --version')
    .addOption(new Option('--client-id <id>', 'client id (default: INSIGHTIQ_CLIENT_ID)'))
    .addOption(new Option('--client-secret <secret>', 'client secret (default: INSIGHTIQ_CLIENT_SECRET)'))
    .addOption(
      choiceOption(
        '--env <name>',
        'environment (default: INSIGHTIQ_ENVIRONMENT, then production)',
        Object.keys(environments),
      ),
    )
    .addOption(
      new Option('--base-url <url>', 'base URL, such as http://127.0.0.1:4010 (default: INSIGHTIQ_BASE_URL)'),
    )
    .addOption(
      positiveOption('--timeout-ms <ms>', 'time limit of each request (default 60000; verify 30000)'),
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
  const context = commandContext(io);
  const profiles = program.command('profiles').description('list and get profiles');
  profiles.addHelpText('after', EXIT_HELP);
  addListCommand(profiles, context);
  addGetCommand(profiles, context);
  addVerifyCommand(program, context, exit);
  return program;
}

/**
 * The exit code of an error a command threw, and the one line it writes to stderr: 2 for a usage
 * error (commander's, the CLI's, or a client `ValidationError` naming the flag), 130 once
 * interrupted, 1 for an API error or anything else.
 */
function exitCodeOf(error: unknown, io: Io, err: (line: string) => void): number {
  if (error instanceof CommanderError) {
    const { code, exitCode } = error;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || exitCode === 0) return EXIT.ok;
    // `(outputHelp)` is commander's own help for a bare command group: a usage error.
    if (code !== 'commander.help') err(`${error.message.replace(/^error: /, '')} (see --help)`);
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
  err((error as Error).message);
  return EXIT.failure;
}

/**
 * Runs the CLI with `argv` (the arguments after the command's name) and resolves to its exit code.
 * Never exits the process itself, so that tests run it in process.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeOf(error, io, (line) => io.stderr.write(`${NAME}: ${line}\n`));
  }
}
