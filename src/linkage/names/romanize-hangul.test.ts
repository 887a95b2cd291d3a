import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { romanizeHangul, romanizeName } from './romanize-hangul.ts';

// Known spellings of public officials' names and common words, per system.
describe('romanizeName', () => {
  const cases: [string, string, Record<string, string>][] = [
    [
      '김',
      '정은',
      { rr: 'Gim Jeong-eun', mr: 'Kim Chŏng-ŭn', 'mr-ascii': 'Kim Chong-un', dprk: 'Kim Jong Un' },
    ],
    ['리', '용호', { dprk: 'Ri Yong Ho' }],
    ['이', '용호', { rr: 'I Yong-ho', mr: 'Yi Yong-ho' }],
    ['이', '영호', { rr: 'I Yeong-ho', mr: 'Yi Yŏng-ho', 'mr-ascii': 'Yi Yong-ho', dprk: 'I Yong Ho' }],
    ['리', '영호', { dprk: 'Ri Yong Ho', mr: 'Ri Yŏng-ho' }],
    ['최', '룡해', { dprk: 'Choe Ryong Hae', mr: "Ch'oe Ryong-hae" }],
    ['박', '봉주', { dprk: 'Pak Pong Ju', rr: 'Bak Bong-ju', mr: 'Pak Pong-ju' }],
    ['조', '명록', { dprk: 'Jo Myong Rok', rr: 'Jo Myeong-rok' }],
    ['강', '석주', { dprk: 'Kang Sok Ju', mr: 'Kang Sŏk-chu', rr: 'Gang Seok-ju' }],
    [
      '김',
      '영철',
      { dprk: 'Kim Yong Chol', mr: "Kim Yŏng-ch'ŏl", 'mr-ascii': 'Kim Yong-chol', rr: 'Gim Yeong-cheol' },
    ],
    ['김', '대중', { mr: 'Kim Tae-jung', rr: 'Gim Dae-jung' }],
  ];
  for (const [surname, given, expected] of cases)
    for (const [system, spelling] of Object.entries(expected))
      it(`${system}: ${spelling}`, () => {
        assert.equal(romanizeName(surname, given, system as 'rr' | 'mr' | 'mr-ascii' | 'dprk'), spelling);
      });
});

describe('romanizeHangul', () => {
  it('uses es-hangul for RR, with its sound changes', () => {
    assert.equal(romanizeHangul('노동', 'rr'), 'Nodong');
    assert.equal(romanizeHangul('청진', 'rr'), 'Cheongjin');
    assert.equal(romanizeHangul('조명록', 'rr'), 'Jomyeongnok');
  });
  it('writes MR with voicing, aspiration marks and the n’g apostrophe', () => {
    assert.equal(romanizeHangul('청진', 'mr'), "Ch'ŏngjin");
    assert.equal(romanizeHangul('전거리', 'mr'), "Chŏn'gŏri");
    assert.equal(romanizeHangul('전거리', 'mr-ascii'), 'Chongori');
    assert.equal(romanizeHangul('회령', 'mr'), 'Hoeryŏng');
    assert.equal(romanizeHangul('신의주', 'mr'), 'Shinŭiju');
  });
  it('writes DPRK style without diacritics', () => {
    assert.equal(romanizeHangul('회령', 'dprk'), 'Hoeryong');
    assert.equal(romanizeHangul('청진', 'dprk'), 'Chongjin');
  });
  it('keeps other characters and romanises word by word', () => {
    assert.equal(romanizeHangul('요덕 15', 'dprk'), 'Yodok 15');
    assert.equal(romanizeHangul('함경 북도', 'rr'), 'Hamgyeong Bukdo');
  });
});
