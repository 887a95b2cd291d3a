// Test fixture for the advocacy tests: a store with torture acts in two years, an interview whose
// consent allows quotation and one whose does not, and a recommendation numbered 124.56.
import type { Viewer } from '../access/roles.ts';
import type { Act } from '../domain/act.ts';
import type { Source } from '../domain/source.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importOrFail, testKeys, testMeta, testRecords } from '../testing/factories.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';

export const keys = testKeys();
export const admin: Viewer = { user: 'admin', role: 'admin' };

/** Verified torture acts: 12 that began in 2021 and 3 in 2020 (a small count), all citing S-QUOTE. */
export async function advocacyStore(): Promise<SqliteStore> {
  const store = openSqliteStore(':memory:');
  const t = testRecords();
  const quotable: Source = {
    ...t.source,
    ...testMeta('S-QUOTE'),
    consent: { scopes: ['INTERNAL-USE', 'ANONYMISED-PUBLICATION', 'QUOTATION'] },
  };
  const act = (id: string, year: string): Act => ({
    ...t.act,
    ...testMeta(id),
    status: 'verified',
    act_type: 'TORTURE-BEATING',
    date: { from: year },
    episode: undefined,
    sources: [{ source: 'S-QUOTE', connection: 'VICTIM' }],
  });
  const acts = [
    ...Array.from({ length: 12 }, (_, i) => act(`A-2021-${i}`, '2021')),
    ...Array.from({ length: 3 }, (_, i) => act(`A-2020-${i}`, '2020-05')),
  ];
  await importOrFail(store, [...Object.values(t), quotable, ...acts], keys);
  const recommendation = (state: string): UprRecommendation => ({
    id: `test-124.56-${state}`,
    state_under_review: 'DPR Korea',
    cycle: 2,
    session: 19,
    paragraph: '124.56',
    text: 'Take immediate measures to end torture in all places of detention',
    recommending_state: state,
    recommending_group: 'WEOG',
    response: 'supported',
    action: 5,
    issues: ['Torture and other CID treatment'],
    source: 'A/HRC/27/10',
  });
  await store.addUprRecommendations([recommendation('Denmark'), recommendation('France')]);
  return store;
}

/** A joint submission using every feature; `overrides` replace top-level fields. */
export function testSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisations: ['Test Documentation Group', 'Second Test Network'],
    title: 'Torture in detention in the DPRK',
    methodology: [
      'We interviewed survivors and verified each account.{{note: Interviews in Seoul, 2024.}}',
      {
        text: 'In 2021 we verified {{figure: torture2021}} acts of torture; in 2020, {{figure: measure=acts act_type=TORTURE year=2020}}.',
      },
    ],
    figures: { torture2021: { measure: 'acts', act_type: 'TORTURE', year: 2021 } },
    sections: [
      {
        heading: 'Torture',
        paragraphs: [
          'Beatings during interrogation are routine, as {{figure: measure=victims act_type=TORTURE basis=documented}} victims told us.{{source: S-QUOTE}}',
          { quotation: { source: 'S-QUOTE', lead: 'One survivor said:', text: 'They beat us every night.' } },
        ],
      },
    ],
    follow_up: [{ paragraph: '124.56', session: 19, comment: 'It has not been implemented.' }],
    recommendations: ['Criminalise torture.', 'Grant access to places of detention.'],
    ...overrides,
  };
}
