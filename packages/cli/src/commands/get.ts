import type { Command } from 'commander';
import { choiceOption, parameterHelp, readFlags } from '../flags.js';
import { profileTable } from '../format/writers.js';
import { type Context, EXIT_HELP } from './context.js';

/** `profiles get <id>`: one profile, as JSON or every field in a table. */
export function addGetCommand(profiles: Command, context: Context): void {
  profiles
    .command('get')
    .description('get one profile by id')
    .argument('<id>', parameterHelp('getProfile', 'id', 'the profile id'))
    .addOption(
      choiceOption('--format <format>', 'output (default: table on a terminal, json otherwise)', [
        'json',
        'table',
      ]),
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (text: string, o: { format?: 'json' | 'table' }, command: Command) => {
      const { id } = readFlags('getProfile', { id: text }) as { id: string };
      const { io } = context;
      const profile = await context
        .clientOf(command)
        .profiles.get(id, io.signal ? { signal: io.signal } : {});
      const format = o.format ?? (io.stdout.isTTY ? 'table' : 'json');
      io.stdout.write(format === 'table' ? profileTable(profile) : `${JSON.stringify(profile, null, 2)}\n`);
    });
}
