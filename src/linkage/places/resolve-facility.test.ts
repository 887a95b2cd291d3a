import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFacilityText } from './facility-terms.ts';
import { resolveFacility } from './resolve-facility.ts';

describe('parseFacilityText', () => {
  it('finds type words, numbers and place words', () => {
    assert.deepEqual(parseFacilityText('Kyohwaso No. 12'), { types: ['KYOHWASO'], number: 12, places: [] });
    assert.deepEqual(parseFacilityText('제12호 교화소'), { types: ['KYOHWASO'], number: 12, places: [] });
    assert.deepEqual(parseFacilityText('kwan-li-so no. 15'), { types: ['KWANLISO'], number: 15, places: [] });
    assert.deepEqual(parseFacilityText('Onsong jipkyulso'), {
      types: ['JIPKYULSO'],
      number: null,
      places: ['onsong'],
    });
    assert.deepEqual(parseFacilityText('전거리교화소').places, ['전거리']);
    assert.deepEqual(parseFacilityText('Hoeryong guryujang').types, ['GURYUJANG']);
    assert.deepEqual(parseFacilityText('Hyesan bowibu').types, ['GURYUJANG-MSS']);
    assert.deepEqual(parseFacilityText('Prison Camp 12').types, ['CAMP']);
  });
});

describe('resolveFacility', () => {
  const groups: [string, string[]][] = [
    [
      'KYOHWASO-12',
      [
        'Kyohwaso No. 12',
        'Prison Camp 12',
        'Jongo-ri',
        'Chŏngŏ-ri',
        'Jeongeo-ri',
        '전거리 교화소',
        '전거리교화소',
        'Chongori Kyohwaso',
        '12호 교화소',
        'Reform-through-Labour Camp No. 12 (Jongo-ri, Hoeryong)',
      ],
    ],
    [
      'KWANLISO-15',
      [
        'Camp 15',
        'Yodok',
        '요덕',
        'Yodŏk kwanliso',
        'kwan-li-so no. 15',
        'Yoduk political prison camp',
        '요덕수용소',
      ],
    ],
    ['KWANLISO-14', ['Camp 14', 'Kaechon internment camp', '개천 제14호 관리소', 'Kaech’ŏn kwalliso']],
    ['KYOHWASO-1', ['Kaechon prison', 'Kyohwaso No. 1', '개천교화소']],
    ['JIPKYULSO-NONGPO', ['Nongpo', 'Nongp’o jipkyulso', '농포집결소', 'Chongjin holding centre']],
    ['GURYUJANG-MSS-HYESAN', ['Hyesan bowibu', '혜산 보위부', 'Hyesan State Security detention centre']],
  ];
  for (const [code, texts] of groups)
    it(`resolves the spellings of ${code}`, () => {
      for (const text of texts) assert.deepEqual(resolveFacility(text).codes, [code], text);
    });

  it('prefers facilities that list a bare place name as an alias, else returns all of the town', () => {
    assert.deepEqual(resolveFacility('Hoeryong').codes, ['KWANLISO-22']);
    assert.deepEqual(resolveFacility('Kaechon').codes.sort(), ['KWANLISO-14', 'KYOHWASO-1']);
    assert.deepEqual(resolveFacility('Hoeryong camp').codes.sort(), ['KWANLISO-22', 'KYOHWASO-12']);
  });

  it('takes the gazetteer’s own names and aliases at their word, even against a type word', () => {
    assert.deepEqual(resolveFacility('Susŏng Correctional Center').codes, ['KWANLISO-25']);
    assert.deepEqual(resolveFacility('Chŭngsan No. 11 Detention Facility').codes, ['KYOHWASO-11']);
  });

  it('resolves nothing for unknown facilities but gives them a key', () => {
    const a = resolveFacility('Hoeryong guryujang');
    assert.deepEqual(a.codes, []);
    assert.equal(a.key, resolveFacility('회령 구류장').key);
    assert.notEqual(a.key, resolveFacility('Onsong jipkyulso').key);
    assert.deepEqual(resolveFacility('Camp 99').codes, []);
  });

  it('returns nothing for empty input', () => {
    assert.deepEqual(resolveFacility(''), { codes: [], key: null });
    assert.deepEqual(resolveFacility(null), { codes: [], key: null });
  });
});
