import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { choiceOption, parameterOption, positiveOption, readFlags } from '../flags.js';
import { EXIT, UsageError } from '../io.js';
import { CHECKS } from '../verify/checks.js';
import {
  checkLines,
  formatReport,
  REPORT_FORMATS,
  type ReportFormat,
  summaryLine,
} from '../verify/reports.js';
import { VERIFY_DEFAULTS } from '../verify/types.js';
import { verify } from '../verify/verify.js';
import { type Context, EXIT_HELP, type GlobalOptions } from './context.js';

interface VerifyFlags {
  limit?: string[];
  maxPages?: number;
  report?: ReportFormat;
  output?: string;
}

/** The checks, as `verify --help` lists them: from the table that runs them. */
const CHECKS_HELP = `
Checks (in this order):
${CHECKS.map((c) => `  ${c.id.padEnd(Math.max(...CHECKS.map((k) => k.id.length)) + 2)}${c.title}`).join('\n')}
`;

/** `verify`: checks a deployment against the contract and reports. Sets the exit code through `exit`. */
export function addVerifyCommand(program: Command, context: Context, exit: (code: number) => void): void {
  program
    .command('verify')
    .description('check a deployment of the API against the contract: its answers and its semantics')
    .addOption(parameterOption('listProfiles', 'limit', 'page size of the walk', VERIFY_DEFAULTS.limit))
    .addOption(
      positiveOption('--max-pages <n>', `pages walked at most (default ${VERIFY_DEFAULTS.maxPages})`),
    )
    .addOption(choiceOption('--report <format>', 'report format (default text)', REPORT_FORMATS))
    .option(
      '--output <file>',
      'write the report to this file instead of stdout (a summary still goes to stderr)',
    )
    .addHelpText('after', `${CHECKS_HELP}${EXIT_HELP}`)
    .action(async (o: VerifyFlags, command: Command) => exit(await runVerify(context, o, command)));
}

/** Fails on an unwritable `--output` before the run, not after it. */
function checkOutput(file: string): void {
  try {
    writeFileSync(file, '', { flag: 'w' });
  } catch (error) {
    throw new UsageError(
      `--output ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

async function runVerify(context: Context, o: VerifyFlags, command: Command): Promise<number> {
  const { limit } = readFlags('listProfiles', { limit: o.limit }) as { limit?: number };
  const client = context.clientOf(command);
  const format: ReportFormat = o.report ?? 'text';
  if (o.output) checkOutput(o.output);
  const { io } = context;
  const live = format === 'text' && !o.output ? io.stdout : io.stderr.isTTY ? io.stderr : undefined;
  const { timeoutMs } = command.optsWithGlobals<GlobalOptions>();
  const report = await verify(client, {
    ...(limit !== undefined && { limit }),
    ...(o.maxPages !== undefined && { maxPages: o.maxPages }),
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
  if (io.signal?.aborted) return EXIT.interrupted;
  return report.summary.failed > 0 ? EXIT.failure : EXIT.ok;
}
