// The CLI's usage errors (exit 2, one line, no request) and its help and version.
import { referenceProfiles } from '@insightiq/profiles-sandbox';
import { openapi } from '@insightiq/profiles-spec';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/verify/checks.js';
import { AUTH, CREDENTIALS, cli, SECRET } from './helpers.js';

const reference = referenceProfiles();

describe('usage errors: exit 2, one line naming the flag, no request sent', () => {
  const ID_A = reference[0]?.user.id as string;
  const cases: [string[], string][] = [
    // The contract's checker words every rule: the same words as the client's, the sandbox's and the mock's.
    [['profiles', 'list', '--limit', '0'], '--limit must be an integer between 1 and 100 (got "0")'],
    [['profiles', 'list', '--limit', '2.5'], '--limit must be an integer between 1 and 100 (got "2.5")'],
    // The README's example, word for word.
    [['profiles', 'list', '--limit', 'ten'], '--limit must be an integer between 1 and 100 (got "ten")'],
    [
      ['profiles', 'list', '--offset', '-1'],
      '--offset must be an integer between 0 and 9007199254740991 (got "-1")',
    ],
    [['profiles', 'list', '--user-id', 'x'], '--user-id must be a UUID (got "x")'],
    [['profiles', 'list', '--work-platform-id', 'nope'], '--work-platform-id must be a UUID (got "nope")'],
    [['profiles', 'list', '--account-id', '12'], '--account-id must be a UUID (got "12")'],
    // A repeated flag is refused, not silently the last one.
    [
      ['profiles', 'list', '--limit', '5', '--limit', '6'],
      '--limit must be given once, not 2 times (got ["5","6"])',
    ],
    [
      ['profiles', 'list', '--user-id', ID_A, '--user-id', ID_A, '--user-id', ID_A],
      `--user-id must be given once, not 3 times (got ["${ID_A}","${ID_A}","${ID_A}"])`,
    ],
    [['verify', '--limit', '5', '--limit', '6'], '--limit must be given once, not 2 times (got ["5","6"])'],
    [['profiles', 'list', '--format', 'xml'], '--format must be one of table, json, ndjson, csv (got "xml")'],
    [['profiles', 'list', '--max', '5'], '--max works with --all only'],
    [['profiles', 'list', '--limitt', '5'], "unknown option '--limitt'\n(Did you mean --limit?)"],
    [['profiles', 'get'], "missing required argument 'id'"],
    [['profiles', 'get', 'not-a-uuid'], 'argument <id> must be a UUID (got "not-a-uuid")'],
    [['profiles', 'list', '--env', 'moon'], '--env must be one of production, sandbox, staging (got "moon")'],
    [
      ['profiles', 'get', '00000000-0000-4000-8000-000000000000', '--format', 'csv'],
      '--format must be one of json, table (got "csv")',
    ],
    [['verify', '--report', 'html'], '--report must be one of text, json, junit, markdown (got "html")'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['verify', '--limit', '101'], '--limit must be an integer between 1 and 100 (got "101")'],
    [['verify', '--limit', '2.5'], '--limit must be an integer between 1 and 100 (got "2.5")'],
    // Flags that are not the contract's parameters: a local check, in the same words.
    [['verify', '--max-pages', '0'], '--max-pages must be an integer >= 1 (got "0")'],
    [['profiles', 'list', '--all', '--max', '1.5'], '--max must be an integer >= 1 (got "1.5")'],
    [['profiles', 'list', '--timeout-ms', 'soon'], '--timeout-ms must be an integer >= 1 (got "soon")'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}`, async () => {
      const { code, stdout, stderr, requests } = await cli([...args, ...CREDENTIALS]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`insightiq-profiles: ${message} (see --help)\n`);
      expect(requests).toEqual([]);
    });
  }

  // The client's messages name its options; the CLI's name the flags that set them.
  it('a base URL with credentials in it names the flags to use instead, and hides them', async () => {
    const { code, stderr, requests } = await cli([
      'profiles',
      'list',
      ...AUTH,
      '--base-url',
      'https://id:s3cr3t@api.test',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'insightiq-profiles: --base-url must not carry credentials: pass --client-id and --client-secret instead (got "https://***@api.test") (see --help)\n',
    );
    expect(requests).toEqual([]);
  });

  it('plain http to a remote host names --allow-insecure-http, which lets it through', async () => {
    const args = ['profiles', 'list', ...AUTH, '--base-url', 'http://mock.internal:4010'];
    const refused = await cli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'insightiq-profiles: --base-url must use https: credentials are not sent over plain http except to localhost (pass --allow-insecure-http to override) (got "http://mock.internal:4010") (see --help)\n',
    );
    expect(refused.requests).toEqual([]);
    const allowed = await cli([...args, '--allow-insecure-http']);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(allowed.requests).toEqual(['GET /v1/profiles?offset=0']);
  });

  it('missing credentials name both ways to give them', async () => {
    const env = { ...process.env };
    delete process.env.INSIGHTIQ_CLIENT_ID;
    try {
      const { code, stderr } = await cli(['profiles', 'list', '--base-url', 'https://sandbox.test']);
      expect(code).toBe(2);
      expect(stderr).toBe(
        'insightiq-profiles: --client-id is required: pass --client-id or set INSIGHTIQ_CLIENT_ID (see --help)\n',
      );
    } finally {
      process.env = env;
    }
  });

  it('never echoes the secret, whatever fails', async () => {
    for (const args of [
      ['profiles', 'list', '--limit', '0'],
      ['profiles', 'list', '--client-secret', SECRET, '--base-url', `https://x:${SECRET}@sandbox.test`],
      ['profiles', 'get', 'nope'],
      ['verify', '--max-pages', '0'],
    ]) {
      const { stdout, stderr } = await cli([...CREDENTIALS, ...args]);
      expect(stdout + stderr).not.toContain(SECRET);
    }
  });
});

