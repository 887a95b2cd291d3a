import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareRecord } from '../interchange/parse-record.ts';
import { testKeys, testMeta, testRecords } from '../testing/factories.ts';
import { dateBounds, FuzzyDate, latestDay, precisionOf } from './fuzzy-date.ts';
import { RECORD_SCHEMAS, RECORD_TYPES, referencesOf } from './record.ts';

/** Field paths of the problems a value has, as `prepareRecord` reports them. */
function problemFields(value: unknown): string[] {
  const result = prepareRecord(value, testKeys());
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
}

describe('record schemas', () => {
  const records = testRecords();

  it('accept a valid record of every type', () => {
    const types = new Set<string>(Object.values(records).map((r) => r.type));
    for (const record of Object.values(records)) assert.deepEqual(problemFields(record), [], record.type);
    const elsewhere = ['file', 'custody', 'consent', 'assessment'];
    for (const type of RECORD_TYPES.filter((t) => !elsewhere.includes(t))) assert.ok(types.has(type), type);
  });

  it('consent change: scopes from the vocabulary, at least one, withdraw or grant', () => {
    const change = {
      type: 'consent',
      ...testMeta('C-1'),
      interviewee: 'P-1',
      change: 'withdraw',
      scopes: ['QUOTATION'],
      at: '2026-11-27T10:00:00Z',
      recorded_by: 'coordinator',
    };
    assert.deepEqual(problemFields(change), []);
    assert.deepEqual(problemFields({ ...change, scopes: [] }), ['scopes: name at least one consent scope']);
    assert.deepEqual(problemFields({ ...change, scopes: ['EVERYTHING'] }), [
      'scopes[0]: not a code of the consent-scopes vocabulary',
    ]);
    assert.equal(problemFields({ ...change, change: 'pause' }).length, 1);
  });

  it('assessment: reliability of a source, or credibility of what it says about an act, with a reason', () => {
    const assessment = {
      type: 'assessment',
      ...testMeta('AS-1'),
      source: 'S-1',
      reliability: 'B',
      assessor: 'reviewer',
      at: '2026-11-27T10:00:00Z',
      reason: 'consistent with two earlier interviews',
    };
    assert.deepEqual(problemFields(assessment), []);
    assert.deepEqual(problemFields({ ...assessment, reliability: 'Z' }), [
      'reliability: not a code of the source-reliability vocabulary',
    ]);
    assert.equal(
      problemFields({ ...assessment, act: 'A-1' }).length,
      1,
      'an act assessment needs credibility',
    );
    assert.deepEqual(
      problemFields({ ...assessment, act: 'A-1', reliability: undefined, credibility: '2' }),
      [],
    );
    assert.deepEqual(problemFields({ ...assessment, reason: '' }), [
      'reason: give the reason for the assessment',
    ]);
  });

  it('organisation: programme codes are upper-case codes', () => {
    const bad = { ...records.organisation, programmes: [{ code: 'seoul office', name: { en: 'x' } }] };
    assert.deepEqual(problemFields(bad), ['programmes[0].code: expected an upper-case code']);
  });

  it('facility: type must come from the vocabulary, coordinates must be on Earth', () => {
    const bad = {
      ...records.facility,
      facility_type: 'PRISON',
      location: { point: { lat: 95, lon: 129, precision: 'approximate' } },
    };
    const fields = problemFields(bad);
    assert.ok(
      fields.includes('facility_type: not a code of the facility-types vocabulary'),
      fields.join('\n'),
    );
    assert.ok(
      fields.some((f) => f.startsWith('location.point.lat:')),
      fields.join('\n'),
    );
  });

  it('person: pseudonymous code, known name forms, at least one role', () => {
    const bad = {
      ...records.victim,
      code: 'Ri Yong Ho',
      names: [{ value: 'x', form: 'NICKNAMES' }],
      roles: [],
    };
    assert.deepEqual(problemFields(bad).sort(), [
      'code: expected a pseudonymous code such as V-000123',
      'names[0].form: not a code of the name-forms vocabulary',
      'roles: a person has at least one role',
    ]);
  });

  it('person: a typo in a field name is reported, not silently dropped', () => {
    assert.deepEqual(problemFields({ ...records.victim, brith: { from: '1975' } }), [
      '(record): unknown field "brith"',
    ]);
  });

  it('source: organisation is required, consent scopes come from the vocabulary', () => {
    const { organisation: _omit, ...rest } = records.source;
    assert.deepEqual(problemFields({ ...rest, consent: { scopes: ['PUBLISH-EVERYTHING'] } }).sort(), [
      'consent.scopes[0]: not a code of the consent-scopes vocabulary',
      'organisation: is missing (expected string)',
    ]);
  });

  it('episode: needs steps and sources; step dates are checked', () => {
    const bad = { ...records.episode, steps: [{ kind: 'arrest', date: { from: '2018-13' } }], sources: [] };
    assert.deepEqual(problemFields(bad).sort(), [
      'sources: an episode rests on at least one source',
      'steps[0].date.from: expected YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('act: victim, source and connection are required; norms from the vocabulary', () => {
    const bad = { ...records.act, victims: [], sources: [{ source: 'S-1' }], norms: ['ICCPR-99'] };
    assert.deepEqual(problemFields(bad).sort(), [
      'norms[0]: not a code of the norms vocabulary',
      'sources[0].connection: is missing (expected a code)',
      'victims: an act has at least one victim',
    ]);
  });

  it('file and custody: SHA-256 in hex, known custody actions', () => {
    const file = { type: 'file', ...testMeta('sha256-x'), sha256: 'ABC', size: 3, media_type: 'text/plain' };
    assert.deepEqual(problemFields(file), ['sha256: expected a SHA-256 digest in lower-case hex']);
    const custody = {
      type: 'custody',
      ...testMeta('C-1'),
      file: 'sha256-x',
      at: '2025-01-01T00:00:00Z',
      actor: 'a',
      action: 'lost',
    };
    const fields = problemFields(custody);
    assert.equal(fields.length, 1);
    assert.match(fields[0] ?? '', /^action: /);
  });

  it('every record carries id, version, timestamps and status; a tombstone marks deletion', () => {
    const { version: _v, ...noVersion } = records.act;
    assert.deepEqual(problemFields(noVersion), ['version: is missing (expected number)']);
    const deleted = {
      ...records.act,
      deleted: { at: '2025-04-01T00:00:00Z', by: 'admin', reason: 'duplicate entry' },
    };
    assert.deepEqual(problemFields(deleted), []);
    assert.deepEqual(problemFields({ ...records.act, updated_at: 'yesterday' }), [
      'updated_at: Invalid ISO datetime',
    ]);
  });

  it('references name the field and the expected type', () => {
    const refs = referencesOf(RECORD_SCHEMAS.act.parse(records.act));
    assert.deepEqual(refs, [
      { field: 'victims[0]', target: 'P-1', targetType: 'person' },
      { field: 'perpetrators[0].person', target: 'P-2', targetType: 'person' },
      { field: 'facility', target: 'F-TEST', targetType: 'facility' },
      { field: 'episode', target: 'E-1', targetType: 'episode' },
      { field: 'sources[0].source', target: 'S-1', targetType: 'source' },
    ]);
  });
});

describe('fuzzy dates', () => {
  it('know their precision and the span of days they may mean', () => {
    assert.equal(precisionOf('2019'), 'year');
    assert.equal(precisionOf('2019-03'), 'month');
    assert.equal(precisionOf('2019-03-14'), 'day');
    assert.equal(latestDay('2020-02'), '2020-02-29');
    assert.equal(latestDay('2019-02'), '2019-02-28');
    assert.deepEqual(dateBounds({ from: '2019', to: '2021-06' }), {
      earliest: '2019-01-01',
      latest: '2021-06-30',
    });
  });

  it('reject impossible days and ranges that end before they start', () => {
    assert.equal(FuzzyDate.safeParse({ from: '2019-02-30' }).success, false);
    assert.equal(FuzzyDate.safeParse({ from: '2021', to: '2019' }).success, false);
    assert.equal(FuzzyDate.safeParse({ from: '2019-05', to: '2019' }).success, true);
  });
});
