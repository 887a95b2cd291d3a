import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MentionLine } from './mention.ts';

describe('mention input lines', () => {
  it('years as numbers, numeric text, or approximate text; sex in several spellings; null and blank as unknown', () => {
    for (const [input, year] of [
      [1975, 1975],
      ['1975', 1975],
      ['around 1975', 1975],
      ['c. 1975', 1975],
      ['1975?', 1975],
      ['ca 1968', 1968],
      [null, undefined],
      ['', undefined],
    ] as const)
      assert.equal(MentionLine.parse({ id: 'a', birth_year: input }).birth_year, year, String(input));
    for (const [input, sex] of [
      ['M', 'M'],
      ['m', 'M'],
      ['Male', 'M'],
      ['남', 'M'],
      ['female', 'F'],
      ['F', 'F'],
      ['여', 'F'],
      [null, undefined],
    ] as const)
      assert.equal(MentionLine.parse({ id: 'a', sex: input }).sex, sex, String(input));
    assert.equal(MentionLine.parse({ id: 7 }).id, '7');
    assert.equal(MentionLine.parse({ id: 'a', name: '  ' }).name, undefined);
  });

  it('refuses what it cannot read, naming the field', () => {
    for (const [input, field] of [
      [{ id: 'a', birth_year: 'the seventies' }, 'birth_year'],
      [{ id: 'a', birth_year: 1975.5 }, 'birth_year'],
      [{ id: 'a', birth_year: 1820 }, 'birth_year'],
      [{ id: 'a', sex: 'X' }, 'sex'],
      [{ id: '' }, 'id'],
      [{ name: 'no id' }, 'id'],
      [{ id: 'a', name: 12 }, 'name'],
      [{ id: 'a', detained_from: 2012, detained_to: 2010 }, 'detained_to'],
    ] as const) {
      const parsed = MentionLine.safeParse(input);
      assert.equal(parsed.success, false, JSON.stringify(input));
      assert.equal(parsed.error?.issues[0]?.path[0], field);
    }
  });
});
