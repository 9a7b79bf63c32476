import { buildProfile, referenceProfiles } from '@insightiq/profiles-sandbox';
import { describe, expect, it } from 'vitest';
import { cellText, profileColumns, valueAt } from '../src/flatten.js';
import { CREDENTIALS, cli, parseCsv, SECRET } from './helpers.js';

const reference = referenceProfiles();
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('profiles list', () => {
  it('writes NDJSON when piped: one profile per line, the reference page’s first', async () => {
    const { code, stdout, stderr, requests } = await cli([
      'profiles',
      'list',
      '--limit',
      '3',
      ...CREDENTIALS,
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(requests).toEqual(['GET /v1/profiles?limit=3&offset=0']);
    expect(lines(stdout).map((l) => JSON.parse(l))).toEqual(reference.slice(0, 3));
  });

  it('writes a table on a terminal: a few columns, escape sequences from the data made harmless', async () => {
    const hostile = buildProfile({ full_name: 'Evil\u001b[2J\u001b[31mName\nline' }, { seed: 'cli' });
    const { code, stdout } = await cli(['profiles', 'list', ...CREDENTIALS], {
      tty: true,
      sandbox: { data: [hostile] },
    });
    expect(code).toBe(0);
    const [header, row, ...rest] = lines(stdout);
    expect(header).toMatch(/^ID {36}USERNAME {14}NAME {20}PLATFORM {7}FOLLOWERS {2}UPDATED$/);
    expect(row).toContain(hostile.id);
    expect(row).toContain('Evil [2J [31mName line');
    expect(stdout).not.toContain('\u001b');
    expect(rest).toEqual([]);
  });

  it('a narrow terminal gets the columns that fit, the id always', async () => {
    const { run } = await import('../src/index.js');
    const { createSandbox } = await import('@insightiq/profiles-sandbox');
    for (const [columns, titles] of [
      [100, ['ID', 'USERNAME', 'NAME', 'PLATFORM']],
      [80, ['ID', 'USERNAME']],
      [40, ['ID']],
      [20, ['ID']],
    ] as const) {
      let out = '';
      const stdout = { isTTY: true, columns, write: (t: string) => (out += t) };
      const code = await run(
        ['profiles', 'list', '--limit', '2', ...CREDENTIALS.slice(0, 4), '--base-url', 'https://x.test'],
        {
          stdout,
          stderr: { write: () => true },
          fetch: createSandbox().fetch,
        },
      );
      expect(code).toBe(0);
      const [header] = lines(out);
      expect(header?.split(/\s{2,}/)).toEqual(titles);
      if (columns >= 40) for (const l of lines(out)) expect(l.length).toBeLessThanOrEqual(columns);
    }
  });

  it('--format json is one well-formed array; an empty page is []', async () => {
    const { stdout } = await cli(['profiles', 'list', '--limit', '4', '--format', 'json', ...CREDENTIALS]);
    expect(JSON.parse(stdout)).toEqual(reference.slice(0, 4));
    const empty = await cli(['profiles', 'list', '--offset', '500', '--format', 'json', ...CREDENTIALS]);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('--format csv flattens by the contract’s columns and quotes as RFC 4180 says', async () => {
    const tricky = buildProfile(
      {
        full_name: 'Doe, "Johnny"\nJr.',
        introduction: ' padded ',
        emails: [{ type: 'WORK', email_id: 'a@b.c' }],
      },
      { seed: 'csv' },
    );
    const { code, stdout } = await cli(['profiles', 'list', '--format', 'csv', ...CREDENTIALS], {
      sandbox: { data: [tricky, ...reference.slice(0, 2)] },
    });
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    const columns = profileColumns();
    expect(header).toEqual(columns);
    expect(columns).toEqual(
      expect.arrayContaining(['id', 'user.id', 'work_platform.name', 'reputation.follower_count', 'emails']),
    );
    expect(rows).toHaveLength(3);
    [tricky, ...reference.slice(0, 2)].forEach((profile, i) => {
      expect(rows[i]).toEqual(columns.map((c) => cellText(valueAt(profile, c))));
    });
    expect(rows[0]?.[columns.indexOf('full_name')]).toBe('Doe, "Johnny"\nJr.');
    expect(rows[0]?.[columns.indexOf('emails')]).toBe('[{"type":"WORK","email_id":"a@b.c"}]');
  });

  it('--all streams every page; --max stops early; the progress line is for terminals only', async () => {
    const all = await cli(['profiles', 'list', '--all', '--limit', '10', ...CREDENTIALS]);
    expect(all.code).toBe(0);
    expect(lines(all.stdout)).toHaveLength(35);
    expect(new Set(lines(all.stdout).map((l) => JSON.parse(l).id)).size).toBe(35);
    expect(all.requests).toHaveLength(4);
    expect(all.stderr).toBe('');

    const max = await cli(['profiles', 'list', '--all', '--max', '12', '--limit', '5', ...CREDENTIALS]);
    expect(lines(max.stdout)).toHaveLength(12);
    expect(max.requests).toHaveLength(3);

    const tty = await cli(
      ['profiles', 'list', '--all', '--limit', '10', '--format', 'ndjson', ...CREDENTIALS],
      {
        stderrTTY: true,
      },
    );
    // Each update rewrites the line (carriage return, erase line); the last one erases it.
    const updates = tty.stderr.split('\r\u001b[K');
    expect(updates[0]).toBe('');
    expect(updates.at(-1)).toBe('');
    expect(updates.slice(1, -1).map((u) => u.replace(/\d+ profiles\/s$/, 'N profiles/s'))).toEqual([
      '10 profiles, 1 pages, N profiles/s',
      '20 profiles, 2 pages, N profiles/s',
      '30 profiles, 3 pages, N profiles/s',
      '35 profiles, 4 pages, N profiles/s',
    ]);
    expect(lines(tty.stdout)).toHaveLength(35);
  });

  it('Ctrl-C stops the walk, leaves the JSON array well-formed, and exits 130', async () => {
    const result = await cli(
      ['profiles', 'list', '--all', '--limit', '10', '--format', 'json', ...CREDENTIALS],
      {
        sandbox: { profiles: 200 },
        interruptAt: 3,
      },
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('insightiq-profiles: interrupted\n');
    const written = JSON.parse(result.stdout);
    expect(written).toHaveLength(20);
  });

  it('an API error exits 1 with the status, message and request id, and nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli([
      'profiles',
      'list',
      '--client-secret',
      'wrong',
      ...CREDENTIALS.slice(0, 2),
      ...CREDENTIALS.slice(4),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^insightiq-profiles: 401 .+ \[INVALID_CREDENTIALS\] \(request id [0-9a-f-]{36}\)\n$/,
    );
  });
});

describe('the client’s log (INSIGHTIQ_LOG)', () => {
  it('goes to stderr, one line per request, without credentials; stdout stays NDJSON', async () => {
    const before = process.env.INSIGHTIQ_LOG;
    process.env.INSIGHTIQ_LOG = 'info';
    try {
      const { code, stdout, stderr } = await cli([
        'profiles',
        'list',
        '--all',
        '--limit',
        '20',
        ...CREDENTIALS,
      ]);
      expect(code).toBe(0);
      expect(lines(stdout).map((l) => JSON.parse(l).id)).toHaveLength(35);
      const logged = lines(stderr);
      expect(logged).toHaveLength(2);
      expect(logged[0]).toMatch(
        /^\[insightiq-profiles-client\] GET \/v1\/profiles\?limit=20&offset=0 \u2192 200 in \d+ ms/,
      );
      expect(stderr).not.toContain(SECRET);
    } finally {
      if (before === undefined) delete process.env.INSIGHTIQ_LOG;
      else process.env.INSIGHTIQ_LOG = before;
    }
  });
});

describe('profiles get', () => {
  const id = reference[1]?.id as string;

  it('writes the profile as JSON when piped, and every field as a table on a terminal', async () => {
    const json = await cli(['profiles', 'get', id, ...CREDENTIALS]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(reference[1]);
    const table = await cli(['profiles', 'get', id, ...CREDENTIALS], { tty: true });
    expect(lines(table.stdout)).toHaveLength(profileColumns().length);
    expect(table.stdout).toMatch(new RegExp(`^id {2,}${id}$`, 'm'));
    expect(table.stdout).toMatch(/^work_platform\.name {2,}\S+/m);
  });

  it('an unknown id exits 1 with the 404', async () => {
    const { code, stderr } = await cli([
      'profiles',
      'get',
      '00000000-0000-4000-8000-000000000000',
      ...CREDENTIALS,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^insightiq-profiles: 404 No profile exists with id 00000000-0000-4000-8000-000000000000\. \[PROFILE_NOT_FOUND\]/,
    );
  });
});
