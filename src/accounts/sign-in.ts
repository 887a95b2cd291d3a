import { type FieldKeys, openText } from '../access/field-cipher.ts';
import { verifyPassword } from '../access/password.ts';
import type { Viewer } from '../access/roles.ts';
import { verifyTotp } from '../access/totp.ts';
import type { Store } from '../store/store.ts';
import { LOCKOUT } from './user-account.ts';

/** Why a sign-in failed; deliberately the same answer for an unknown user and a wrong password. */
export type SignInRefusal = 'invalid-credentials' | 'locked' | 'disabled';

/**
 * Checks a password and a TOTP code. Failed attempts count towards a lock (LOCKOUT); a code is
 * accepted once only (replay refused); every outcome is audited, without the secrets.
 */
export async function signIn(
  store: Store,
  keys: FieldKeys,
  input: { username: string; password: string; code: string; now?: Date },
): Promise<{ ok: true; viewer: Viewer } | { ok: false; refusal: SignInRefusal }> {
  const now = input.now ?? new Date();
  const audit = (action: string, reason?: string) =>
    store.appendAudit({ at: now.toISOString(), actor: input.username, action, reason });
  const account = await store.getUser(input.username);
  if (!account) {
    await audit('sign-in-refused', 'invalid credentials');
    return { ok: false, refusal: 'invalid-credentials' };
  }
  if (account.disabled) {
    await audit('sign-in-refused', 'disabled');
    return { ok: false, refusal: 'disabled' };
  }
  if (account.locked_until && account.locked_until > now.toISOString()) {
    await audit('sign-in-refused', 'locked');
    return { ok: false, refusal: 'locked' };
  }
  const passwordOk = await verifyPassword(input.password, account.password_hash);
  const secret = Buffer.from(openText(account.totp_secret, `user/${account.username}/totp`, keys), 'base64');
  const step = verifyTotp(secret, input.code, Math.floor(now.getTime() / 1000));
  if (!passwordOk || step === undefined || step <= account.totp_last_step) {
    const failed = account.failed_attempts + 1;
    const locked =
      failed >= LOCKOUT.attempts ? new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString() : null;
    await store.updateUserSecurity(account.username, {
      failed_attempts: locked ? 0 : failed,
      locked_until: locked,
      totp_last_step: account.totp_last_step,
    });
    await audit('sign-in-refused', locked ? 'invalid credentials; account locked' : 'invalid credentials');
    return { ok: false, refusal: 'invalid-credentials' };
  }
  await store.updateUserSecurity(account.username, {
    failed_attempts: 0,
    locked_until: null,
    totp_last_step: step,
  });
  await audit('sign-in');
  return { ok: true, viewer: { user: account.username, role: account.role } };
}
