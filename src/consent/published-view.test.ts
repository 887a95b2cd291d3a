import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CODES } from '../demo/demo-codes.ts';
import type { Act } from '../domain/act.ts';
import type { Episode } from '../domain/episode.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Source } from '../domain/source.ts';
import { importRecords } from '../interchange/import-records.ts';
import { prepareRecord } from '../interchange/parse-record.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys, testRecords } from '../testing/factories.ts';
import { computeView, publishedView } from './published-view.ts';

// Four persons, two interviews (S-A allows publication, S-B does not), two episodes and six acts,
// all public and verified; then a seeded walk of writes, each followed by the view compared with
// one made from scratch.
const keys = testKeys();
const published = { confidentiality: 'public' as const, status: 'verified' as const };
const PERSONS = ['P-A', 'P-B', 'P-C', 'P-D'];

function fixture(): DaylightRecord[] {
  const t = testRecords();
  const persons = PERSONS.map((id, i) => ({ ...t.victim, ...published, id, code: `V-00000${i + 1}` }));
  const interview = (id: string, interviewee: string, scopes: string[]): Source => ({
    ...t.source,
    ...published,
    id,
    interviewee,
    consent: { scopes },
  });
  const episode = (id: string, person: string, sources: string[]): Episode => ({
    ...t.episode,
    ...published,
    id,
    person,
    sources,
  });
  const act = (n: number): Act => ({
    ...t.act,
    ...published,
    id: `A-${n}`,
    victims: [PERSONS[n % 4] as string],
    perpetrators: [],
    episode: undefined,
    sources: [{ source: n % 2 ? 'S-A' : 'S-B', connection: CODES.connection.victim }],
  });
  return [
    { ...t.organisation, ...published },
    { ...t.facility, ...published },
    ...persons,
    interview('S-A', 'P-A', ['INTERNAL-USE', 'ANONYMISED-PUBLICATION']),
    interview('S-B', 'P-B', ['INTERNAL-USE']),
    episode('E-A', 'P-C', ['S-A']),
    episode('E-B', 'P-D', ['S-B']),
    ...[1, 2, 3, 4, 5, 6].map(act),
  ] as DaylightRecord[];
}

/** A seeded generator (mulberry32), so a failing walk can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the public view after writes', () => {
  let store: SqliteStore;
  const dir = tempDir();
  const current = new Map<string, DaylightRecord>();
  before(async () => {
    store = openSqliteStore(join(dir.path, 'view.db'));
    const records = fixture();
    const report = await importRecords(
      store,
      [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.deepEqual(report.ok ? [] : report.problems, []);
    for (const r of records) current.set(r.id, r);
  });
  after(async () => {
    await store.close();
    dir.remove();
  });

  /** Stores a new version of a record as given (status included), through the store's own edit. */
  async function put(record: DaylightRecord) {
    const before = current.get(record.id) as DaylightRecord;
    const next = { ...record, version: before.version + 1 } as DaylightRecord;
    const prepared = prepareRecord(next, keys);
    assert.ok(prepared.ok, JSON.stringify(prepared.ok || prepared.problems));
    const session = await store.beginWrite();
    const [outcome] = await session.edit([{ prepared: prepared.prepared, expectedVersion: before.version }]);
    await session.commit();
    assert.equal(outcome, 'edited');
    current.set(record.id, next);
  }

  /** The view the cache gives must be the view made from scratch: counts and every record's verdict. */
  async function assertFresh(step: string) {
    const view = await publishedView(store);
    const fresh = await computeView(store);
    assert.deepEqual(view.counts, fresh.counts, step);
    for (const id of current.keys()) {
      const stored = (await store.getRecord(id)) as DaylightRecord;
      assert.equal(view.plan.leaves(stored), fresh.plan.leaves(stored), `${step}: ${id}`);
    }
    return view;
  }

  it('keeps the view when a write cannot change it, makes it again when one can', async () => {
    const first = await assertFresh('start');
    assert.equal(first.counts.act, 3, 'the acts resting on S-A');
    assert.equal(
      first.counts.person,
      4,
      'the interviewee of S-A, the victims of A-1, A-3, A-5, the person of E-A',
    );

    const a1 = current.get('A-1') as Act;
    await put({ ...a1, description: { en: 'Reworded', ko: '고쳐 씀' } });
    assert.equal(await assertFresh('description'), first, 'a reworded act does not make the view again');

    const draft = {
      ...testRecords().act,
      id: 'A-NEW',
      victims: ['P-B'],
      episode: undefined,
      perpetrators: [],
      sources: [{ source: 'S-A', connection: CODES.connection.victim }],
    };
    const report = await importRecords(store, [{ file: 'd', lines: [{ line: 1, value: draft }] }], { keys });
    assert.deepEqual(report.ok ? [] : report.problems, []);
    current.set('A-NEW', draft as DaylightRecord);
    assert.equal(await assertFresh('draft added'), first, 'a draft the public cannot see changes nothing');

    await put({ ...(current.get('A-1') as Act), victims: ['P-D'] });
    const second = await assertFresh('victim changed');
    assert.notEqual(second, first);

    const sa = current.get('S-A') as Source;
    await put({ ...sa, consent: { scopes: ['INTERNAL-USE'] } });
    const third = await assertFresh('consent narrowed');
    assert.notEqual(third, second);
    assert.equal(third.counts.act, 0, 'nothing rests on a source that allows publication now');
    await put({ ...(current.get('S-A') as Source), consent: sa.consent });
    assert.equal((await assertFresh('consent restored')).counts.act, 3);
  });

  it('equals a view made from scratch after every write of a seeded walk', async () => {
    const next = random(20261128);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const acts = [1, 2, 3, 4, 5, 6].map((n) => `A-${n}`);
    let kept = 0;
    let made = 0;
    let before = await publishedView(store);
    for (let step = 0; step < 60; step++) {
      const kind = pick(['text', 'victims', 'level', 'status', 'sources', 'episode', 'person', 'delete']);
      if (kind === 'episode') {
        const e = current.get(pick(['E-A', 'E-B'])) as Episode;
        await put({ ...e, sources: [pick(['S-A', 'S-B'])], person: pick(PERSONS) });
      } else if (kind === 'person') {
        const p = current.get(pick(PERSONS)) as DaylightRecord;
        await put({ ...p, confidentiality: p.confidentiality === 'public' ? 'internal' : 'public' });
      } else {
        const a = current.get(pick(acts)) as Act;
        const edited: Act =
          kind === 'text'
            ? { ...a, description: { en: `step ${step}` } }
            : kind === 'victims'
              ? { ...a, victims: [pick(PERSONS)] }
              : kind === 'level'
                ? { ...a, confidentiality: a.confidentiality === 'public' ? 'internal' : 'public' }
                : kind === 'status'
                  ? { ...a, status: a.status === 'verified' ? 'submitted' : 'verified' }
                  : kind === 'sources'
                    ? {
                        ...a,
                        sources: [{ source: pick(['S-A', 'S-B']), connection: CODES.connection.victim }],
                      }
                    : {
                        ...a,
                        deleted: a.deleted
                          ? undefined
                          : { at: a.updated_at, by: 'tester', reason: 'duplicate' },
                      };
        await put(edited);
      }
      const view = await assertFresh(`step ${step} (${kind})`);
      if (view === before) kept++;
      else made++;
      before = view;
    }
    // Both paths were taken (the walk's seed fixes how often).
    assert.ok(kept > 5 && made > 5, `kept ${kept}, made ${made}`);
  });
});
