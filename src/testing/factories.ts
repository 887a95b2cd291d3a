import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FieldKeys } from '../access/field-cipher.ts';
import { CODES } from '../demo/demo-codes.ts';
import type { Act } from '../domain/act.ts';
import type { Episode } from '../domain/episode.ts';
import type { Facility } from '../domain/facility.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Person } from '../domain/person.ts';
import type { DaylightRecord } from '../domain/record.ts';
import type { Source } from '../domain/source.ts';
import { importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';

const AT = '2025-03-01T10:00:00.000Z';

/** Common fields for a test record. */
export function testMeta(id: string) {
  return {
    id,
    version: 1,
    created_at: AT,
    created_by: 'tester',
    updated_at: AT,
    updated_by: 'tester',
    status: 'draft' as const,
    confidentiality: 'internal' as const,
  };
}

/** A small, valid, fully linked set of records: organisation, facility, two persons, source, episode, act. */
export function testRecords() {
  const organisation: Organisation = {
    type: 'organisation',
    ...testMeta('O-TEST'),
    name: { en: 'Test Documentation Group', ko: '시험기록단' },
    programmes: [{ code: 'SEOUL', name: { en: 'Seoul interviews' } }],
  };
  const facility: Facility = {
    type: 'facility',
    ...testMeta('F-TEST'),
    name: { en: 'Reform-through-labour camp No. 12 (Jongo-ri)', ko: '전거리 교화소' },
    aliases: ['Chŏngŏ-ri'],
    facility_type: CODES.facilityType.kyohwaso,
    agency: CODES.agency.msos,
    location: {
      province: 'NORTH-HAMGYONG',
      point: { lat: 42.4, lon: 129.7, precision: 'approximate', radius_km: 10 },
    },
  };
  const victim: Person = {
    type: 'person',
    ...testMeta('P-1'),
    code: 'V-000001',
    names: [
      { value: '리영호', form: 'HANGUL-NORTH' },
      { value: 'Ri Yong Ho', form: 'ROMANIZED-DPRK' },
    ],
    sex: 'male',
    birth: { from: '1975', approximate: true },
    roles: [CODES.role.victim, CODES.role.interviewee],
    positions: [],
  };
  const guard: Person = {
    type: 'person',
    ...testMeta('P-2'),
    code: 'X-000002',
    names: [{ value: '박철수', form: 'HANGUL' }],
    roles: [CODES.role.perpetrator],
    positions: [
      {
        agency: CODES.agency.msos,
        rank: { en: 'Guard', ko: '경비원' },
        facility: 'F-TEST',
        period: { from: '2015', to: '2019' },
      },
    ],
  };
  const source: Source = {
    type: 'source',
    ...testMeta('S-1'),
    kind: CODES.sourceType.interview,
    date: { from: '2024-05-02' },
    languages: ['ko'],
    interviewer: 'investigator-1',
    interviewee: 'P-1',
    organisation: 'O-TEST',
    programme: 'SEOUL',
    consent: { scopes: ['INTERNAL-USE'] },
    files: [],
    related_sources: [],
    summary: { en: 'Describes forced labour in the quarry', ko: '채석장에서의 강제노동을 진술함' },
  };
  const episode: Episode = {
    type: 'episode',
    ...testMeta('E-1'),
    person: 'P-1',
    steps: [
      {
        kind: 'arrest',
        date: { from: '2018-03' },
        agency: CODES.agency.mss,
        legal_basis: [{ law: CODES.law.criminalCode }],
      },
      { kind: 'detention', date: { from: '2018', to: '2021' }, facility: 'F-TEST', legal_basis: [] },
    ],
    sources: ['S-1'],
  };
  const act: Act = {
    type: 'act',
    ...testMeta('A-1'),
    act_type: CODES.act.forcedLabour,
    victims: ['P-1'],
    perpetrators: [{ person: 'P-2', involvement: CODES.involvement.carriedOut }],
    facility: 'F-TEST',
    episode: 'E-1',
    date: { from: '2019', to: '2020' },
    legal_basis: [],
    norms: [CODES.norm.iccpr10],
    sources: [{ source: 'S-1', connection: CODES.connection.victim }],
    description: {
      en: 'Forced to work in the quarry fourteen hours a day',
      ko: '하루 14시간 채석장 노동을 강요당함',
    },
  };
  return { organisation, facility, victim, guard, source, episode, act };
}

/** The test records as JSON Lines text, in a fixed order. */
export function testJsonLines(): string {
  return `${Object.values(testRecords())
    .map((r) => JSON.stringify(r))
    .join('\n')}\n`;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'daylight-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Fixed keys for tests that do not test the keyring itself (no scrypt, same every run). */
export function testKeys(): FieldKeys {
  const key = (n: number) => Buffer.alloc(32, n);
  return { activeId: 'k1', dataKeys: { k1: key(1) }, indexKey: key(2), contentKey: key(3) };
}

/** The passphrase `runCli` gives the real command unless a test sets another. */
export const TEST_PASSPHRASE = 'test passphrase for daylight';

/**
 * What makes persons visible to the public (the published view): a published organisation and
 * document source, and for each person an act naming them as victim, at the person's level and
 * review status, resting on that document.
 */
export function publishingRecords(persons: readonly Person[]): DaylightRecord[] {
  const fixture = testRecords();
  const meta = { confidentiality: 'public' as const, status: 'verified' as const };
  const { interviewee: _, consent: __, ...document } = { ...fixture.source, ...meta, id: 'S-DOC' };
  const connection = fixture.act.sources[0]?.connection as string;
  const acts = persons.map(
    (p): Act => ({
      ...fixture.act,
      id: `A-${p.id}`,
      confidentiality: p.confidentiality,
      status: p.status,
      victims: [p.id],
      perpetrators: [],
      facility: undefined,
      episode: undefined,
      sources: [{ source: 'S-DOC', connection }],
    }),
  );
  return [{ ...fixture.organisation, ...meta }, document, ...acts];
}

/** Imports records (numbered lines of one file `t`) and fails the test, listing the problems, unless all went in. */
export async function importOrFail(
  store: Store,
  records: readonly unknown[],
  keys: FieldKeys,
): Promise<void> {
  const report = await importRecords(
    store,
    [{ file: 't', lines: records.map((value, i) => ({ line: i + 1, value })) }],
    {
      keys,
    },
  );
  if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.problems)}`);
}
