import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facilitySimilarity } from './facility-similarity.ts';

describe('facilitySimilarity', () => {
  it('is 1 for spellings of the same gazetteer facility', () => {
    assert.equal(facilitySimilarity('Kyohwaso No. 12', '전거리 교화소'), 1);
    assert.equal(facilitySimilarity('Chŏngŏ-ri', 'Prison Camp 12'), 1);
    assert.equal(facilitySimilarity('Yodok', 'kwan-li-so no. 15'), 1);
  });

  it('is lower for the same town but a different type of facility', () => {
    const s = facilitySimilarity('Hoeryong guryujang', 'Kyohwaso No. 12');
    assert.ok(s > 0 && s < 0.8, s.toFixed(3));
    const t = facilitySimilarity('Camp 22', 'Kyohwaso No. 12');
    assert.ok(t > 0 && t < 0.8, t.toFixed(3));
  });

  it('is 0 for facilities in different places', () => {
    assert.equal(facilitySimilarity('Yodok', 'Kyohwaso No. 12'), 0);
    assert.equal(facilitySimilarity('Camp 15', 'Camp 14'), 0);
  });

  it('compares unknown facilities by place, type and number', () => {
    assert.equal(facilitySimilarity('Hamhung kyohwaso', '함흥 교화소'), 1);
    assert.ok(facilitySimilarity('Hamhung kyohwaso', 'Hamheung prison') >= 0.9);
    assert.ok(facilitySimilarity('Hamhung kyohwaso', 'Hamhung jipkyulso') <= 0.5);
    assert.ok(facilitySimilarity('Hamhung kyohwaso', 'Wonsan kyohwaso') < 0.5);
    assert.ok(facilitySimilarity('Camp 99', 'Camp 98') < 0.5);
  });

  it('is 0 when a side is empty', () => {
    assert.equal(facilitySimilarity('', 'Yodok'), 0);
    assert.equal(facilitySimilarity('Yodok', null), 0);
  });
});
