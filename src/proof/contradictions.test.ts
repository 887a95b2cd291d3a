import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Act } from '../domain/act.ts';
import { testRecords } from '../testing/factories.ts';
import { findContradictions, mayOverlap } from './contradictions.ts';

const coded = testRecords().act; // 2019–2020, facility F-TEST, perpetrator P-2

function withAccounts(sources: Act['sources']): Act {
  return { ...coded, sources };
}

describe('contradictions between sources', () => {
  it('dates that cannot overlap, between two sources and with the act as coded', () => {
    const found = findContradictions(
      withAccounts([
        { source: 'S-1', connection: 'VICTIM', account: { date: { from: '2019-06' } } },
        { source: 'S-2', connection: 'EYEWITNESS', account: { date: { from: '2016', to: '2017' } } },
      ]),
    );
    assert.deepEqual(found, [
      { field: 'date', source: 'S-1', with: 'S-2', withCoding: false },
      { field: 'date', source: 'S-2', with: 'A-1', withCoding: true },
    ]);
  });

  it('fuzzy dates that may mean the same time do not contradict; approximate ones are widened by a year', () => {
    assert.ok(mayOverlap({ from: '2019' }, { from: '2019-03-02' }));
    assert.ok(mayOverlap({ from: '2015', to: '2019' }, { from: '2019-12' }));
    assert.ok(!mayOverlap({ from: '2019-02' }, { from: '2019-03' }));
    assert.ok(mayOverlap({ from: '2015', approximate: true }, { from: '2016-07' }));
    assert.ok(!mayOverlap({ from: '2015', approximate: true }, { from: '2017-01' }));
  });

  it('different facilities', () => {
    const found = findContradictions(
      withAccounts([
        { source: 'S-1', connection: 'VICTIM', account: { facility: 'F-TEST' } },
        { source: 'S-2', connection: 'EYEWITNESS', account: { facility: 'F-OTHER' } },
      ]),
    );
    assert.deepEqual(found, [
      { field: 'facility', source: 'S-1', with: 'S-2', withCoding: false },
      { field: 'facility', source: 'S-2', with: 'A-1', withCoding: true },
    ]);
  });

  it('perpetrator sets that are both non-empty and share nobody', () => {
    const found = findContradictions(
      withAccounts([
        { source: 'S-1', connection: 'VICTIM', account: { perpetrators: ['P-2', 'P-3'] } },
        { source: 'S-2', connection: 'EYEWITNESS', account: { perpetrators: ['P-3'] } },
        { source: 'S-3', connection: 'EYEWITNESS', account: { perpetrators: ['P-9'] } },
        { source: 'S-4', connection: 'EYEWITNESS', account: { perpetrators: [] } },
      ]),
    );
    assert.deepEqual(found, [
      { field: 'perpetrators', source: 'S-1', with: 'S-3', withCoding: false },
      { field: 'perpetrators', source: 'S-2', with: 'S-3', withCoding: false },
      { field: 'perpetrators', source: 'S-2', with: 'A-1', withCoding: true },
      { field: 'perpetrators', source: 'S-3', with: 'A-1', withCoding: true },
    ]);
  });

  it('sources without an account, or silent on a field, contradict nothing', () => {
    const found = findContradictions(
      withAccounts([
        { source: 'S-1', connection: 'VICTIM' },
        { source: 'S-2', connection: 'EYEWITNESS', account: { date: { from: '2020' } } },
        { source: 'S-3', connection: 'EYEWITNESS', account: { facility: 'F-TEST' } },
      ]),
    );
    assert.deepEqual(found, []);
  });
});
