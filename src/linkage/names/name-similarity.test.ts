import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameKey, nameSimilarity, nameSimilarityOfKeys } from './name-similarity.ts';
import { NAME_VARIANT_GROUPS } from './name-variant-groups.ts';
import { readName } from './read-name.ts';

const sim = (a: string, b: string) => nameSimilarity(readName(a), readName(b));

describe('nameSimilarity', () => {
  it('is 1 for the same name written the same way, 0 when a side is empty', () => {
    assert.equal(sim('Kim Yong-ho', 'Kim Yong-ho'), 1);
    assert.equal(sim('김영호', '김영호'), 1);
    assert.equal(sim('Kim Yong-ho', 'KIM YONG HO'), 1);
    assert.equal(sim('', 'Kim Yong-ho'), 0);
  });

  it('reads MR diacritics however they are typed (breve, caron, combining mark, ʻ)', () => {
    for (const mr of ['Kim Chŏng-ŭn', 'Kim Chǒng-ǔn', 'Kim Cho\u0306ng-u\u0306n'])
      assert.equal(sim(mr, '김정은'), 1, mr);
    assert.ok(sim('Chʻoe Ryong-hae', '최룡해') >= 0.95);
  });

  it('scores spellings of one name at least 0.95', () => {
    for (const group of NAME_VARIANT_GROUPS)
      for (const a of group)
        for (const b of group) assert.ok(sim(a, b) >= 0.95, `${a} ~ ${b}: ${sim(a, b).toFixed(3)}`);
  });

  it('scores different names of the variant table below 0.85', () => {
    const groups = NAME_VARIANT_GROUPS;
    for (let i = 0; i < groups.length; i++)
      for (let j = 0; j < groups.length; j++) {
        if (i === j) continue;
        for (const a of groups[i] ?? [])
          for (const b of (groups[j] ?? []).slice(0, 3))
            assert.ok(sim(a, b) < 0.85, `${a} ~ ${b}: ${sim(a, b).toFixed(3)}`);
      }
  });

  it('tells names differing in one syllable apart', () => {
    assert.ok(sim('Kim Chol-su', 'Kim Chol-ho') < 0.9);
    assert.ok(sim('김철수', '김철호') < 0.9);
    assert.ok(sim('Kim Yong-ho', 'Pak Yong-ho') < 0.8);
  });

  it('scores 영/용 (merged by DPRK and MR-ascii romanisation) high but below identity', () => {
    const hangul = sim('이영호', '이용호');
    assert.ok(hangul < 0.95 && hangul > sim('Kim Chol-su', 'Kim Chol-ho'), hangul.toFixed(3));
    assert.ok(sim('Ri Yong Ho', '이영호') >= 0.95);
    assert.ok(sim('Ri Yong Ho', '이용호') >= 0.95);
    assert.ok(sim('Ri Yong Ho', '이영호') < 1);
  });

  it('tolerates one typing slip, below a clean match', () => {
    const typo = sim('Lee Yonhgo', '이영호');
    assert.ok(typo >= 0.85 && typo < sim('Lee Yongho', '이영호'), typo.toFixed(3));
    assert.ok(sim('Lee Yngho', 'Lee Yong-ho') >= 0.8);
  });

  it('matches romanisations that follow pronunciation, as es-hangul writes whole words', () => {
    const pairs: [string, string][] = [
      ['김석호', 'Kim Seoko'],
      ['김복희', 'Kim Bokui'],
      ['김석일', 'Kim Seongnil'],
      ['김길녀', 'Kim Gillyeo'],
      ['김학렬', 'Kim Hangnyeol'],
      ['박영호', 'Bangnyeongho'],
      ['박은희', 'Bageunhui'],
      ['김은희', 'Gimeunhui'],
      ['김일봉', 'Gimmilbong'],
      ['최금영', 'Choe Geummyeong'],
      ['윤룡봉', 'Yullyongbong'],
      ['박학철', 'Bakakcheol'],
      ['최일', 'Choeil'],
    ];
    for (const [hangul, latin] of pairs) assert.ok(sim(hangul, latin) >= 0.95, `${hangul} ~ ${latin}`);
  });

  it('uses both name and name_ko readings', () => {
    const mention = [...readName('Kim'), ...readName('김영호')];
    assert.ok(nameSimilarity(mention, readName('Kim Young-ho')) >= 0.95);
  });
});

describe('nameSimilarityOfKeys', () => {
  it('equals nameSimilarity on the readings behind the keys', () => {
    const names = [
      '김영호',
      'Ri Yong Ho',
      'Lee Young-ho',
      'Kim Chol-su',
      'Kim Yonhgo',
      'Song Han',
      'Kim',
      '',
    ];
    for (const a of names)
      for (const b of names) {
        const ra = readName(a);
        const rb = readName(b);
        const direct = a === b && ra.length > 0 ? 1 : nameSimilarity(ra, rb);
        assert.equal(nameSimilarityOfKeys(nameKey(ra), nameKey(rb)), direct, `${a} ~ ${b}`);
      }
  });

  it('is symmetric', () => {
    const a = nameKey(readName('Choe Ryong Hae'));
    const b = nameKey(readName('최용해'));
    assert.equal(nameSimilarityOfKeys(a, b), nameSimilarityOfKeys(b, a));
  });
});
