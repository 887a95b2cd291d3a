import type { Estimate, EstimateReport } from './estimate-report.ts';

/** The report for a reader: every estimate with its interval, then warnings and caveats. Aggregates only. */
export function reportText(report: EstimateReport): string {
  const lines: string[] = [];
  lines.push(
    `Observed: ${report.n_observed} units on ${report.lists.length} lists (${report.lists.join(', ')})`,
  );
  const details = Object.entries(report.details)
    .filter(([, value]) => typeof value !== 'object')
    .map(([key, value]) => `${key.replaceAll('_', ' ')} ${value}`);
  if (details.length) lines.push(details.join('; '));
  lines.push('');
  if (report.selected) {
    lines.push(`Selected: ${describe(report.selected)}`);
    lines.push(`  interval: ${report.selected.interval}`);
  } else lines.push('No estimate: see the warnings.');
  if (report.estimates.length > 1) {
    lines.push('', 'Estimates:');
    const width = Math.max(...report.estimates.map((e) => e.model.length));
    lines.push(
      `  ${'model'.padEnd(width)}  ${'N'.padStart(9)}  ${'lower'.padStart(9)}  ${'upper'.padStart(9)}      AIC      BIC`,
    );
    for (const e of report.estimates) {
      lines.push(
        `  ${e.model.padEnd(width)}  ${number(e.N)}  ${number(e.lower)}  ${number(e.upper)}  ${criterion(e.aic)}  ${criterion(e.bic)}`,
      );
    }
  }
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  - ${w}`));
  lines.push('', 'Caveats (every estimate rests on these):', ...report.caveats.map((c) => `  - ${c}`));
  return `${lines.join('\n')}\n`;
}

function describe(e: Estimate): string {
  const upper = Number.isFinite(e.upper) ? e.upper.toFixed(0) : 'unbounded';
  return `N = ${e.N.toFixed(0)} (${e.lower.toFixed(0)} to ${upper}), ${e.method} ${e.model}`;
}

function number(x: number): string {
  return (Number.isFinite(x) ? x.toFixed(0) : '∞').padStart(9);
}

function criterion(x: number | null): string {
  return (x === null ? '-' : x.toFixed(2)).padStart(8);
}

/** The report as JSON: infinite interval ends become null. */
export function reportJson(report: EstimateReport): string {
  return JSON.stringify(
    report,
    (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
    2,
  );
}
