import type { Assessment } from '../domain/assessment.ts';

type Latest = { code: string; at: string; id: string };

/** An assessment's judgement as it stands: the latest per source (reliability) and per source and act (credibility). */
export class AssessmentIndex {
  private readonly reliability = new Map<string, Latest>();
  private readonly credibility = new Map<string, Latest>();

  constructor(assessments: Iterable<Assessment> = []) {
    for (const assessment of assessments) this.add(assessment);
  }

  /** Takes one assessment in; an older one of the same source (and act) than what is held is ignored. */
  add(assessment: Assessment): void {
    if (assessment.deleted) return;
    if (assessment.act === undefined) {
      if (assessment.reliability !== undefined)
        keepLatest(this.reliability, assessment.source, assessment, assessment.reliability);
    } else if (assessment.credibility !== undefined) {
      keepLatest(
        this.credibility,
        keyOf(assessment.source, assessment.act),
        assessment,
        assessment.credibility,
      );
    }
  }

  /** The source's reliability (A–F) as last assessed, if ever. */
  reliabilityOf(source: string): string | undefined {
    return this.reliability.get(source)?.code;
  }

  /** The credibility (1–6) of what the source says about the act, as last assessed, if ever. */
  credibilityOf(source: string, act: string): string | undefined {
    return this.credibility.get(keyOf(source, act))?.code;
  }
}

function keyOf(source: string, act: string): string {
  return `${source}\u0000${act}`;
}

// Latest by `at`; two assessments at the same instant are ordered by id, so the answer never
// depends on reading order.
function keepLatest(map: Map<string, Latest>, key: string, assessment: Assessment, code: string): void {
  const held = map.get(key);
  const at = new Date(assessment.at).toISOString();
  if (held && (held.at > at || (held.at === at && held.id > assessment.id))) return;
  map.set(key, { code, at, id: assessment.id });
}
