import { isAllowed } from '../access/authorize.ts';
import { type FieldKeys, revealRecord } from '../access/field-cipher.ts';
import { type PresentedRecord, redactFor } from '../access/redact.ts';
import type { Viewer } from '../access/roles.ts';
import { publishedView } from '../consent/published-view.ts';
import type { Store } from '../store/store.ts';

/**
 * One record as the viewer may see it, or `undefined` — the same answer for a record that does
 * not exist and one the viewer may not see, so that refusals reveal nothing. Reads of restricted
 * and strictly confidential records go into the audit trail, with the reason if given.
 */
export async function readRecord(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  id: string,
  reason?: string,
): Promise<PresentedRecord | undefined> {
  const record = await store.getRecord(id);
  if (!record || record.deleted) return undefined;
  if (!isAllowed(viewer, 'read-records', record.confidentiality)) return undefined;
  if (viewer.role === 'public') {
    // The public sees the published view: verified, and only as the consent in force allows.
    if (record.status !== 'verified') return undefined;
    const { plan } = await publishedView(store);
    if (!plan.leaves(record)) return undefined;
    return plan.release(revealRecord(record as never, keys));
  }
  if (record.confidentiality === 'restricted' || record.confidentiality === 'strictly-confidential') {
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: viewer.user,
      action: 'read',
      target: id,
      reason,
    });
  }
  return redactFor(viewer, revealRecord(record as never, keys));
}
