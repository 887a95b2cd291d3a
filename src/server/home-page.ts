import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import { html } from './html.ts';
import { layout, type PageContext } from './layout.ts';
import type { RecordSummary } from './record-summary.ts';

const TYPE_LABELS: Record<RecordType, string> = {
  organisation: 'Organisations',
  facility: 'Facilities',
  person: 'Persons',
  file: 'Evidence files',
  custody: 'Custody entries',
  source: 'Sources',
  consent: 'Consent changes',
  episode: 'Detention episodes',
  act: 'Acts (violations)',
  assessment: 'Source assessments',
};

/**
 * The first page: how much the database holds and what changed last, as far as the viewer may see
 * (the public sees verified public records only). No identifying data.
 */
export function homePage(
  context: PageContext,
  counts: Record<RecordType, number>,
  recent: RecordSummary[],
): string {
  const scope =
    context.viewer.role === 'public'
      ? 'Published (public, verified) records only. Staff: sign in to see more.'
      : `Records you may see as ${context.viewer.role}.`;
  return layout(
    'Overview',
    context,
    html`<p class="note">Evidence of detention abuses in North Korea, for the UN. This database holds fictional demo data unless you imported your own.</p>
<h2>Records</h2>
<p class="note" id="scope">${scope}</p>
<table id="counts"><thead><tr><th>Record type</th><th>Count</th></tr></thead><tbody>
${RECORD_TYPES.map((type) => html`<tr data-type="${type}"><td>${TYPE_LABELS[type]}</td><td class="n">${counts[type].toLocaleString('en')}</td></tr>`)}
</tbody></table>
<h2>Recently updated</h2>
<table id="recent"><thead><tr><th>Id</th><th>Type</th><th>Summary</th><th>Review status</th><th>Updated</th></tr></thead><tbody>
${recent.map((r) => html`<tr><td>${r.id}</td><td>${r.type}</td><td>${r.label}</td><td>${r.status}</td><td>${r.updated_at.slice(0, 10)}</td></tr>`)}
</tbody></table>`,
  );
}
