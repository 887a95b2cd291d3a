import type { Command } from 'commander';
import { isAllowed } from '../../access/authorize.ts';
import { Role } from '../../access/roles.ts';
import { addUser } from '../../accounts/add-user.ts';
import { CommandError, withContext } from '../context.ts';

/** `daylight user add NAME --role ROLE`: staff accounts. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description(
      'create an account; the password comes from DAYLIGHT_NEW_USER_PASSWORD or the first line of standard input',
    )
    .argument('<username>', 'lower-case letters, digits, . _ -')
    .requiredOption('--role <role>', `one of ${Role.options.filter((r) => r !== 'public').join(', ')}`)
    .action(async (username: string, options: { role: string }) => {
      const role = Role.safeParse(options.role);
      if (!role.success) throw new CommandError(`--role: expected one of ${Role.options.join(', ')}`, 2);
      const password = process.env.DAYLIGHT_NEW_USER_PASSWORD ?? (await firstLineOfStdin());
      await withContext(program.opts(), async ({ store, keys, viewer, actor }) => {
        if (!isAllowed(viewer, 'manage-users'))
          throw new CommandError(`a ${viewer.role} may not manage users`, 3);
        try {
          const { otpauth } = await addUser(store, await keys(), {
            username,
            role: role.data,
            password,
            actor,
          });
          process.stdout.write(
            `created ${username} (${role.data}). Enrol this in an authenticator app (TOTP):\n${otpauth}\n`,
          );
        } catch (error) {
          throw new CommandError((error as Error).message, 2);
        }
      });
    });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]?.replace(/\r$/, '') ?? '';
}
