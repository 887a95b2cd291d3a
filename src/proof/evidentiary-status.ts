import type { Act } from '../domain/act.ts';
import type { AssessmentIndex } from './assessment-index.ts';
import { type Contradiction, findContradictions } from './contradictions.ts';
import type { JoinReason, SourceIndependence } from './source-independence.ts';
import { levelOf, type ProofRules } from './standards-of-proof.ts';

/** One of an act's sources as the rules see it: how it knows, and why it does not count, if it does not. */
export type WeighedSource = { source: string; connection: string; firstHand: boolean; discounted?: string };

/** Sources of an act that are not independent of each other, counted once. */
export type SourceCluster = {
  sources: WeighedSource[];
  /** Why they are one cluster (empty for a single source). */
  joinedBy: JoinReason[];
  /** Counts toward corroboration: at least one source not discounted. */
  counts: boolean;
  /** Counts as first-hand: a counted source with a first-hand connection. */
  firstHand: boolean;
};

/** A contradiction, and whether an assessment has resolved it (by discounting one of its sides). */
export type FlaggedContradiction = Contradiction & { resolved: boolean };

/** How well an act is established under a set of rules: ids and codes only. */
export type EvidentiaryStatus = {
  act: string;
  /** The code of the highest level of the rules the act meets. */
  level: string;
  independent: number;
  firstHand: number;
  contradicted: boolean;
  clusters: SourceCluster[];
  contradictions: FlaggedContradiction[];
};

/** Everything besides the act that its status depends on, read once for all acts. */
export type ProofContext = {
  independence: SourceIndependence;
  assessments: AssessmentIndex;
  rules: ProofRules;
};

/**
 * Classifies one act: groups its sources into independent clusters, weighs each source (first-hand
 * connection, assessments that discount it), flags contradictions, and applies the rules.
 */
export function evidentiaryStatus(act: Act, context: ProofContext): EvidentiaryStatus {
  const { independence, rules } = context;
  const byGroup = new Map<string, WeighedSource[]>();
  const seen = new Set<string>();
  for (const claim of act.sources) {
    if (seen.has(claim.source)) continue;
    seen.add(claim.source);
    const group = independence.groupOf(claim.source);
    const weighed: WeighedSource = {
      source: claim.source,
      connection: claim.connection,
      firstHand: rules.first_hand.includes(claim.connection),
      discounted: discountOf(claim.source, act.id, context),
    };
    if (weighed.discounted === undefined) delete weighed.discounted;
    byGroup.set(group, [...(byGroup.get(group) ?? []), weighed]);
  }
  const clusters = [...byGroup.values()].map((sources): SourceCluster => {
    const counted = sources.filter((s) => s.discounted === undefined);
    return {
      sources,
      joinedBy: sources.length > 1 ? independence.reasonsFor(sources.map((s) => s.source)) : [],
      counts: counted.length > 0,
      firstHand: counted.some((s) => s.firstHand),
    };
  });
  const discounted = new Set(
    clusters.flatMap((c) => c.sources.filter((s) => s.discounted).map((s) => s.source)),
  );
  const contradictions = findContradictions(act).map(
    (c): FlaggedContradiction => ({ ...c, resolved: discounted.has(c.source) || discounted.has(c.with) }),
  );
  const facts = {
    independent: clusters.filter((c) => c.counts).length,
    firstHand: clusters.filter((c) => c.firstHand).length,
    contradicted: contradictions.some((c) => !c.resolved),
  };
  return { act: act.id, level: levelOf(rules, facts).code, ...facts, clusters, contradictions };
}

// Why a source does not count toward this act's corroboration, if it does not: its reliability, or
// the credibility of what it says about this act, is one the rules discount.
function discountOf(source: string, act: string, { assessments, rules }: ProofContext): string | undefined {
  const reliability = assessments.reliabilityOf(source);
  if (reliability !== undefined && rules.discount.reliability.includes(reliability))
    return `reliability ${reliability}`;
  const credibility = assessments.credibilityOf(source, act);
  if (credibility !== undefined && rules.discount.credibility.includes(credibility))
    return `credibility ${credibility}`;
  return undefined;
}
