import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NameReading } from './name-reading.ts';
import { NAME_VARIANT_GROUPS } from './name-variant-groups.ts';
import { readName } from './read-name.ts';

const key = (r: NameReading) => `${r.surname}|${r.given}`;
const keys = (name: string) => new Set(readName(name).map(key));

describe('readName', () => {
  it('returns no reading for empty input', () => {
    assert.deepEqual(readName(''), []);
    assert.deepEqual(readName('   '), []);
    assert.deepEqual(readName(null), []);
    assert.deepEqual(readName(undefined), []);
    assert.deepEqual(readName('Mr.'), []);
  });

  it('reads every spelling in a variant group to one shared coarse key', () => {
    assert.ok(NAME_VARIANT_GROUPS.length >= 40);
    for (const group of NAME_VARIANT_GROUPS) {
      const sets = group.map(keys);
      const shared = [...(sets[0] ?? [])].filter((k) => sets.every((s) => s.has(k)));
      assert.ok(shared.length > 0, `no key shared by ${group.join(' / ')}`);
    }
  });

  it('gives different common names different keys', () => {
    const firsts = NAME_VARIANT_GROUPS.map((g) => keys(g[0] ?? ''));
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++) {
        const a = firsts[i] ?? new Set<string>();
        const b = firsts[j] ?? new Set<string>();
        assert.ok(
          ![...a].some((k) => b.has(k)),
          `${NAME_VARIANT_GROUPS[i]?.[0]} and ${NAME_VARIANT_GROUPS[j]?.[0]} share a key`,
        );
      }
  });

  it('maps 리/이/Ri/Yi/Lee/I/Rhee/Li to the surname LEE', () => {
    for (const name of [
      '리영호',
      '이영호',
      'Ri Yong Ho',
      'Yi Yong-ho',
      'Lee Young-ho',
      'I Yeong-ho',
      'Rhee Yong-ho',
      'Li Yongho',
    ])
      assert.ok(
        readName(name).some((r) => r.surname === 'LEE'),
        name,
      );
  });

  it('segments given names written without separator', () => {
    const r = readName('Kim Youngho')[0];
    assert.deepEqual(r?.syllables, ['yong', 'ho']);
    assert.deepEqual(readName('Kim Yong-ho')[0]?.syllables, ['yong', 'ho']);
    assert.deepEqual(readName('Kim Yong Ho')[0]?.syllables, ['yong', 'ho']);
    assert.deepEqual(readName('Pak Cholsu')[0]?.syllables, ['jol', 'so']);
  });

  it('keeps 영 and 용 apart in the fine keys, and DPRK "Yong" open to both', () => {
    const young = readName('김영호')[0];
    const yong = readName('김용호')[0];
    assert.equal(young?.given, yong?.given, 'same coarse key');
    assert.notEqual(young?.fine[0], yong?.fine[0], 'different fine keys');
    const dprk = readName('Kim Yong Ho')[0]?.fine[0]?.split('/') ?? [];
    assert.ok(dprk.includes(young?.fine[0] ?? '?') && dprk.includes(yong?.fine[0] ?? '?'));
  });

  it('reads Western order when only the last token is a surname', () => {
    const r = readName('Young-ho Kim');
    assert.equal(r.length, 1);
    assert.equal(r[0]?.surname, 'KIM');
    assert.equal(r[0]?.given, 'yongho');
  });

  it('gives both orders when both ends are surnames', () => {
    const surnames = new Set(readName('Song Han').map((r) => r.surname));
    assert.ok(surnames.has('SONG') && surnames.has('HAN'));
  });

  it('takes an all-capitals token or a comma as marking the surname', () => {
    assert.deepEqual(
      readName('Youngho LEE').map((r) => r.surname),
      ['LEE'],
    );
    assert.deepEqual(
      readName('Lee, Young-ho').map((r) => r.surname),
      ['LEE'],
    );
  });

  it('reads two-syllable surnames and one- and three-syllable given names', () => {
    assert.equal(readName('남궁민')[0]?.surname, 'NAMGUNG');
    assert.equal(readName('Namgung Min')[0]?.surname, 'NAMGUNG');
    assert.equal(readName('황보혜')[0]?.surname, 'HWANGBO');
    assert.deepEqual(readName('류경')[0]?.syllables, ['kyong']);
    assert.deepEqual(readName('김하늘별')[0]?.syllables.length, 3);
  });

  it('reads a name written as one word', () => {
    assert.ok(readName('Kimyoungho').some((r) => r.surname === 'KIM' && r.given === 'yongho'));
    assert.ok(readName('YOUNGHOLEE').some((r) => r.surname === 'LEE' && r.given === 'yongho'));
  });

  it('reads parenthesised alternatives too', () => {
    const surnames = readName('Kim Yong-ho (김영호)').map((r) => r.fine.join('.'));
    assert.ok(surnames.includes('yeong.ho'));
  });

  it('reads a.k.a. alternatives, and ignores parentheses that hold no name', () => {
    const r = readName('Kim Yong-ho a.k.a. Old Kim');
    assert.equal(r[0]?.given, 'yongho');
    assert.ok(r.every((x) => x.surname === 'KIM'));
    assert.equal(readName('Kim Yong-hui (f)').length, readName('Kim Yong-hui').length);
  });

  it('reads two Hangul syllables without a known surname also as a given name alone', () => {
    assert.ok(readName('영호').some((r) => r.surnameKey === '' && r.given === 'yongho'));
  });

  it('undoes one typing slip in an unreadable given name, marking the reading', () => {
    const r = readName('Kim Yonhgo');
    assert.ok(r.length > 0);
    assert.ok(r.every((x) => x.repaired));
    assert.ok(r.some((x) => x.given === 'yongho'));
  });

  it('knows the common surnames in all their usual spellings', () => {
    const expectations: [string, string][] = [
      ['Park', 'PARK'],
      ['Choi', 'CHOI'],
      ['Jung', 'JEONG'],
      ['Chong', 'JEONG'],
      ['Rhee', 'LEE'],
      ['Kwon', 'KWON'],
      ['Yoon', 'YOON'],
      ['Suh', 'SEO'],
      ['Shin', 'SHIN'],
      ['Oh', 'OH'],
      ['Gang', 'KANG'],
      ['Ryu', 'YOO'],
      ['Roh', 'NOH'],
      ['Rim', 'LIM'],
      ['Ryang', 'YANG'],
    ];
    for (const [surname, id] of expectations)
      assert.ok(
        readName(`${surname} Myong-su`).some((r) => r.surname === id),
        `${surname} → ${id}`,
      );
  });
});
