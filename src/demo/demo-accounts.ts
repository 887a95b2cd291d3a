import type { FieldKeys } from '../access/field-cipher.ts';
import type { ScryptParameters } from '../access/password.ts';
import { ROLES, type Role } from '../access/roles.ts';
import { totp } from '../access/totp.ts';
import { addUser } from '../accounts/add-user.ts';
import type { Store } from '../store/store.ts';

// The fictional demo database that `npm start` creates has one account per staff role, named after
// the role, with a public password and a public TOTP secret (docs/access.md). Never for real data.

/** The password of every demo account. */
export const DEMO_PASSWORD = 'daylight demo password';

/** The TOTP secret every demo account shares (20 bytes; base32 in docs/access.md). */
export const DEMO_TOTP_SECRET = Buffer.from('daylight-demo-2fa-20', 'utf8');

/** The staff roles, each with a demo account of the same name. */
export const DEMO_ACCOUNT_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'public');

/** Creates the demo accounts that do not exist yet; returns the names created. */
export async function addDemoAccounts(
  store: Store,
  keys: FieldKeys,
  options: { scrypt?: ScryptParameters } = {},
): Promise<string[]> {
  const created: string[] = [];
  for (const role of DEMO_ACCOUNT_ROLES) {
    if (await store.getUser(role)) continue;
    await addUser(store, keys, {
      username: role,
      role,
      password: DEMO_PASSWORD,
      actor: 'demo',
      totpSecret: DEMO_TOTP_SECRET,
      scrypt: options.scrypt,
    });
    created.push(role);
  }
  return created;
}

/** The demo accounts' current six-digit code. */
export function demoCode(now = new Date()): string {
  return totp(DEMO_TOTP_SECRET, Math.floor(now.getTime() / 1000));
}
