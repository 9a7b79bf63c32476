import type { ListProfilesQuery } from '@insightiq/profiles-client';
import type { Command } from 'commander';
import { choiceOption, parameterOption, parameterTexts, positiveOption, readFlags } from '../flags.js';
import { LIST_FORMATS, type ListFormat, profileWriter } from '../format/writers.js';
import { UsageError } from '../io.js';
import { type Context, EXIT_HELP } from './context.js';

interface ListOptions {
  all?: boolean;
  max?: number;
  format?: ListFormat;
}

/** `profiles list`: one page, or every page with `--all`, streamed as it arrives. */
export function addListCommand(profiles: Command, context: Context): void {
  profiles
    .command('list')
    .description('list profiles: one page, or every page with --all')
    .addOption(parameterOption('listProfiles', 'limit', 'profiles per page'))
    .addOption(parameterOption('listProfiles', 'offset', 'profiles to skip'))
    .addOption(parameterOption('listProfiles', 'user_id', 'only the profiles of this user'))
    .addOption(parameterOption('listProfiles', 'work_platform_id', 'only the profiles on this work platform'))
    .addOption(parameterOption('listProfiles', 'account_id', 'only the profiles of this account'))
    .option('--all', 'every page after the first, streamed as it arrives')
    .addOption(positiveOption('--max <n>', 'with --all: stop after this many profiles'))
    .addOption(
      choiceOption(
        '--format <format>',
        'output (default: table on a terminal, ndjson otherwise)',
        LIST_FORMATS,
      ),
    )
    .addHelpText('after', EXIT_HELP)
    .action((o: ListOptions, command: Command) => listProfiles(context, o, command));
}

async function listProfiles(context: Context, o: ListOptions, command: Command): Promise<void> {
  if (o.max !== undefined && !o.all) throw new UsageError('--max works with --all only');
  const query = readFlags('listProfiles', parameterTexts(command, 'listProfiles')) as ListProfilesQuery;
  const { io } = context;
  const pages = context.clientOf(command).profiles.list(query, {
    ...(io.signal && { signal: io.signal }),
    ...(o.max !== undefined && { maxItems: o.max }),
  });
  // The first page is awaited before anything is written: an error leaves no half output.
  const firstPage = await pages;
  const writer = profileWriter(o.format ?? (io.stdout.isTTY ? 'table' : 'ndjson'), io.stdout);
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
}
