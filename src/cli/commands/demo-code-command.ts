import type { Command } from 'commander';
import { demoCode } from '../../demo/demo-accounts.ts';

/** `daylight demo-code`: the current two-factor code of the demo accounts (their secret is public). */
export function registerDemoCode(program: Command): void {
  program
    .command('demo-code')
    .description("print the demo accounts' current sign-in code (TOTP; each code works once per account)")
    .action(() => {
      process.stdout.write(`${demoCode()}\n`);
    });
}
