import type { Command } from 'commander';
import { verifyChain } from '../../access/audit-chain.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight audit list|verify`: the hash-chained audit trail. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail');

  audit
    .command('verify')
    .description(
      'check the whole chain; names the first edited, deleted, inserted or reordered entry (exit 1)',
    )
    .action(async () => {
      await withContext(program.opts(), async ({ store }) => {
        const check = await verifyChain(store.auditEntries(), await store.auditAnchor());
        if (!check.ok)
          throw new CommandError(`audit trail broken at entry ${check.brokenAt}: ${check.problem}`);
        process.stdout.write(
          `audit trail intact: ${check.entries} ${check.entries === 1 ? 'entry' : 'entries'}, head ${check.head}\n`,
        );
      });
    });

  audit
    .command('list')
    .description('print the trail as JSON Lines, oldest first')
    .action(async () => {
      await withContext(program.opts(), async ({ store }) => {
        for await (const entry of store.auditEntries()) process.stdout.write(`${JSON.stringify(entry)}\n`);
      });
    });
}
