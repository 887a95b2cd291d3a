import type { Viewer } from '../access/roles.ts';
import type { Act } from '../domain/act.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Source } from '../domain/source.ts';
import type { Store } from '../store/store.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { readConsentLedger, sourceVisible } from './evidence-guard.ts';
import { groupItems, recommendationsTo } from './previous-recommendation.ts';
import { StatementSpec } from './statement-spec.ts';
import { SubmissionSpec } from './submission-spec.ts';

const STATE = 'DPR Korea';
const TORTURE_ISSUE = 'Torture and other CID treatment';

/**
 * A submission spec made from what the database holds, for trying the builder on the demo data
 * (`daylight report submission` without `--spec`): the first organisation, figures on torture,
 * forced labour and deaths in custody, sources whose consent allows publication, one quotation from
 * a testimony whose consent allows it, and follow-up of the latest supported recommendations on
 * torture. Its text is generic and marked as an example.
 */
export async function defaultSubmissionSpec(store: Store, viewer: Viewer): Promise<SubmissionSpec> {
  const ledger = await readConsentLedger(store);
  let organisation = 'Our organisation';
  for await (const json of store.exportRecords('organisation')) {
    const record = JSON.parse(json) as Organisation;
    if (!record.deleted && record.name.en) {
      organisation = record.name.en;
      break;
    }
  }
  const cited: string[] = [];
  let quoted: string | undefined;
  for await (const json of store.exportRecords('act')) {
    const act = JSON.parse(json) as Act;
    if (act.deleted || !act.act_type.startsWith('TORTURE') || act.status !== 'verified') continue;
    for (const { source } of act.sources) {
      if (cited.length >= 3 && quoted) break;
      if (cited.includes(source) || source === quoted || !(await isInterview(store, viewer, source)))
        continue;
      if (!quoted && ledger.permits(source, 'QUOTATION')) quoted = source;
      else if (cited.length < 3 && ledger.permits(source, 'ANONYMISED-PUBLICATION')) cited.push(source);
    }
    if (cited.length >= 3 && quoted) break;
  }
  // The latest recommendations on torture: supported ones first, then those naming torture itself.
  const rows = (await recommendationsTo(store, STATE)).filter((r) => r.issues.includes(TORTURE_ISSUE));
  const rank = (r: UprRecommendation) =>
    (r.response === 'supported' ? 0 : 2) + (/tortur/i.test(r.text) ? 0 : 1) - r.session / 1000;
  const chosen = [...rows].sort((a, b) => rank(a) - rank(b));
  const ids: { paragraph?: string; session?: number; recommendation_id?: string }[] = [];
  for (const item of groupItems(chosen).slice(0, 2)) {
    const row = chosen.find((r) => r.session === item.session && r.text === item.text) as UprRecommendation;
    ids.push(
      item.paragraph ? { paragraph: item.paragraph, session: item.session } : { recommendation_id: row.id },
    );
  }
  const sources = cited.length > 0 ? `{{source: ${cited.join(', ')}}}` : '';
  return SubmissionSpec.parse({
    organisations: [organisation],
    title: `${STATE}: torture, forced labour and deaths in detention (example submission built from the database)`,
    state_under_review: STATE,
    session_label: 'Stakeholder submission to the Universal Periodic Review (example)',
    methodology: [
      `${organisation} documents human rights violations in places of detention in ${STATE} through interviews with survivors and witnesses who have left the country, satellite imagery and documents. Every account is coded as acts, reviewed by a second person and assessed against standards of proof; identifying details are never published.`,
      'The figures in this submission count verified acts unless stated otherwise, at the time the submission was generated; figures below 5 are not shown, to protect the people concerned. {{note: Figures are counted by Daylight; the annex lists, for each figure, the query that gives it.}}',
      `We have documented {{figure: measure=acts basis=documented}} acts in total, of which {{figure: measure=acts}} have been verified, concerning {{figure: measure=victims}} victims.`,
    ],
    sections: [
      {
        heading: 'Torture and ill-treatment in detention',
        paragraphs: [
          `Torture remains systematic in pre-trial detention and in the camps: we verified {{figure: measure=acts act_type=TORTURE}} acts of torture, {{figure: measure=acts act_type=TORTURE after_year=2019}} of them since 2020.${sources}`,
          ...(quoted
            ? [
                {
                  quotation: {
                    source: quoted,
                    lead: 'A former detainee described the interrogation (fictional demo quotation):',
                    text: 'They beat us every night until we said what they wanted to hear.',
                  },
                },
              ]
            : []),
        ],
      },
      {
        heading: 'Forced labour and deaths in custody',
        paragraphs: [
          'Detainees are forced to work in mines, quarries and fields: we verified {{figure: measure=acts act_type=FORCED-LABOUR}} acts of forced labour and {{figure: measure=acts act_type=DEATH-IN-CUSTODY}} deaths in custody.',
        ],
      },
    ],
    follow_up: ids,
    recommendations: [
      'Grant the Special Rapporteur and OHCHR unimpeded access to all places of detention, including the political prison camps (kwanliso), by the next review.',
      'Criminalise torture in the Criminal Code in line with article 1 of the Convention against Torture, and ratify the Convention.',
      'Publish, by the next review, the number of persons held in each place of detention and the number of deaths in custody each year.',
    ],
  });
}

async function isInterview(store: Store, viewer: Viewer, id: string): Promise<boolean> {
  if (!(await sourceVisible(store, viewer, id))) return false;
  const source = (await store.getRecord(id)) as Source | undefined;
  return source?.interviewee !== undefined;
}

/**
 * A pre-session statement spec made from the example submission (`daylight report statement`
 * without `--spec`): its organisation, its follow-up and its recommendations.
 */
export async function defaultStatementSpec(store: Store, viewer: Viewer): Promise<StatementSpec> {
  const submission = await defaultSubmissionSpec(store, viewer);
  const organisation = submission.organisations[0] as string;
  return StatementSpec.parse({
    organisation,
    about: `${organisation} has documented {{figure: measure=acts basis=documented}} acts of violence in places of detention in ${STATE} from the accounts of survivors and witnesses; this statement is an example built from the database.`,
    state_under_review: STATE,
    follow_up: [
      `At its last review, ${STATE} supported recommendations to end torture. Our evidence shows it has not: we verified {{figure: measure=acts act_type=TORTURE after_year=2019}} acts of torture since 2020, and {{figure: measure=acts act_type=DEATH-IN-CUSTODY after_year=2019}} deaths in custody.`,
      ...submission.follow_up,
    ],
    recommendations: submission.recommendations,
    closing: 'Thank you.',
  });
}
