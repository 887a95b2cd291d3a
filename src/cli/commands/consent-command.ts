import type { Command } from 'commander';
import { ALL_SCOPES, changeConsent } from '../../consent/change-consent.ts';
import type { ConsentScope } from '../../consent/consent-ledger.ts';
import { CommandError, withContext, withUsageErrors } from '../context.ts';

/** `daylight consent withdraw|grant PERSON`: an interviewee's consent changes, effective at once. */
export function registerConsent(program: Command): void {
  const consent = program
    .command('consent')
    .description(
      "record an interviewee's withdrawal (or renewal) of consent; applies to every output at once",
    );
  for (const change of ['withdraw', 'grant'] as const) {
    consent
      .command(change)
      .description(
        change === 'withdraw'
          ? 'withdraw consent scopes (all unless --scopes) for all interviews of a person, or one (--source)'
          : 'grant consent scopes again (after a withdrawal), for all interviews or one',
      )
      .argument('<person>', "the interviewee's person record id")
      .option('--scopes <codes>', `comma-separated: ${ALL_SCOPES.join(', ')}`)
      .option('--source <id>', 'only this interview')
      .option('--note <text>', 'how the change was communicated (encrypted; identifying)')
      .action(async (person: string, options: { scopes?: string; source?: string; note?: string }) => {
        const scopes = options.scopes ? options.scopes.split(',').map((s) => s.trim()) : [...ALL_SCOPES];
        const unknown = scopes.filter((s) => !(ALL_SCOPES as readonly string[]).includes(s));
        if (unknown.length > 0 || (change === 'grant' && !options.scopes))
          throw new CommandError(
            `--scopes: expected comma-separated codes among ${ALL_SCOPES.join(', ')}`,
            2,
          );
        await withContext(program.opts(), async ({ store, viewer, keys }) => {
          await withUsageErrors(async () => {
            const record = await changeConsent(store, viewer, await keys(), {
              interviewee: person,
              source: options.source,
              change,
              scopes: scopes as ConsentScope[],
              note: options.note,
            });
            process.stdout.write(`${record.id}: ${change} ${scopes.join(', ')} for ${person}\n`);
          });
        });
      });
  }
}
