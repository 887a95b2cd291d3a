import { type Kysely, sql } from 'kysely';
import { type DaylightRecord, RECORD_TYPES, type RecordType } from '../domain/record.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import type { ListQuery } from './store.ts';

/** The `records` table as both stores keep it (`deleted` an integer flag in both). */
export type RecordTables = {
  records: {
    seq: number;
    id: string;
    type: string;
    version: number;
    status: string;
    confidentiality: string;
    updated_at: string;
    deleted: number;
    doc: string;
  };
};

/** Records of a page, most recently updated first (the same SQL on every database). */
export async function listRecordsQuery(
  db: Kysely<RecordTables>,
  query: ListQuery,
): Promise<DaylightRecord[]> {
  let select = db.selectFrom('records').select('doc');
  if (query.type) select = select.where('type', '=', query.type);
  // Across types, newest first: `+deleted` keeps the database off the counts index (migration 16),
  // whose order is not the one asked for, and on the index by update time.
  if (!query.includeDeleted)
    select = query.type ? select.where('deleted', '=', 0) : select.where(sql<number>`+deleted`, '=', 0);
  if (query.levels)
    select = select.where('confidentiality', 'in', query.levels.length > 0 ? query.levels : ['']);
  if (query.verifiedOnly) select = select.where('status', '=', 'verified');
  const rows = await select
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map((row) => JSON.parse(row.doc) as DaylightRecord);
}

/** Live records per type at the given levels (every type present, zero when none). */
export async function countByTypeQuery(
  db: Kysely<RecordTables>,
  scope: { levels?: Confidentiality[]; verifiedOnly?: boolean },
): Promise<Record<RecordType, number>> {
  let select = db
    .selectFrom('records')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0);
  if (scope.levels)
    select = select.where('confidentiality', 'in', scope.levels.length > 0 ? scope.levels : ['']);
  if (scope.verifiedOnly) select = select.where('status', '=', 'verified');
  const rows = await select.groupBy('type').execute();
  const counts = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>;
  for (const row of rows) counts[row.type as RecordType] = Number(row.n);
  return counts;
}

/** Live records counted by type, level and review status (one pass, for dashboards). */
export async function countLiveQuery(
  db: Kysely<RecordTables>,
): Promise<{ type: RecordType; confidentiality: Confidentiality; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('records')
    .select(['type', 'confidentiality', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy(['type', 'confidentiality', 'status'])
    .execute();
  return rows.map((row) => ({
    type: row.type as RecordType,
    confidentiality: row.confidentiality as Confidentiality,
    status: row.status,
    n: Number(row.n),
  }));
}