describe('help and version', () => {
  it('--help on every command, with the exit codes; --version', async () => {
    for (const args of [[], ['profiles'], ['profiles', 'list'], ['profiles', 'get'], ['verify']]) {
      const { code, stdout } = await cli([...args, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: insightiq-profiles');
      expect(stdout).toContain('2    usage error: a bad or missing flag or argument');
    }
    const { stdout } = await cli(['--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the parameter flags’ help is the contract’s rules, bounds and defaults', async () => {
    const rules = parameterRules(openapi);
    const rule = (operationId: string, name: string) => {
      const found = rules[operationId]?.find((r) => r.name === name);
      if (!found) throw new Error(`no rule for ${operationId} ${name}`);
      return found;
    };
    // Commander wraps help to the terminal's width: read it with runs of spaces as one.
    const help = async (args: string[]) => (await cli([...args, '--help'])).stdout.replace(/\s+/g, ' ');
    const limit = rule('listProfiles', 'limit');
    expect(limit.rule).toBe('must be an integer between 1 and 100');
    const list = await help(['profiles', 'list']);
    expect(list).toContain(`--limit <n> profiles per page: ${limit.rule} (default ${limit.default})`);
    const offset = rule('listProfiles', 'offset');
    expect(list).toContain(`--offset <n> profiles to skip: ${offset.rule} (default ${offset.default})`);
    for (const [name, what] of [
      ['user_id', 'only the profiles of this user'],
      ['work_platform_id', 'only the profiles on this work platform'],
      ['account_id', 'only the profiles of this account'],
    ] as const) {
      const flag = `--${name.replace(/_/g, '-')}`;
      expect(list).toContain(`${flag} <id> ${what}: ${rule('listProfiles', name).rule}`);
    }
    expect(await help(['profiles', 'get'])).toContain(`id the profile id: ${rule('getProfile', 'id').rule}`);
    // verify's own default page size, within the contract's bounds.
    expect(await help(['verify'])).toContain(`--limit <n> page size of the walk: ${limit.rule} (default 5)`);
  });

  it('verify --help lists every check of the table, by id and title, in order', async () => {
    const { stdout } = await cli(['verify', '--help']);
    const section = stdout.slice(stdout.indexOf('Checks (in this order):\n')).split('\n\n')[0] as string;
    const listed = section
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s{2,}/));
    expect(listed).toEqual(CHECKS.map((c) => [c.id, c.title]));
  });
});
