import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DaylightRecord } from '../domain/record.ts';
import { codesOf, type VocabularyId } from '../domain/vocabulary.ts';
import { AssessmentIndex } from '../proof/assessment-index.ts';
import { evidentiaryStatus } from '../proof/evidentiary-status.ts';
import { SourceIndependence, sourceFacts } from '../proof/source-independence.ts';
import { defaultProofRules } from '../proof/standards-of-proof.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testKeys } from '../testing/factories.ts';
import { CODES } from './demo-codes.ts';
import { generateDemo } from './generate-demo.ts';
import { loadDemo } from './load-demo.ts';

function collect(seed: number, interviews: number) {
  const mentions = new Map<string, number>();
  const records = [
    ...generateDemo({ seed, size: { interviews }, onMention: (id, who) => mentions.set(id, who) }),
  ];
  return { records, mentions };
}

describe('demo dataset', () => {
  const { records, mentions } = collect(11, 3000);
  const ofType = <T extends DaylightRecord['type']>(type: T) =>
    records.filter((r) => r.type === type) as Extract<DaylightRecord, { type: T }>[];

  it('uses only codes that exist in the shipped vocabularies', () => {
    const check = (vocabulary: VocabularyId, codes: readonly string[]) => {
      const known = new Set(codesOf(vocabulary));
      for (const code of codes) assert.ok(known.has(code), `${vocabulary}: ${code}`);
    };
    check('act-types', Object.values(CODES.act));
    check('laws', Object.values(CODES.law));
    check('norms', Object.values(CODES.norm));
    check('facility-types', Object.values(CODES.facilityType));
    check('agencies', Object.values(CODES.agency));
    check('consent-scopes', CODES.consent);
    check('person-roles', Object.values(CODES.role));
    check('person-statuses', Object.values(CODES.status));
    check('source-connections', Object.values(CODES.connection));
    check('involvement-degrees', Object.values(CODES.involvement));
  });

  it('is the same for the same seed and different for another', () => {
    const again = collect(11, 200).records;
    const first = collect(11, 200).records;
    assert.deepEqual(again, first);
    assert.notDeepEqual(collect(12, 200).records, first);
  });

  it('imports cleanly: every record valid, every reference resolved', async () => {
    const store = openSqliteStore(':memory:');
    const report = await loadDemo(store, { seed: 3, size: 'small', keys: testKeys() });
    assert.deepEqual(report.problems, []);
    const counts = await store.countByType();
    assert.equal(counts.episode, 300, 'one episode per interview');
    assert.ok(
      counts.source > 300 && counts.source < 360,
      `interviews, witness interviews, documents, imagery: ${counts.source}`,
    );
    assert.ok(counts.assessment > 50, `assessments: ${counts.assessment}`);
    assert.ok(counts.act > 2500, `acts: ${counts.act}`);
    await store.close();
  });

  it('has about ten acts per interview, so the large size passes a million acts', () => {
    const perInterview = ofType('act').length / ofType('episode').length;
    assert.ok(perInterview > 10.2 && perInterview < 14, `acts per interview: ${perInterview}`);
  });

  it('names the same individual differently in different testimonies, South and North spellings included', () => {
    const namesOf = new Map<number, Set<string>>();
    for (const person of ofType('person')) {
      const who = mentions.get(person.id) as number;
      const set = namesOf.get(who) ?? new Set();
      for (const name of person.names) set.add(name.value);
      namesOf.set(who, set);
    }
    const mentionedTwice = [...namesOf.values()].filter((names) => names.size >= 2);
    assert.ok(mentionedTwice.length > 300, `individuals with several spellings: ${mentionedTwice.length}`);
    const pairs = [
      ['이', '리'],
      ['노', '로'],
      ['유', '류'],
      ['임', '림'],
      ['양', '량'],
    ];
    for (const [south, north] of pairs) {
      const both = mentionedTwice.some(
        (names) =>
          [...names].some((n) => n.startsWith(south as string)) &&
          [...names].some((n) => n.startsWith(north as string)),
      );
      assert.ok(both, `${south}/${north}`);
    }
    const romanised = ofType('person').flatMap((p) => p.names.filter((n) => n.form.startsWith('ROMANIZED')));
    assert.ok(
      romanised.some((n) => /ŏ|ŭ/.test(n.value)),
      'McCune–Reischauer with diacritics',
    );
    assert.ok(
      romanised.some((n) => /^Ri /.test(n.value)),
      'DPRK style',
    );
    assert.ok(
      romanised.some((n) => /^Lee /.test(n.value)),
      'everyday spelling',
    );
  });

  it('has programmes whose coverage overlaps', () => {
    const interviewedBy = new Map<number, Set<string>>();
    for (const source of ofType('source')) {
      const who = mentions.get(source.interviewee as string) as number;
      interviewedBy.set(
        who,
        (interviewedBy.get(who) ?? new Set()).add(`${source.organisation}/${source.programme}`),
      );
    }
    const programmes = new Set(ofType('source').map((s) => `${s.organisation}/${s.programme}`));
    assert.equal(programmes.size, 5);
    const several = [...interviewedBy.values()].filter((set) => set.size >= 2).length;
    assert.ok(several > 200, `survivors interviewed by two or more programmes: ${several}`);
  });

  it('shows detentions under the 2020 act rising after 2020, and records in every review state', () => {
    const arrests = new Map<number, number>();
    let ricra = 0;
    for (const episode of ofType('episode')) {
      const arrest = episode.steps.find((s) => s.kind === 'arrest');
      const year = Number(arrest?.date?.from.slice(0, 4));
      arrests.set(year, (arrests.get(year) ?? 0) + 1);
      if (arrest?.legal_basis.some((l) => l.law === CODES.law.ricra)) {
        assert.ok(year >= 2021);
        ricra++;
      }
    }
    const mean = (from: number, to: number) => {
      let sum = 0;
      for (let y = from; y <= to; y++) sum += arrests.get(y) ?? 0;
      return sum / (to - from + 1);
    };
    assert.ok(mean(2021, 2024) > 1.3 * mean(2005, 2019), `${mean(2021, 2024)} vs ${mean(2005, 2019)}`);
    assert.ok(ricra > 100);
    const statuses = new Set(records.map((r) => r.status));
    assert.deepEqual([...statuses].sort(), [
      'draft',
      'needs-information',
      'rejected',
      'submitted',
      'under-review',
      'verified',
    ]);
  });

  it('has acts at every default level of proof, contradictions of each kind, and assessed sources', () => {
    const context = {
      independence: new SourceIndependence(ofType('source').map(sourceFacts)),
      assessments: new AssessmentIndex(ofType('assessment')),
      rules: defaultProofRules(),
    };
    const levels = new Map<string, number>();
    const contradicted = new Map<string, number>();
    const joins = new Set<string>();
    let resolved = 0;
    for (const act of ofType('act')) {
      const status = evidentiaryStatus(act, context);
      levels.set(status.level, (levels.get(status.level) ?? 0) + 1);
      for (const c of status.contradictions) {
        if (c.resolved) resolved++;
        else contradicted.set(c.field, (contradicted.get(c.field) ?? 0) + 1);
      }
      for (const cluster of status.clusters) for (const reason of cluster.joinedBy) joins.add(reason);
    }
    for (const level of defaultProofRules().levels)
      assert.ok((levels.get(level.code) ?? 0) > 20, `${level.code}: ${levels.get(level.code)}`);
    for (const field of ['date', 'facility', 'perpetrators'])
      assert.ok((contradicted.get(field) ?? 0) >= 5, `${field} contradictions: ${contradicted.get(field)}`);
    assert.ok(resolved > 0, 'some contradictions resolved by a credibility assessment');
    assert.ok(joins.has('related') && joins.has('interviewed-together'), [...joins].join(', '));
    const assessments = ofType('assessment');
    const reliability = new Set(assessments.map((a) => a.reliability).filter(Boolean));
    assert.deepEqual([...reliability].sort(), ['A', 'B', 'C', 'D', 'E', 'F']);
    assert.ok(assessments.some((a) => a.act !== undefined && a.credibility === '5'));
    assert.ok(assessments.every((a) => a.reason.startsWith('Fictional')));
    // Corroboration adds few records, so that the large import benchmark stays comparable.
    const added = assessments.length + ofType('source').length - ofType('episode').length;
    assert.ok(added / records.length < 0.05, `added ${added} of ${records.length}`);
  });

  it('dates nothing in the future', () => {
    for (const r of records) assert.ok(r.created_at <= '2026-11-01' && r.updated_at <= '2026-11-01', r.id);
    for (const s of ofType('source')) assert.ok((s.date?.from ?? '') <= '2026-10-31', s.id);
  });

  it('is clearly fictional', () => {
    for (const o of ofType('organisation')) assert.match(o.name.en ?? '', /\(fictional\)/);
    for (const s of ofType('source').slice(0, 50)) assert.match(s.summary?.en ?? '', /^Fictional/);
  });
});
