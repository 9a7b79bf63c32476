import { readFileSync } from 'node:fs';
import { OptionError } from '@insightiq/profiles-sandbox';
import { checkRecords } from '@insightiq/profiles-sandbox/internal';

/**
 * Reads the user's fixtures (`data`, `--data FILE`): a JSON array of profiles, or a `{ "data": [...] }`
 * page. Every record is checked against the contract's `Profile`; the `OptionError` names the file,
 * record and field.
 */
export function loadProfilesFile(path: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new OptionError('data', `${path}: cannot read it as JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown })?.data;
  if (!Array.isArray(records)) {
    throw new OptionError(
      'data',
      `${path}: expected a JSON array of profiles or an object with a "data" array`,
    );
  }
  try {
    return checkRecords(records);
  } catch (error) {
    throw new OptionError('data', `${path}: ${(error as Error).message}`);
  }
}
