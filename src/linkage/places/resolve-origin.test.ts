import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveOrigin } from './resolve-origin.ts';

describe('resolveOrigin', () => {
  const provinces: [string, string][] = [
    ['North Hamgyong', 'NORTH-HAMGYONG'],
    ['N. Hamgyŏng', 'NORTH-HAMGYONG'],
    ['Hamgyŏng-bukto', 'NORTH-HAMGYONG'],
    ['Hamkyung-bukdo', 'NORTH-HAMGYONG'],
    ['Hamgyeongbuk-do', 'NORTH-HAMGYONG'],
    ['함경북도', 'NORTH-HAMGYONG'],
    ['함북', 'NORTH-HAMGYONG'],
    ['Hambuk', 'NORTH-HAMGYONG'],
    ['Hamgyong Bukdo', 'NORTH-HAMGYONG'],
    ['Pyongnam', 'SOUTH-PYONGAN'],
    ['South Hamgyong', 'SOUTH-HAMGYONG'],
    ['Phyongan-namdo', 'SOUTH-PYONGAN'],
    ["P'yŏngan-pukto", 'NORTH-PYONGAN'],
    ['평남', 'SOUTH-PYONGAN'],
    ['Ryanggang', 'RYANGGANG'],
    ['Yanggang Province', 'RYANGGANG'],
    ['량강도', 'RYANGGANG'],
    ['Jagang-do', 'CHAGANG'],
    ['Chagang', 'CHAGANG'],
    ['North Hwanghae', 'NORTH-HWANGHAE'],
    ['황해남도', 'SOUTH-HWANGHAE'],
    ['Gangwon-do', 'KANGWON'],
    ['Pyongyang', 'PYONGYANG'],
    ['평양시', 'PYONGYANG'],
    ['Rajin-Sonbong', 'RASON'],
    ['라선', 'RASON'],
    ['Nampho', 'NAMPO'],
    ['Kaesong', 'KAESONG'],
  ];
  for (const [text, code] of provinces)
    it(`${text} → ${code}`, () => {
      assert.equal(resolveOrigin(text).province, code);
    });

  it('gives one locality key for all spellings of a city, and infers its province', () => {
    const forms = ['함경북도 청진시', 'Chongjin', "Ch'ŏngjin", 'Cheongjin', 'Chongjin, North Hamgyong'];
    const resolved = forms.map(resolveOrigin);
    for (const r of resolved) {
      assert.equal(r.province, 'NORTH-HAMGYONG');
      assert.equal(r.locality, resolved[0]?.locality);
    }
    assert.notEqual(resolveOrigin('Hoeryong, N. Hamgyong').locality, resolved[0]?.locality);
    assert.equal(resolveOrigin('Hoeryong, N. Hamgyong').locality, resolveOrigin('회령').locality);
  });

  it('leaves the half of a divided province open when not given', () => {
    assert.equal(resolveOrigin('Hamgyong').province, null);
  });

  it('keeps a key for unknown localities and nothing for empty input', () => {
    assert.ok(resolveOrigin('Somewhere-ri').locality);
    assert.deepEqual(resolveOrigin(''), { province: null, locality: null });
    assert.deepEqual(resolveOrigin(null), { province: null, locality: null });
  });
});
