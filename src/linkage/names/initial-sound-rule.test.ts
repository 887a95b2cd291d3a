import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { northForm, southForm, southSyllable } from './initial-sound-rule.ts';

describe('southSyllable', () => {
  const pairs: [string, string][] = [
    ['리', '이'],
    ['로', '노'],
    ['류', '유'],
    ['림', '임'],
    ['량', '양'],
    ['려', '여'],
    ['녀', '여'],
    ['라', '나'],
    ['락', '낙'],
    ['룡', '용'],
    ['련', '연'],
    ['례', '예'],
  ];
  for (const [north, south] of pairs)
    it(`${north} → ${south}`, () => {
      assert.equal(southSyllable(north), south);
    });
  it('leaves syllables the rule does not touch', () => {
    for (const s of ['김', '이', '노', '영', '호', '수']) assert.equal(southSyllable(s), s);
  });
});

describe('southForm and northForm', () => {
  it('apply the rule to the surname and the first given syllable only', () => {
    assert.equal(southForm('리용호'), '이용호');
    assert.equal(southForm('최룡해'), '최용해');
    assert.equal(southForm('림순녀'), '임순녀');
    assert.equal(southForm('로명희'), '노명희');
    assert.equal(southForm('김영룡'), '김영룡');
    assert.equal(southForm('남궁련'), '남궁연');
    assert.equal(southForm('리 용호'), '이 용호');
  });
  it('restore the North’s surnames and usual first syllables', () => {
    assert.equal(northForm('이용호'), '리룡호');
    assert.equal(northForm('임순녀'), '림순녀');
    assert.equal(northForm('노명희'), '로명희');
    assert.equal(northForm('유경'), '류경');
    assert.equal(northForm('양은철'), '량은철');
    assert.equal(northForm('김영호'), '김영호');
  });
  it('round-trip: south of north is the south form', () => {
    for (const name of ['이용호', '임순녀', '노명희', '유경', '양은철', '김영호'])
      assert.equal(southForm(northForm(name)), name);
  });
});
