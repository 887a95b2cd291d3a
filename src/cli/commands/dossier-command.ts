import type { Command } from 'commander';
import { perpetratorDossier } from '../../analysis/perpetrator-dossier.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight dossier ID`: a perpetrator's dossier (identifying: access-controlled, audited, never public). */
export function registerDossier(program: Command): void {
  program
    .command('dossier')
    .description(
      "a perpetrator's dossier: every record of the individual, positions, facilities, periods, acts with involvement, evidentiary status and sources",
    )
    .argument('<id>', 'a person record of the perpetrator')
    .option('--json', 'as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withContext(program.opts(), async ({ store, viewer, keys }) => {
        const dossier = await perpetratorDossier(store, viewer, await keys(), id);
        if (!dossier) throw new CommandError(`${id}: no such person record`, 2);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(dossier, null, 2)}\n`);
          return;
        }
        const out = (line: string) => process.stdout.write(`${line}\n`);
        out(`individual ${dossier.individual}: ${dossier.records.map((r) => r.code).join(', ')}`);
        for (const r of dossier.records)
          out(`  ${r.code}\t${r.names.map((n) => n.value).join(' / ')}\t${r.roles.join(', ')}`);
        out('positions:');
        for (const p of dossier.positions)
          out(
            `  ${p.agency}\t${p.rank?.en ?? p.rank?.ko ?? '-'}\t${p.facility ?? '-'}\t${p.period ? `${p.period.from}–${p.period.to ?? ''}` : '-'}`,
          );
        out(
          `facilities: ${dossier.facilities.join(', ') || '-'}; period: ${dossier.period ? `${dossier.period.from}–${dossier.period.to}` : '-'}`,
        );
        out('acts:');
        for (const a of dossier.acts)
          out(
            `  ${a.id}\t${a.act_type}\t${a.years ?? '-'}\t${a.facility ?? '-'}\t${a.involvement}\t${a.status}\t${a.standard ?? '-'}\t${a.sources.map((s) => s.id).join(' ')}`,
          );
        if (dossier.withheld > 0) out(`${dossier.withheld} records or acts above your level are left out`);
      });
    });
}
