import { Command, CommanderError } from 'commander';
import { AccessDenied } from '../access/authorize.ts';
import { registerAudit } from './commands/audit-command.ts';
import { registerBackup } from './commands/backup-command.ts';
import { registerConsent } from './commands/consent-command.ts';
import { registerDelegation } from './commands/delegation-command.ts';
import { registerDemoCode } from './commands/demo-code-command.ts';
import { registerDemo } from './commands/demo-command.ts';
import { registerDossier } from './commands/dossier-command.ts';
import { registerEstimate } from './commands/estimate-command.ts';
import { registerExplain } from './commands/explain-command.ts';
import { registerExport } from './commands/export-command.ts';
import { registerFiles } from './commands/files-command.ts';
import { registerImport } from './commands/import-command.ts';
import { registerKeys } from './commands/keys-command.ts';
import { registerLink } from './commands/link-command.ts';
import { registerMigrate } from './commands/migrate-command.ts';
import { registerMigrateStore } from './commands/migrate-store-command.ts';
import { registerProof } from './commands/proof-command.ts';
import { registerRecordCommands } from './commands/records-commands.ts';
import { registerReport } from './commands/report-command.ts';
import { registerResolve } from './commands/resolve-command.ts';
import { registerReview } from './commands/review-command.ts';
import { registerSchema } from './commands/schema-command.ts';
import { registerStart } from './commands/start-command.ts';
import { registerStats } from './commands/stats-command.ts';
import { registerUprAdvocacy } from './commands/upr-advocacy-command.ts';
import { registerUprClassify } from './commands/upr-classify-command.ts';
import { registerUpr } from './commands/upr-command.ts';
import { registerUprExtract } from './commands/upr-extract-command.ts';
import { registerUser } from './commands/user-command.ts';
import { CommandError, DEFAULT_DB } from './context.ts';

const program = new Command('daylight')
  .description('Daylight: document, verify and carry evidence of detention abuses in North Korea to the UN')
  .option(
    '--db <path>',
    `SQLite database file or postgres:// URL (env DAYLIGHT_DB or DATABASE_URL; default ${DEFAULT_DB})`,
  )
  .option('--actor <name>', 'who is acting, for the record (env DAYLIGHT_ACTOR; default: your user name)')
  .option(
    '--role <role>',
    'act in this role, e.g. to see what an analyst would (default: admin, the holder of the database)',
  )
  // Global options go before the command, so that `user add NAME --role admin` keeps its own --role.
  .enablePositionalOptions()
  .showHelpAfterError()
  .exitOverride();

registerImport(program);
registerExport(program);
registerRecordCommands(program);
registerFiles(program);
registerDemo(program);
registerDemoCode(program);
registerStart(program);
registerSchema(program);
registerAudit(program);
registerKeys(program);
registerBackup(program);
registerUser(program);
registerConsent(program);
registerReview(program);
registerResolve(program);
registerStats(program);
registerDossier(program);
registerExplain(program);
const upr = registerUpr(program);
registerUprExtract(upr);
registerUprClassify(upr);
registerUprAdvocacy(upr);
registerDelegation(program);
registerProof(program);
registerEstimate(program);
registerLink(program);
registerMigrate(program);
registerMigrateStore(program);
registerReport(program);

// `daylight export | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else if (error instanceof AccessDenied) {
    process.stderr.write(`daylight: refused: ${error.message}\n`);
    process.exitCode = 3;
  } else if (error instanceof CommandError) {
    process.stderr.write(`daylight: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    // Unexpected: print the message (never record contents), and the stack only when asked.
    process.stderr.write(`daylight: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DAYLIGHT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
