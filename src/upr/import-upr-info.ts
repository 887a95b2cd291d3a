import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { ImportProblem } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import { readUprInfoCsv } from './upr-info-csv.ts';

/** The DPRK's recommendations shipped with Daylight (see data/upr/README.md). */
export const SHIPPED_UPR_FILE = new URL('../../data/upr/dprk-upr-info.csv', import.meta.url);

/**
 * Imports a UPR Info CSV export: every row checked first, then all written in one transaction or
 * none; rows already stored are left as they are (a re-import changes nothing). Audited.
 */
export async function importUprInfo(
  store: Store,
  viewer: Viewer,
  file: string,
): Promise<{ ok: boolean; rows: number; inserted: number; unchanged: number; problems: ImportProblem[] }> {
  authorize(viewer, 'write-records', 'public');
  const { rows, problems } = await readUprInfoCsv(file);
  if (problems.length > 0) return { ok: false, rows: rows.length, inserted: 0, unchanged: 0, problems };
  const { inserted, unchanged } = await store.addUprRecommendations(rows);
  if (inserted > 0)
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: viewer.user,
      action: 'import-upr',
      detail: { rows: rows.length, inserted },
    });
  return { ok: true, rows: rows.length, inserted, unchanged, problems };
}
