import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '../access/roles.ts';
import type { Store } from '../store/store.ts';

/**
 * How long a signed-in session lasts: it ends after `idleMinutes` without a request, and in any
 * case `absoluteHours` after sign-in (a laptop left open in an office must not stay signed in).
 */
export const SESSION_POLICY = { idleMinutes: 30, absoluteHours: 12 } as const;

/** The database keeps only this hash of a session token, never the token. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a session for a signed-in user; the token goes into the session cookie and nowhere else. */
export async function startSession(store: Store, username: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await store.addSession({ token_hash: tokenHash(token), username, created_at: at, last_seen_at: at });
  return token;
}

/**
 * The viewer a session token stands for, or `undefined` when the token is unknown, the session has
 * expired (idle or absolute limit; it is then deleted) or the account has been disabled since.
 * The role is read from the account on every request, so a change of role applies at once.
 */
export async function resumeSession(
  store: Store,
  token: string,
  now = new Date(),
): Promise<{ viewer: Viewer; sessionId: string } | undefined> {
  const hash = tokenHash(token);
  const session = await store.getSession(hash);
  if (!session) return undefined;
  const idleLimit = Date.parse(session.last_seen_at) + SESSION_POLICY.idleMinutes * 60_000;
  const absoluteLimit = Date.parse(session.created_at) + SESSION_POLICY.absoluteHours * 3_600_000;
  const account = await store.getUser(session.username);
  if (now.getTime() >= Math.min(idleLimit, absoluteLimit) || !account || account.disabled) {
    await store.deleteSession(hash);
    return undefined;
  }
  await store.touchSession(hash, now.toISOString());
  return { viewer: { user: account.username, role: account.role }, sessionId: hash };
}

/** Ends a session (sign-out). */
export async function endSession(store: Store, token: string): Promise<void> {
  await store.deleteSession(tokenHash(token));
}
