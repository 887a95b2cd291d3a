import type { FieldKeys } from '../access/field-cipher.ts';
import { type KeySource, newKeyringEntry, unlockKeyring } from '../access/keyring.ts';
import type { Store } from '../store/store.ts';

/**
 * Opens the store's keyring with the passphrase or key file; a store without one gets its first
 * data key, wrapped under that source. A wrong passphrase fails here, before anything is read.
 */
export async function unlockKeys(store: Store, source: KeySource): Promise<FieldKeys> {
  let entries = await store.keyringEntries();
  if (entries.length === 0) {
    await store.addKeyringEntries([newKeyringEntry(source, 'k1')]);
    entries = await store.keyringEntries();
  }
  return unlockKeyring(entries, source);
}
