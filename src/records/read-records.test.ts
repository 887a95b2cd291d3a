import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAllowed } from '../access/authorize.ts';
import { ROLES, type Viewer } from '../access/roles.ts';
import type { Person } from '../domain/person.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../domain/record-meta.ts';
import { importRecords } from '../interchange/import-records.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { publishingRecords, testKeys, testMeta } from '../testing/factories.ts';
import { countRecords } from './count-records.ts';
import { readRecord } from './read-record.ts';
import { searchRecords } from './search-records.ts';

// One person per confidentiality level, each with a name found nowhere else, every one verified;
// plus one unverified public person, which the public must never see.
const NAMES: Record<Confidentiality, string> = {
  public: '공개하나',
  internal: '내부둘셋',
  restricted: '제한넷다',
  'strictly-confidential': '극비여섯',
};

function person(level: Confidentiality, index: number, status: 'verified' | 'draft' = 'verified'): Person {
  return {
    type: 'person',
    ...testMeta(`P-${level}-${status}`),
    status,
    confidentiality: level,
    code: `V-00${index}${status === 'verified' ? 1 : 2}`,
    names: [{ value: NAMES[level], form: 'HANGUL' }],
    birth: { from: '1975-04-12' },
    roles: ['VICTIM'],
    positions: [],
    notes: { en: `marker${index} fieldnote` },
  };
}

const keys = testKeys();

describe('reading through the use-cases, for every role × level (docs/access.md)', () => {
  let store: SqliteStore;
  before(async () => {
    store = openSqliteStore(':memory:');
    const persons = CONFIDENTIALITY_LEVELS.map((level, i) => person(level, i));
    persons.push(person('public', 9, 'draft'));
    // The public sees a person only through a published act resting on a published source.
    const records = [...publishingRecords(persons), ...persons];
    const report = await importRecords(
      store,
      [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.equal(report.ok, true, JSON.stringify(report.problems));
  });
  after(() => store.close());

  for (const role of ROLES) {
    const viewer: Viewer = { user: `u-${role}`, role };
    const visible = (level: Confidentiality) => isAllowed(viewer, 'read-records', level);
    const identifying = (level: Confidentiality) => isAllowed(viewer, 'read-identifying', level);

    it(`${role}: reads exactly the allowed levels, names only where identifying fields are allowed`, async () => {
      for (const level of CONFIDENTIALITY_LEVELS) {
        const record = await readRecord(store, viewer, keys, `P-${level}-verified`);
        assert.equal(record !== undefined, visible(level), `${level}: visible`);
        if (record?.type !== 'person') continue;
        assert.equal(record.names.length > 0, identifying(level), `${level}: names`);
        assert.equal(
          record.birth?.from,
          identifying(level) ? '1975-04-12' : '1975',
          `${level}: birth precision`,
        );
        assert.equal(record.notes !== undefined, identifying(level), `${level}: notes`);
      }
      const draft = await readRecord(store, viewer, keys, 'P-public-draft');
      assert.equal(draft !== undefined, role !== 'public', 'unverified record');
    });

    it(`${role}: search matches only visible records, and names only where allowed`, async () => {
      const allHits = (await searchRecords(store, viewer, keys, 'V', { limit: 50 }))
        .filter((r) => r.type === 'person')
        .map((r) => r.id)
        .sort();
      const expected = CONFIDENTIALITY_LEVELS.filter(visible).map((l) => `P-${l}-verified`);
      if (role !== 'public' && visible('public')) expected.push('P-public-draft');
      assert.deepEqual(allHits, expected.sort());
      for (const level of CONFIDENTIALITY_LEVELS) {
        const byName = await searchRecords(store, viewer, keys, NAMES[level].slice(1, 3), { limit: 50 });
        const expectHit = visible(level) && identifying(level);
        assert.equal(
          byName.some((r) => r.id === `P-${level}-verified`),
          expectHit,
          `${level}: found by name`,
        );
        const byNote = await searchRecords(
          store,
          viewer,
          keys,
          `marker${CONFIDENTIALITY_LEVELS.indexOf(level)}`,
          {
            limit: 50,
          },
        );
        assert.equal(byNote.length > 0, expectHit, `${level}: found by a note`);
      }
      for (const hit of await searchRecords(store, viewer, keys, 'V', { limit: 50 })) {
        if (hit.type === 'person' && !identifying(hit.confidentiality)) assert.deepEqual(hit.names, []);
      }
    });

    it(`${role}: counts only what its statistics level allows`, async () => {
      const counts = await countRecords(store, viewer);
      const levels = CONFIDENTIALITY_LEVELS.filter((l) => isAllowed(viewer, 'view-statistics', l));
      const expected = levels.length + (role !== 'public' && levels.includes('public') ? 1 : 0);
      assert.equal(counts.person, expected);
    });
  }

  it('audits reads of restricted and strictly confidential records, with the reason', async () => {
    const before = [];
    for await (const e of store.auditEntries()) before.push(e);
    await readRecord(
      store,
      { user: 'coord-1', role: 'coordinator' },
      keys,
      'P-strictly-confidential-verified',
      'preparing UN submission',
    );
    await readRecord(store, { user: 'coord-1', role: 'coordinator' }, keys, 'P-internal-verified');
    const after = [];
    for await (const e of store.auditEntries()) after.push(e);
    assert.equal(after.length, before.length + 1);
    const last = after.at(-1);
    assert.deepEqual(
      [last?.actor, last?.action, last?.target, last?.reason],
      ['coord-1', 'read', 'P-strictly-confidential-verified', 'preparing UN submission'],
    );
  });
});
