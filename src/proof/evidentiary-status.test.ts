import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Act } from '../domain/act.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Source } from '../domain/source.ts';
import { tempDir, testMeta, testRecords } from '../testing/factories.ts';
import { AssessmentIndex } from './assessment-index.ts';
import { type EvidentiaryStatus, evidentiaryStatus } from './evidentiary-status.ts';
import { SourceIndependence, sourceFacts } from './source-independence.ts';
import { defaultProofRules, type ProofRules, readProofRules } from './standards-of-proof.ts';

const fixture = testRecords();

/** An interview of `interviewee` (a different sitting for each id unless told). */
function interview(id: string, interviewee: string, fields: Partial<Source> = {}): Source {
  return {
    ...fixture.source,
    ...testMeta(id),
    interviewee,
    date: { from: `2024-05-${id.slice(-2)}` },
    ...fields,
  };
}

function documentSource(id: string, fields: Partial<Source> = {}): Source {
  const { interviewee: _, interviewer: __, consent: ___, ...rest } = fixture.source;
  return { ...rest, ...testMeta(id), kind: 'OFFICIAL-DOCUMENT', ...fields };
}

function actResting(on: Act['sources'], fields: Partial<Act> = {}): Act {
  return { ...fixture.act, sources: on, ...fields };
}

function assessment(source: string, fields: Partial<Assessment>): Assessment {
  return {
    type: 'assessment',
    ...testMeta(`AS-${source}-${fields.act ?? 'src'}-${fields.at ?? ''}`),
    source,
    assessor: 'reviewer-1',
    at: '2025-04-01T10:00:00.000Z',
    reason: 'test',
    ...fields,
  };
}

function status(
  act: Act,
  sources: Source[],
  assessments: Assessment[] = [],
  rules: ProofRules = defaultProofRules(),
): EvidentiaryStatus {
  return evidentiaryStatus(act, {
    independence: new SourceIndependence(sources.map(sourceFacts)),
    assessments: new AssessmentIndex(assessments),
    rules,
  });
}

