import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readUprStates, StateNames } from './state-names.ts';

const names = new StateNames(readUprStates());

test('reads lists of states in the spellings of the reports into UPR Info names', () => {
  assert.deepEqual(names.readList('Algeria, Philippines, Egypt,\nMexico, Peru'), [
    'Algeria',
    'Philippines',
    'Egypt',
    'Mexico',
    'Peru',
  ]);
  assert.deepEqual(names.readList('Cuba, Ghana and the Netherlands'), ['Cuba', 'Ghana', 'Netherlands']);
  assert.deepEqual(names.readList('Bolivia (Plurinational State of)'), ['Bolivia']);
  assert.deepEqual(names.readList('United Kingdom of Great Britain and Northern Ireland'), [
    'United Kingdom',
  ]);
  assert.deepEqual(names.readList('Democratic Peoples’ Republic of Korea'), ['DPR Korea']);
  assert.deepEqual(names.readList('Republic of Korea, Bosnia and Herzegovina'), [
    'Republic of Korea',
    'Bosnia & Herzegovina',
  ]);
  assert.equal(names.nameOf('Côte d’Ivoire'), "Cote d'Ivoire");
});

test('parentheses that do not hold only states are not read as states', () => {
  assert.equal(names.readList('ICCPR'), undefined);
  assert.equal(names.readList('OP-CRPD'), undefined);
  assert.equal(names.readList('Canada, in particular'), undefined);
  assert.equal(names.readList('Chadian Constitution'), undefined);
});

test('every state name in UPR Info’s export is in the shipped list', () => {
  const csv = new URL('../../../shared/data/upr-info/recommendations.csv', import.meta.url);
  const rows: Record<string, string>[] = parse(readFileSync(csv), { columns: true });
  const missing = new Set<string>();
  for (const row of rows)
    for (const name of [row.From ?? '', row.To ?? ''])
      if (!name.includes('&#40;') && !names.isKnown(name)) missing.add(name);
  assert.deepEqual([...missing], []);
});
