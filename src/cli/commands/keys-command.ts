import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isAllowed } from '../../access/authorize.ts';
import { keySourceFromEnv } from '../../access/keyring.ts';
import { rotateKeys } from '../../records/rotate-keys.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight keys new-file|rotate`: key files and key rotation. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('encryption keys: key files and rotation');

  keys
    .command('new-file')
    .description(
      'write a new random key file (32 bytes, base64, mode 0600); keep it off the machine that holds the database',
    )
    .argument('<path>', 'where to write it')
    .action((path: string) => {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      process.stdout.write(`wrote ${path}\n`);
    });

  keys
    .command('rotate')
    .description(
      're-wrap every key under a new passphrase (DAYLIGHT_NEW_PASSPHRASE) or key file (DAYLIGHT_NEW_KEY_FILE), and start a new data key',
    )
    .action(async () => {
      const to = keySourceFromEnv({
        DAYLIGHT_PASSPHRASE: process.env.DAYLIGHT_NEW_PASSPHRASE,
        DAYLIGHT_KEY_FILE: process.env.DAYLIGHT_NEW_KEY_FILE,
      });
      if (!to)
        throw new CommandError('set DAYLIGHT_NEW_PASSPHRASE or DAYLIGHT_NEW_KEY_FILE to the new key', 2);
      const from = keySourceFromEnv();
      if (!from) throw new CommandError('set DAYLIGHT_PASSPHRASE or DAYLIGHT_KEY_FILE to the current key', 2);
      await withContext(program.opts(), async ({ store, keys: unlock, viewer, actor }) => {
        if (!isAllowed(viewer, 'rotate-keys'))
          throw new CommandError(`a ${viewer.role} may not rotate keys`, 3);
        await unlock();
        const result = await rotateKeys(store, from, to, actor);
        process.stdout.write(`keys rotated: ${result.keys} data keys, new writes use ${result.activeId}\n`);
      });
    });
}
