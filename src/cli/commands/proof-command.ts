import type { Command } from 'commander';
import type { EvidentiaryStatus } from '../../proof/evidentiary-status.ts';
import type { ProofSummary } from '../../proof/evidentiary-statuses.ts';
import { readProof, summariseProof } from '../../proof/read-proof.ts';
import {
  defaultProofRules,
  type ProofRules,
  ProofRulesError,
  readProofRules,
} from '../../proof/standards-of-proof.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight proof [ACT]`: an act's independent sources, level of proof and contradictions; or counts per level. */
export function registerProof(program: Command): void {
  program
    .command('proof')
    .description(
      'how well an act is established: independent source clusters, first-hand ones, standard of proof met, contradictions (ids and codes only); without an act, counts per level',
    )
    .argument('[act]', 'act record id')
    .option('--rules <file>', 'standards-of-proof rules (JSON) instead of the shipped defaults')
    .option('--json', 'print JSON')
    .action(async (actId: string | undefined, options: { rules?: string; json?: boolean }) => {
      const rules = loadRules(options.rules);
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        if (actId === undefined) {
          const summary = await summariseProof(store, viewer, await keys(), rules);
          process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary, rules));
          return;
        }
        const status = await readProof(store, viewer, await keys(), actId, rules);
        if (!status) throw new CommandError(`no act with id ${JSON.stringify(actId)}`);
        process.stdout.write(options.json ? `${JSON.stringify(status)}\n` : formatStatus(status, rules));
      });
    });
}

function loadRules(file: string | undefined): ProofRules {
  try {
    return file === undefined ? defaultProofRules() : readProofRules(file);
  } catch (error) {
    if (error instanceof ProofRulesError) throw new CommandError(error.message, 2);
    throw error;
  }
}

function labelOf(rules: ProofRules, code: string): string {
  return rules.levels.find((level) => level.code === code)?.en ?? code;
}

function formatStatus(status: EvidentiaryStatus, rules: ProofRules): string {
  const lines = [
    `act ${status.act}: ${status.level} (${labelOf(rules, status.level)}) under rules ${rules.id}`,
    `independent source clusters: ${status.independent}, first-hand: ${status.firstHand}`,
  ];
  for (const [i, cluster] of status.clusters.entries()) {
    const sources = cluster.sources
      .map(
        (s) =>
          `${s.source} ${s.connection}${s.firstHand ? ' (first-hand)' : ''}${s.discounted ? ` [discounted: ${s.discounted}]` : ''}`,
      )
      .join('; ');
    const joined = cluster.joinedBy.length > 0 ? ` — one cluster: ${cluster.joinedBy.join(', ')}` : '';
    lines.push(`  ${i + 1}. ${sources}${joined}${cluster.counts ? '' : ' — does not count'}`);
  }
  lines.push(
    `contradictions: ${status.contradictions.length}${status.contradicted ? ' (unresolved: the act is flagged for review)' : ''}`,
  );
  for (const c of status.contradictions) {
    const other = c.withCoding ? `the act as coded` : c.with;
    lines.push(`  ${c.field}: ${c.source} vs ${other}${c.resolved ? ' (resolved by assessment)' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatSummary(summary: ProofSummary, rules: ProofRules): string {
  const lines = [`acts: ${summary.acts} (rules ${rules.id})`];
  for (const level of rules.levels) lines.push(`${level.code}\t${summary.levels[level.code] ?? 0}`);
  for (const [field, n] of Object.entries(summary.contradicted)) lines.push(`contradicted ${field}\t${n}`);
  return `${lines.join('\n')}\n`;
}
