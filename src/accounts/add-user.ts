import { type FieldKeys, sealText } from '../access/field-cipher.ts';
import { hashPassword, type ScryptParameters } from '../access/password.ts';
import type { Role } from '../access/roles.ts';
import { newTotpSecret, otpauthUri } from '../access/totp.ts';
import type { Store } from '../store/store.ts';
import { USERNAME } from './user-account.ts';

/**
 * Creates a staff account with a password (scrypt) and a TOTP secret (encrypted at rest); returns
 * the `otpauth://` URI for the user's authenticator app. Audited.
 */
export async function addUser(
  store: Store,
  keys: FieldKeys,
  input: {
    username: string;
    role: Role;
    password: string;
    actor: string;
    scrypt?: ScryptParameters;
    /** Only for the demo accounts, whose shared secret is public; real accounts get a random one. */
    totpSecret?: Buffer;
  },
): Promise<{ otpauth: string }> {
  if (!USERNAME.test(input.username)) throw new Error('user name: 3–64 lower-case letters, digits, . _ -');
  if (input.role === 'public') throw new Error('role: public is for visitors who are not signed in');
  if (input.password.length < 12) throw new Error('password: at least 12 characters');
  if (await store.getUser(input.username)) throw new Error(`user ${input.username} exists already`);
  const secret = input.totpSecret ?? newTotpSecret();
  await store.addUser({
    username: input.username,
    role: input.role,
    password_hash: await hashPassword(input.password, input.scrypt),
    totp_secret: sealText(secret.toString('base64'), `user/${input.username}/totp`, keys),
    totp_last_step: 0,
    failed_attempts: 0,
    locked_until: null,
    disabled: false,
    created_at: new Date().toISOString(),
  });
  await store.appendAudit({
    at: new Date().toISOString(),
    actor: input.actor,
    action: 'add-user',
    target: input.username,
    detail: { role: input.role },
  });
  return { otpauth: otpauthUri(secret, input.username) };
}
