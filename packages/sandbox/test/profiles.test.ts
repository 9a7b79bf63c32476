import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../src/ids.js';
import { buildProfile, createSandbox, referenceProfiles } from '../src/index.js';
import { GeneratedSource } from '../src/profiles.js';
import { AUTH, contract, ORIGIN, read } from './helpers.js';

describe('generated profiles', () => {
  it('every one validates against the contract’s Profile', () => {
    const source = new GeneratedSource(400, 'valid');
    const page = source.page({}, 0, 410).map((json) => JSON.parse(json));
    expect(page).toHaveLength(410);
    for (const profile of page) expect(contract.validateSchema('Profile', profile), profile.id).toEqual([]);
    expect(new Set(page.map((p) => p.id)).size).toBe(410);
  });

  it('are the same for a seed whatever the dataset’s size, and differ between seeds', () => {
    const small = new GeneratedSource(100, 'a').page({}, 50, 5);
    expect(new GeneratedSource(1_000_000, 'a').page({}, 50, 5)).toEqual(small);
    expect(new GeneratedSource(100, 'b').page({}, 50, 5)).not.toEqual(small);
  });

  it('ids carry their index, so any of a billion is found without a table', () => {
    for (const index of [0, 1, 16_777_215, 16_777_216, 999_999_999, 2 ** 48 - 1]) {
      const id = encodeId('seed', 'profile', index);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(decodeId('seed', 'profile', id)).toBe(index);
      expect(decodeId('other', 'profile', id)).toBeUndefined();
      expect(decodeId('seed', 'user', id)).toBeUndefined();
    }
  });

  it('ten million profiles: the last page, a filter deep in the list and a lookup answer at once', async () => {
    const sandbox = createSandbox({ profiles: 10_000_000 });
    expect(sandbox.size).toBe(10_000_010);
    const last = await read(
      await sandbox.fetch(`${ORIGIN}/v1/profiles?limit=100&offset=10000000`, { headers: AUTH }),
    );
    expect(last.body.data).toHaveLength(10);
    const target = last.body.data[9];
    const one = await read(await sandbox.fetch(`${ORIGIN}/v1/profiles/${target.id}`, { headers: AUTH }));
    expect(one.body).toEqual(target);
    const mine = await read(
      await sandbox.fetch(`${ORIGIN}/v1/profiles?user_id=${target.user.id}`, { headers: AUTH }),
    );
    expect(mine.body.data.map((p: { id: string }) => p.id)).toContain(target.id);
    const platform = await read(
      await sandbox.fetch(
        `${ORIGIN}/v1/profiles?limit=5&offset=1600000&work_platform_id=${target.work_platform.id}`,
        {
          headers: AUTH,
        },
      ),
    );
    expect(platform.body.data).toHaveLength(5);
    for (const p of platform.body.data) expect(p.work_platform.id).toBe(target.work_platform.id);
  });
});

describe('data: your own profiles', () => {
  it('serves them, with the API’s paging and lookups', async () => {
    const mine = [
      buildProfile({ full_name: 'Ada' }, { index: 1 }),
      buildProfile({ full_name: 'Grace' }, { index: 2 }),
    ];
    const sandbox = createSandbox({ data: mine });
    const page = await read(await sandbox.fetch(`${ORIGIN}/v1/profiles`, { headers: AUTH }));
    expect(page.body.data.map((p: { full_name: string }) => p.full_name)).toEqual(['Ada', 'Grace']);
    expect(sandbox.size).toBe(2);
  });

  it('refuses a record that breaks the contract, naming the record and the field', () => {
    const bad = [buildProfile({}, { index: 1 }), { ...buildProfile({}, { index: 2 }), gender: 'MAN' }];
    expect(() => createSandbox({ data: bad })).toThrow(
      `record 1 (id ${bad[1]?.id}): field /gender must be equal to one of the allowed values`,
    );
    const twice = [buildProfile(), buildProfile()];
    expect(() => createSandbox({ data: twice })).toThrow('record 1 (id');
    expect(() => createSandbox({ data: twice })).toThrow('duplicate id');
  });
});

describe('buildProfile', () => {
  it('builds a contract-valid profile, the same for the same seed, with deep overrides', () => {
    const profile = buildProfile({ full_name: 'Ada Lovelace', reputation: { follower_count: 10 } });
    expect(contract.validateSchema('Profile', profile)).toEqual([]);
    expect(profile.full_name).toBe('Ada Lovelace');
    expect(profile.reputation?.follower_count).toBe(10);
    expect(profile.reputation?.following_count).toBe(buildProfile().reputation?.following_count);
    expect(buildProfile({}, { seed: 'x' })).toEqual(buildProfile({}, { seed: 'x' }));
    expect(buildProfile({}, { seed: 'x' }).id).not.toBe(buildProfile({}, { seed: 'y' }).id);
  });

  it('every built profile validates, over many seeds and indexes', () => {
    for (let index = 0; index < 200; index++) {
      const profile = buildProfile({}, { seed: `s${index % 7}`, index });
      expect(contract.validateSchema('Profile', profile)).toEqual([]);
    }
  });

  it('the reference profiles are the API’s own sample', () => {
    expect(referenceProfiles()).toHaveLength(10);
    expect(referenceProfiles()[0]?.full_name).toBe('Peter Parker');
  });
});