describe('default standards of proof on hand-built cases', () => {
  it('one first-hand source: credible', () => {
    const result = status(actResting([{ source: 'S-01', connection: 'VICTIM' }]), [interview('S-01', 'P-1')]);
    assert.deepEqual([result.independent, result.firstHand, result.level], [1, 1, 'credible']);
  });

  it('two related sources count once: credible, not reasonable grounds', () => {
    const sources = [interview('S-01', 'P-1'), interview('S-02', 'P-2', { related_sources: ['S-01'] })];
    const result = status(
      actResting([
        { source: 'S-01', connection: 'VICTIM' },
        { source: 'S-02', connection: 'EYEWITNESS' },
      ]),
      sources,
    );
    assert.deepEqual([result.independent, result.firstHand, result.level], [1, 1, 'credible']);
    assert.deepEqual(result.clusters[0]?.joinedBy, ['related']);
  });

  it('relations are followed both ways and through sources the act does not cite', () => {
    const sources = [
      interview('S-01', 'P-1'),
      interview('S-02', 'P-2'),
      documentSource('S-03', { related_sources: ['S-01', 'S-02'] }),
    ];
    const result = status(
      actResting([
        { source: 'S-01', connection: 'VICTIM' },
        { source: 'S-02', connection: 'EYEWITNESS' },
      ]),
      sources,
    );
    assert.equal(result.independent, 1);
    assert.deepEqual(result.clusters[0]?.joinedBy, ['related-indirectly']);
  });

  it('two independent sources, one first-hand: reasonable grounds', () => {
    const sources = [interview('S-01', 'P-1'), documentSource('S-02')];
    const result = status(
      actResting([
        { source: 'S-01', connection: 'VICTIM' },
        { source: 'S-02', connection: 'DOCUMENT' },
      ]),
      sources,
    );
    assert.deepEqual([result.independent, result.firstHand, result.level], [2, 2, 'reasonable-grounds']);
  });

  it('hearsay only: one source is uncorroborated, two independent ones are credible but not more', () => {
    const sources = [interview('S-01', 'P-1'), interview('S-02', 'P-2')];
    const one = status(actResting([{ source: 'S-01', connection: 'HEARSAY-RUMOUR' }]), sources);
    assert.deepEqual([one.independent, one.firstHand, one.level], [1, 0, 'uncorroborated']);
    const two = status(
      actResting([
        { source: 'S-01', connection: 'HEARSAY' },
        { source: 'S-02', connection: 'FAMILY-MEMBER' },
      ]),
      sources,
    );
    assert.deepEqual([two.independent, two.firstHand, two.level], [2, 0, 'credible']);
  });

  it('a contradicted act stays credible until an assessment resolves the contradiction', () => {
    const sources = [interview('S-01', 'P-1'), interview('S-02', 'P-2')];
    const act = actResting([
      { source: 'S-01', connection: 'VICTIM' },
      { source: 'S-02', connection: 'EYEWITNESS', account: { facility: 'F-OTHER' } },
    ]);
    const result = status(act, sources);
    assert.deepEqual([result.independent, result.contradicted, result.level], [2, true, 'credible']);
    assert.deepEqual(result.contradictions, [
      { field: 'facility', source: 'S-02', with: 'A-1', withCoding: true, resolved: false },
    ]);
    // The assessor finds S-02's account of this act improbable: it no longer counts, nor contradicts.
    const resolved = status(act, sources, [assessment('S-02', { act: 'A-1', credibility: '5' })]);
    assert.deepEqual([resolved.independent, resolved.contradicted, resolved.level], [1, false, 'credible']);
    assert.equal(resolved.contradictions[0]?.resolved, true);
  });

  it('interviews held together (same day, place and interviewer) count once', () => {
    const place = { en: 'Seoul' };
    const together = { date: { from: '2024-06-03' }, place, interviewer: 'investigator-1' };
    const act = actResting([
      { source: 'S-01', connection: 'VICTIM' },
      { source: 'S-02', connection: 'EYEWITNESS' },
    ]);
    const joined = status(act, [interview('S-01', 'P-1', together), interview('S-02', 'P-2', together)]);
    assert.deepEqual([joined.independent, joined.level], [1, 'credible']);
    assert.deepEqual(joined.clusters[0]?.joinedBy, ['interviewed-together']);
    const otherInterviewer = status(act, [
      interview('S-01', 'P-1', together),
      interview('S-02', 'P-2', { ...together, interviewer: 'investigator-2' }),
    ]);
    assert.equal(otherInterviewer.level, 'reasonable-grounds');
    const placeUnknown = status(act, [
      interview('S-01', 'P-1', { ...together, place: undefined }),
      interview('S-02', 'P-2', { ...together, place: undefined }),
    ]);
    assert.equal(
      placeUnknown.independent,
      2,
      'joined only when date, place and interviewer are all recorded',
    );
  });

  it('two interviews of the same interviewee count once', () => {
    const result = status(
      actResting([
        { source: 'S-01', connection: 'VICTIM' },
        { source: 'S-02', connection: 'VICTIM' },
      ]),
      [interview('S-01', 'P-1'), interview('S-02', 'P-1')],
    );
    assert.deepEqual([result.independent, result.level], [1, 'credible']);
    assert.deepEqual(result.clusters[0]?.joinedBy, ['same-interviewee']);
  });

  it('a source of reliability E does not count; the latest assessment is the one in force', () => {
    const sources = [interview('S-01', 'P-1'), documentSource('S-02')];
    const act = actResting([
      { source: 'S-01', connection: 'VICTIM' },
      { source: 'S-02', connection: 'DOCUMENT' },
    ]);
    const unreliable = assessment('S-02', { reliability: 'E', at: '2025-04-02T00:00:00.000Z' });
    const result = status(act, sources, [unreliable]);
    assert.deepEqual([result.independent, result.level], [1, 'credible']);
    assert.equal(result.clusters[1]?.sources[0]?.discounted, 'reliability E');
    const reassessed = assessment('S-02', { reliability: 'B', at: '2025-05-01T00:00:00.000Z' });
    assert.equal(status(act, sources, [reassessed, unreliable]).level, 'reasonable-grounds');
  });

  it('an organisation can supply its own rules file', () => {
    const dir = tempDir();
    try {
      const strict = {
        ...defaultProofRules(),
        id: 'strict',
        levels: [
          {
            ...defaultProofRules().levels[0],
            code: 'established',
            any_of: [{ min_independent: 3, min_first_hand: 2 }],
          },
          { code: 'not-established', en: 'Not established', any_of: [{}], allows_contradiction: true },
        ],
      };
      const file = join(dir.path, 'strict.json');
      writeFileSync(file, JSON.stringify(strict, null, 2));
      const rules = readProofRules(file);
      const sources = [interview('S-01', 'P-1'), documentSource('S-02')];
      const act = actResting([
        { source: 'S-01', connection: 'VICTIM' },
        { source: 'S-02', connection: 'DOCUMENT' },
      ]);
      assert.equal(status(act, sources, [], rules).level, 'not-established');
      assert.equal(status(act, [...sources, documentSource('S-03')], [], rules).level, 'not-established');
      const three = actResting([...act.sources, { source: 'S-03', connection: 'DOCUMENT' }]);
      assert.equal(status(three, [...sources, documentSource('S-03')], [], rules).level, 'established');
    } finally {
      dir.remove();
    }
  });
});
