import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import { decideLink, LinkDecisionRefused, revokeLinkDecision } from '../../resolution/decide-link.ts';
import { decisionsInForce } from '../../resolution/decisions-in-force.ts';
import { linkQueue } from '../../resolution/link-queue.ts';
import { RESOLUTION_KINDS, type ResolutionKind } from '../../resolution/resolution-rows.ts';
import { resolveFacilities } from '../../resolution/resolve-facilities.ts';
import { resolvePersons } from '../../resolution/resolve-persons.ts';
import { CommandError, withContext } from '../context.ts';

/**
 * `daylight resolve run|queue|merge|split|revoke|decisions`: record linkage over the database's
 * person records, with the reviewers' decisions. (`daylight link` is the same engine on a file.)
 */
export function registerResolve(program: Command): void {
  const resolve = program
    .command('resolve')
    .description('link person records that name the same individual, and review the uncertain pairs');
  resolve
    .command('run')
    .description(
      'link all person records into individuals and facility records into places (applying merge and split decisions); counts then use them',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const summary = await resolvePersons(store, viewer, await keys());
        const places = await resolveFacilities(store, viewer, await keys());
        if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n${JSON.stringify(places)}\n`);
        else {
          process.stdout.write(
            `${places.records} facility records → ${places.places} places (${places.reviewPairs} pairs to review)\n`,
          );
          process.stdout.write(
            `${summary.mentions} person records → ${summary.individuals} individuals ` +
              `(${summary.linkedRecords} records linked to another; ${summary.reviewPairs} pairs to review; ` +
              `decisions applied: ${summary.decisionsApplied.merge} merge, ${summary.decisionsApplied.split} split) ` +
              `in ${summary.seconds} s\n`,
          );
        }
      });
    });
  resolve
    .command('queue')
    .description(
      'pairs the linkage could not decide, most uncertain first (ids, codes and field weights only)',
    )
    .option('--limit <n>', 'at most this many', '50')
    .option('--kind <kind>', 'person or facility', 'person')
    .option('--json', 'JSON Lines with the full explanation of each pair')
    .action(async (options: { limit: string; kind: string; json?: boolean }) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        const { total, pairs } = await linkQueue(store, viewer, kindOf(options.kind), Number(options.limit));
        for (const pair of pairs)
          process.stdout.write(
            options.json
              ? `${JSON.stringify(pair)}\n`
              : `${pair.probability.toFixed(3)}\t${pair.a}\t${pair.codes[0] ?? ''}\t${pair.b}\t${pair.codes[1] ?? ''}\n`,
          );
        process.stderr.write(
          `${total} pairs waiting${total > pairs.length ? ` (${pairs.length} shown)` : ''}\n`,
        );
      });
    });
  for (const decision of ['merge', 'split'] as const) {
    resolve
      .command(decision)
      .description(
        decision === 'merge'
          ? 'record that two person records are the same individual (applied by the next run, and every run after)'
          : 'record that two person records are different individuals (no run will ever join them)',
      )
      .argument('<a>', 'a person (or facility) record id')
      .argument('<b>', 'another record id of the same kind')
      .option('--kind <kind>', 'person or facility', 'person')
      .option('--note <text>', 'why (stored sealed)')
      .action(async (a: string, b: string, options: { kind: string; note?: string }) => {
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          const kind = kindOf(options.kind);
          const seq = await refusalsAsUsage(async () =>
            decideLink(store, viewer, await keys(), { kind, a, b, decision, note: options.note }),
          );
          process.stdout.write(
            `decision ${seq}: ${decision} ${a} ${b} (run \`daylight resolve run\` to apply)\n`,
          );
        });
      });
  }
  resolve
    .command('revoke')
    .description('undo a merge or split decision (the undo is recorded too)')
    .argument('<decision>', 'the decision number')
    .option('--kind <kind>', 'person or facility', 'person')
    .action(async (decision: string, options: { kind: string }) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        const seq = await refusalsAsUsage(() =>
          revokeLinkDecision(store, viewer, { kind: kindOf(options.kind), seq: Number(decision) }),
        );
        process.stdout.write(`decision ${seq}: revoked ${decision}\n`);
      });
    });
  resolve
    .command('decisions')
    .description('the merge and split decisions in force')
    .option('--kind <kind>', 'person or facility', 'person')
    .action(async (options: { kind: string }) => {
      await withContext(program.opts(), async ({ store, viewer }) => {
        authorize(viewer, 'resolve-records');
        const inForce = decisionsInForce(await store.linkDecisions(kindOf(options.kind)));
        for (const row of inForce.byPair.values())
          process.stdout.write(
            `${row.seq}\t${row.decision}\t${row.a}\t${row.b}\t${row.actor}\t${row.decided_at}\n`,
          );
      });
    });
}

function kindOf(kind: string): ResolutionKind {
  if (!(RESOLUTION_KINDS as readonly string[]).includes(kind))
    throw new CommandError(`--kind: expected ${RESOLUTION_KINDS.join(' or ')}`, 2);
  return kind as ResolutionKind;
}

async function refusalsAsUsage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LinkDecisionRefused) throw new CommandError(error.message, 2);
    throw error;
  }
}
