import { randomInt, randomUUID } from 'node:crypto';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Act } from '../domain/act.ts';
import type { Person } from '../domain/person.ts';
import { freshMeta } from '../domain/record-meta.ts';
import type { Source } from '../domain/source.ts';
import { type ImportProblem, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import type { TestimonyIntake } from './testimony-intake.ts';

/** What an intake wrote: the interview, the interviewee and the acts, by id. */
export type RecordedTestimony = { source: string; interviewee: string; acts: string[] };

/** An intake that could not be written, with problems that name fields, never content. */
export class IntakeRefused extends Error {
  readonly id = 'intake-refused';
  readonly problems: readonly ImportProblem[];
  constructor(problems: readonly ImportProblem[]) {
    super(`the testimony was not recorded: ${problems.length} problem(s)`);
    this.problems = problems;
  }
}

/**
 * Records a coded testimony: a new interviewee if needed (under a fresh pseudonymous code), the
 * interview as a source with the consent given, and each act resting on that source. All records
 * are written in one transaction through the import path (validated, references checked, audited),
 * submitted for review unless the coder keeps them as drafts.
 */
export async function recordTestimony(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  intake: TestimonyIntake,
  now = new Date(),
): Promise<RecordedTestimony> {
  authorize(viewer, 'write-records', intake.confidentiality);
  const meta = (prefix: string) => ({
    ...freshMeta(`${prefix}-${randomUUID()}`, viewer.user, now, intake.confidentiality),
    status: intake.submit ? ('submitted' as const) : ('draft' as const),
  });
  const records: (Person | Source | Act)[] = [];
  let interviewee: string;
  if ('existing' in intake.interviewee) interviewee = intake.interviewee.existing;
  else {
    const coded = intake.interviewee.new;
    const prefix = coded.roles.includes('VICTIM') ? 'V' : 'W';
    const person: Person = {
      type: 'person',
      ...meta('P'),
      code: `${prefix}-${String(randomInt(0, 1e9)).padStart(9, '0')}`,
      names: coded.names,
      sex: coded.sex,
      birth: coded.birth,
      origin: coded.province ? { province: coded.province } : undefined,
      roles: [...new Set([...coded.roles, 'INTERVIEWEE'])],
      positions: [],
    };
    records.push(person);
    interviewee = person.id;
  }
  const { interview } = intake;
  const source: Source = {
    type: 'source',
    ...meta('S'),
    kind: 'INTERVIEW',
    title: interview.title,
    date: interview.date,
    languages: interview.languages,
    interviewer: viewer.user,
    place: interview.place,
    interviewee,
    organisation: intake.organisation,
    consent: { scopes: interview.consent, recorded_at: now.toISOString(), recorded_by: viewer.user },
    files: [],
    related_sources: [],
    summary: interview.summary,
  };
  records.push(source);
  for (const act of intake.acts)
    records.push({
      type: 'act',
      ...meta('A'),
      act_type: act.act_type,
      victims: act.victims.map((victim) => (victim === 'interviewee' ? interviewee : victim)),
      perpetrators: act.perpetrators,
      facility: act.facility,
      date: act.date,
      legal_basis: act.legal_basis,
      norms: act.norms,
      sources: [{ source: source.id, connection: act.connection }],
      description: act.description,
    });
  const report = await importRecords(
    store,
    [{ file: 'intake', lines: records.map((value, i) => ({ line: i + 1, value: strip(value) })) }],
    { actor: viewer.user, keys, reason: 'testimony intake' },
  );
  if (!report.ok) throw new IntakeRefused(report.problems);
  return {
    source: source.id,
    interviewee,
    acts: records.filter((r) => r.type === 'act').map((r) => r.id),
  };
}

/** Drops keys whose value is undefined, as JSON would. */
function strip<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
