import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import { html } from './html.ts';
import type { RecordSummary } from './record-summary.ts';

const TYPE_LABELS: Record<RecordType, string> = {
  organisation: 'Organisations',
  facility: 'Facilities',
  person: 'Persons',
  file: 'Evidence files',
  custody: 'Custody entries',
  source: 'Sources',
  episode: 'Detention episodes',
  act: 'Acts (violations)',
};

/** The first page: how much the database holds and what changed last. No identifying data. */
export function homePage(counts: Record<RecordType, number>, recent: RecordSummary[]): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daylight</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .note { color: #555; }
</style>
</head>
<body>
<header><h1>Daylight</h1><p class="note">Evidence of detention abuses in North Korea, for the UN. This database holds fictional demo data unless you imported your own.</p></header>
<main>
<h2>Records</h2>
<table id="counts"><thead><tr><th>Record type</th><th>Count</th></tr></thead><tbody>
${RECORD_TYPES.map((type) => html`<tr data-type="${type}"><td>${TYPE_LABELS[type]}</td><td class="n">${counts[type].toLocaleString('en')}</td></tr>`)}
</tbody></table>
<h2>Recently updated</h2>
<table id="recent"><thead><tr><th>Id</th><th>Type</th><th>Summary</th><th>Review status</th><th>Updated</th></tr></thead><tbody>
${recent.map((r) => html`<tr><td>${r.id}</td><td>${r.type}</td><td>${r.label}</td><td>${r.status}</td><td>${r.updated_at.slice(0, 10)}</td></tr>`)}
</tbody></table>
</main>
</body>
</html>
`.value;
}
