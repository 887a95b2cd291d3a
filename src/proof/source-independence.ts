import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import type { Source } from '../domain/source.ts';

/** What independence needs of a source, and no more: small, so that 100,000 sources fit in memory. */
export type SourceFacts = {
  id: string;
  interviewee?: string;
  related: readonly string[];
  /** Date, place and interviewer of an interview when all three are recorded (the date to the day). */
  sitting?: string;
};

/** Why two sources of a cluster are not independent of each other. */
export type JoinReason = 'same-interviewee' | 'related' | 'interviewed-together' | 'related-indirectly';

/** The facts of a source that decide its independence from others. */
export function sourceFacts(source: Source): SourceFacts {
  return {
    id: source.id,
    interviewee: source.interviewee,
    related: source.related_sources ?? [],
    sitting: sittingOf(source),
  };
}

// An interview's "sitting": two interviews on the same day, at the same place, by the same
// interviewer are taken to be interviewed together. Only when all three are recorded and the date
// is a single day, so that two interviews "in 2019" are not joined.
function sittingOf(source: Source): string | undefined {
  if (source.interviewee === undefined || source.interviewer === undefined) return undefined;
  if (!isOneDay(source.date) || source.place === undefined || source.place.sensitive) return undefined;
  const place = (source.place.en ?? source.place.ko ?? '').trim().toLowerCase();
  if (place === '') return undefined;
  return JSON.stringify([source.date?.from, place, source.interviewer]);
}

function isOneDay(date: FuzzyDate | undefined): boolean {
  return date !== undefined && date.from.length === 10 && (date.to === undefined || date.to === date.from);
}

/**
 * Which sources are not independent of each other: interviews of the same interviewee, sources
 * linked by `related_sources` (either direction, transitively) and interviews held together fall
 * into one group. Built once over all sources (union–find), then asked per act.
 */
export class SourceIndependence {
  private readonly parent = new Map<string, string>();
  private readonly facts = new Map<string, SourceFacts>();

  constructor(sources: Iterable<SourceFacts> = []) {
    const byInterviewee = new Map<string, string>();
    const bySitting = new Map<string, string>();
    for (const source of sources) {
      this.facts.set(source.id, source);
      this.find(source.id);
      for (const other of source.related) this.union(source.id, other);
      for (const [key, index] of [
        [source.interviewee, byInterviewee],
        [source.sitting, bySitting],
      ] as const) {
        if (key === undefined) continue;
        const first = index.get(key);
        if (first === undefined) index.set(key, source.id);
        else this.union(first, source.id);
      }
    }
  }

  /** The group a source belongs to (its own id when independent of every other source). */
  groupOf(id: string): string {
    return this.find(id);
  }

  /** Why two sources of the same group are joined; `related-indirectly` when only through other sources. */
  reasonsFor(ids: readonly string[]): JoinReason[] {
    const reasons = new Set<JoinReason>();
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) {
        const fa = this.facts.get(a);
        const fb = this.facts.get(b);
        let direct = false;
        if (fa?.interviewee !== undefined && fa.interviewee === fb?.interviewee) {
          reasons.add('same-interviewee');
          direct = true;
        }
        if (fa?.related.includes(b) || fb?.related.includes(a)) {
          reasons.add('related');
          direct = true;
        }
        if (fa?.sitting !== undefined && fa.sitting === fb?.sitting) {
          reasons.add('interviewed-together');
          direct = true;
        }
        if (!direct) reasons.add('related-indirectly');
      }
    }
    return [...reasons].sort();
  }

  private find(id: string): string {
    let root = this.parent.get(id);
    if (root === undefined) {
      this.parent.set(id, id);
      return id;
    }
    while (root !== (this.parent.get(root) as string)) root = this.parent.get(root) as string;
    // Path compression: point every step straight at the root.
    let step = id;
    while (step !== root) {
      const next = this.parent.get(step) as string;
      this.parent.set(step, root);
      step = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller id becomes the root, so the grouping does not depend on reading order.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}
