import { type KeySource, newKeyringEntry, rewrapKeyring } from '../access/keyring.ts';
import type { Store } from '../store/store.ts';

/**
 * Rotates the keys: every data key is re-wrapped under the new passphrase or key file (the old one
 * stops working), and a fresh data key becomes the active one for everything written from now on.
 * Older fields stay readable under their own key ids. Audited.
 */
export async function rotateKeys(
  store: Store,
  from: KeySource,
  to: KeySource,
  actor: string,
): Promise<{ activeId: string; keys: number }> {
  const entries = await store.keyringEntries();
  const rewrapped = rewrapKeyring(entries, from, to);
  const activeId = `k${entries.length + 1}`;
  const next = [...rewrapped, newKeyringEntry(to, activeId)];
  await store.replaceKeyring(next);
  await store.appendAudit({
    at: new Date().toISOString(),
    actor,
    action: 'rotate-keys',
    detail: { keys: next.length, active: activeId },
  });
  return { activeId, keys: next.length };
}
