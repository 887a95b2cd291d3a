import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import type { Act } from '../domain/act.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Source } from '../domain/source.ts';
import { liveRecords } from '../records/live-records.ts';
import type { ReadScope } from '../records/read-scope.ts';
import { individuals } from '../resolution/individuals.ts';
import type { Store } from '../store/store.ts';
import { AssessmentIndex } from './assessment-index.ts';
import { type EvidentiaryStatus, evidentiaryStatus, type ProofContext } from './evidentiary-status.ts';
import { SourceIndependence, sourceFacts } from './source-independence.ts';
import { defaultProofRules, type ProofRules } from './standards-of-proof.ts';

/**
 * Reads what every act's status depends on — all sources (for independence, which is transitive)
 * and all assessments — once, keeping only ids and the few facts the rules use.
 */
export async function readProofContext(
  store: Store,
  keys: FieldKeys,
  rules: ProofRules = defaultProofRules(),
): Promise<ProofContext> {
  const sources: ReturnType<typeof sourceFacts>[] = [];
  // Two interviews of one individual are not independent, even when recorded as two person records.
  const who = await individuals(store);
  for await (const source of liveRecords<Source>(store, 'source', keys)) {
    const facts = sourceFacts(source);
    if (facts.interviewee !== undefined) facts.interviewee = who.of(facts.interviewee);
    sources.push(facts);
  }
  const assessments = new AssessmentIndex();
  for await (const assessment of liveRecords<Assessment>(store, 'assessment', keys))
    assessments.add(assessment);
  return { independence: new SourceIndependence(sources), assessments, rules };
}

/**
 * The evidentiary status of every live act (in id order; within `scope` when given), or of the acts
 * named in `only` (the caller checks who may see them), streamed:
 * the large demo's million acts pass through one at a time.
 */
export async function* evidentiaryStatuses(
  store: Store,
  keys: FieldKeys,
  options: { rules?: ProofRules; only?: readonly string[]; scope?: ReadScope } = {},
): AsyncGenerator<EvidentiaryStatus> {
  const context = await readProofContext(store, keys, options.rules);
  if (options.only) {
    for (const id of options.only) {
      const act = await readAct(store, keys, id);
      if (act) yield evidentiaryStatus(act, context);
    }
    return;
  }
  const { scope } = options;
  for await (const act of liveRecords<Act>(store, 'act', keys)) {
    if (
      scope &&
      !(scope.levels.includes(act.confidentiality) && (!scope.verifiedOnly || act.status === 'verified'))
    )
      continue;
    yield evidentiaryStatus(act, context);
  }
}

/** How many acts reach each level, and how many have unresolved contradictions of each field. */
export type ProofSummary = {
  acts: number;
  levels: Record<string, number>;
  contradicted: Record<string, number>;
};

/** Counts a stream of statuses by level and by contradicted field. */
export async function summariseStatuses(statuses: AsyncIterable<EvidentiaryStatus>): Promise<ProofSummary> {
  const summary: ProofSummary = { acts: 0, levels: {}, contradicted: {} };
  for await (const status of statuses) {
    summary.acts++;
    summary.levels[status.level] = (summary.levels[status.level] ?? 0) + 1;
    for (const field of new Set(status.contradictions.filter((c) => !c.resolved).map((c) => c.field)))
      summary.contradicted[field] = (summary.contradicted[field] ?? 0) + 1;
  }
  return summary;
}

/** One live act, revealed, or `undefined`. */
export async function readAct(store: Store, keys: FieldKeys, id: string): Promise<Act | undefined> {
  const stored = await store.getRecord(id);
  if (stored?.type !== 'act' || stored.deleted) return undefined;
  return revealRecord(stored as never, keys) as Act;
}
