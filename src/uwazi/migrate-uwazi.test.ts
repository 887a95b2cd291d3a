import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify as stringifyYaml } from 'yaml';
import { revealRecord } from '../access/field-cipher.ts';
import type { Act } from '../domain/act.ts';
import type { Facility } from '../domain/facility.ts';
import type { Person } from '../domain/person.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Source } from '../domain/source.ts';
import { BlobStore } from '../evidence/blob-store.ts';
import { formatProblem } from '../interchange/import-records.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { tempDir, testKeys } from '../testing/factories.ts';
import { migrateUwazi } from './migrate-uwazi.ts';
import { readMappingFile, type UwaziMapping } from './uwazi-mapping.ts';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
export const EXAMPLE_MAPPING = fileURLToPath(
  new URL('../../data/uwazi/example-mapping.json', import.meta.url),
);
const GOOD = ['facilities.csv', 'victims.csv', 'perpetrators.csv', 'testimonies.csv', 'violations.csv'].map(
  fixture,
);
const admin = { user: 'admin', role: 'admin' as const };

/** Every live record of the store, revealed, by type. */
export async function allRecords(store: SqliteStore): Promise<DaylightRecord[]> {
  const out: DaylightRecord[] = [];
  for (const type of ['organisation', 'facility', 'person', 'source', 'act'] as const)
    for await (const json of store.exportRecords(type)) out.push(revealRecord(JSON.parse(json), testKeys()));
  return out;
}

describe('migrating an Uwazi CSV export', () => {
  const dir = tempDir();
  let store: SqliteStore;
  let mapping: UwaziMapping;
  before(async () => {
    store = openSqliteStore(join(dir.path, 'uwazi.db'));
    const read = await readMappingFile(EXAMPLE_MAPPING);
    assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
    mapping = read.mapping;
  });
  after(async () => {
    await store.close();
    dir.remove();
  });
  const migrate = (csvFiles: string[]) =>
    migrateUwazi(store, new BlobStore(join(dir.path, 'files')), admin, testKeys(), { mapping, csvFiles });

  it('reports a bad row by line and column, and imports nothing', async () => {
    const bad = [...GOOD.slice(0, 4), fixture('violations-bad.csv')];
    const report = await migrate(bad);
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems.map(formatProblem), [
      `${fixture('violations-bad.csv')}:3: Violation type: unknown thesaurus value "Flogging with feathers"`,
    ]);
    assert.equal((await allRecords(store)).length, 0, 'nothing imported');
  });

  it('imports templates into records, resolving relationships across files by title', async () => {
    const report = await migrate(GOOD);
    assert.ok(report.ok, report.problems.map(formatProblem).join('\n'));
    assert.deepEqual(report.byType, { facility: 2, person: 4, source: 2, act: 2, organisation: 1 });
    const records = await allRecords(store);
    const persons = records.filter((r): r is Person => r.type === 'person');
    const byName = (name: string) => persons.find((p) => p.names.some((n) => n.value === name)) as Person;
    const kim = byName('Kim Testone');
    assert.deepEqual(kim.names, [
      { value: 'Kim Testone', form: 'ROMANIZED-OTHER' },
      { value: '김시험', form: 'HANGUL' },
    ]);
    assert.match(kim.code, /^V-\d{9}$/);
    assert.deepEqual(
      [kim.sex, kim.birth, kim.origin, kim.current_status, kim.roles],
      ['female', { from: '1980' }, { province: 'NORTH-HAMGYONG' }, 'RESETTLED-ROK', ['VICTIM']],
    );
    assert.equal(kim.created_at, '2021-05-01T00:00:00.000Z');
    const lee = byName('Lee Testtwo');
    assert.deepEqual([lee.code, lee.birth], ['V-000222', { from: '1975-06' }]);
    const guard = byName('경비원 일');
    assert.deepEqual(guard.roles, ['PERPETRATOR']);
    assert.match(guard.code, /^X-/);

    const facilities = records.filter((r): r is Facility => r.type === 'facility');
    const alpha = facilities.find((f) => f.name.en === 'Camp Alpha (fictional)') as Facility;
    assert.deepEqual(alpha.name, { en: 'Camp Alpha (fictional)', ko: '알파 수용소 (가상)' });
    assert.deepEqual(
      [alpha.facility_type, alpha.agency, alpha.location, alpha.aliases, alpha.operating, alpha.reference],
      [
        'KWANLISO',
        'MSS',
        { province: 'NORTH-HAMGYONG', point: { lat: 41.5, lon: 129.5, precision: 'approximate' } },
        ['Alpha', 'Camp A'],
        { from: 1970, to: 2010 },
        'https://example.org/alpha',
      ],
    );
    assert.equal(alpha.confidentiality, 'public', 'published in Uwazi');
    const beta = facilities.find((f) => f.id !== alpha.id) as Facility;
    assert.deepEqual([beta.facility_type, beta.confidentiality], ['JIPKYULSO', 'internal']);

    const interview = records.find(
      (r): r is Source => r.type === 'source' && r.kind === 'INTERVIEW',
    ) as Source;
    assert.deepEqual(
      [interview.interviewee, interview.date, interview.organisation],
      [kim.id, { from: '2019-08-20' }, 'O-UWAZI'],
    );

    const acts = records.filter((r): r is Act => r.type === 'act');
    const beating = acts.find((a) => a.act_type === 'TORTURE-BEATING') as Act;
    assert.deepEqual(beating.victims, [kim.id, lee.id]);
    assert.deepEqual(beating.perpetrators, [{ person: guard.id, involvement: 'UNKNOWN' }]);
    assert.deepEqual(
      [beating.facility, beating.date, beating.norms, beating.status],
      [alpha.id, { from: '2015-03-01', to: '2015-06-30' }, ['ICCPR-7', 'ICCPR-10'], 'submitted'],
    );
    assert.deepEqual(beating.description, {
      en: 'Beaten during interrogation (synthetic)',
      ko: '심문 중 구타 (가상)',
    });
    assert.deepEqual(beating.sources, [{ source: interview.id, connection: 'VICTIM' }]);
    const labour = acts.find((a) => a.act_type === 'FORCED-LABOUR') as Act;
    assert.deepEqual(
      [labour.date, labour.facility, labour.confidentiality],
      [{ from: '2016', to: '2017' }, beta.id, 'public'],
    );
    assert.deepEqual(
      labour.sources,
      [{ source: 'S-UWAZI-DATABASE', connection: 'DOCUMENT' }],
      'the default source',
    );
  });

  it('reads the same mapping written in YAML, and names a YAML error', async () => {
    const yamlPath = join(dir.path, 'mapping.yaml');
    writeFileSync(yamlPath, stringifyYaml(JSON.parse(readFileSync(EXAMPLE_MAPPING, 'utf8'))));
    const read = await readMappingFile(yamlPath);
    assert.ok(read.ok);
    assert.deepEqual(read.mapping, mapping);
    const broken = join(dir.path, 'broken.yml');
    writeFileSync(broken, 'templates: [unclosed\n');
    const bad = await readMappingFile(broken);
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? (bad.problems[0]?.message ?? '') : '', /not readable YAML/);
  });

  it('changes nothing when run again', async () => {
    const report = await migrate(GOOD);
    assert.ok(report.ok, report.problems.map(formatProblem).join('\n'));
    assert.deepEqual([report.inserted, report.unchanged], [0, 11]);
  });
});
