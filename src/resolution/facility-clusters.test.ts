import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Facility } from '../domain/facility.ts';
import { testRecords } from '../testing/factories.ts';
import { facilityClusters } from './facility-clusters.ts';

const base = testRecords().facility;
const facility = (id: string, en: string, ko?: string, aliases: string[] = []): Facility => ({
  ...base,
  id,
  name: ko ? { en, ko } : { en },
  aliases,
  gazetteer: undefined,
});
const none = { mustLink: [], cannotLink: [] };

describe('facility resolution', () => {
  // Four investigators' records of one prison (issue 5's example), another prison, and an unknown
  // holding centre written twice.
  const records = [
    facility('F-1', 'Kyohwaso No. 12'),
    facility('F-2', 'Jongo-ri'),
    facility('F-3', 'Chŏngŏ-ri prison'),
    facility('F-4', 'Re-education camp', '전거리 교화소'),
    facility('F-5', 'Kyohwaso No. 1 (Kaechon)'),
    facility('F-6', 'Sinuiju holding centre'),
    facility('F-7', 'Sinŭiju jipkyulso'),
  ];

  it('joins the spellings of one place and keeps other places apart', () => {
    const { clusters } = facilityClusters(records, none);
    const of = (id: string) => clusters.get(id);
    assert.equal(new Set(['F-1', 'F-2', 'F-3', 'F-4'].map(of)).size, 1);
    assert.notEqual(of('F-1'), of('F-5'));
    assert.equal(of('F-6'), of('F-7'));
    assert.notEqual(of('F-6'), of('F-1'));
    // A gazetteer place is named by its code.
    assert.match(of('F-1') ?? '', /^KYOHWASO-/);
  });

  it('a split record stands alone; a merge joins', () => {
    const { clusters } = facilityClusters(records, {
      mustLink: [['F-5', 'F-6']],
      cannotLink: [['F-1', 'F-3']],
    });
    assert.notEqual(clusters.get('F-3'), clusters.get('F-1'));
    assert.equal(clusters.get('F-3'), 'F-3');
    assert.equal(clusters.get('F-2'), clusters.get('F-1'));
    assert.equal(clusters.get('F-5'), clusters.get('F-7'));
  });
});
