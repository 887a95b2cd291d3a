import { stringify } from 'csv-stringify/sync';
import type { Store } from '../store/store.ts';
import { readUprStates } from './state-names.ts';
import { UPR_INFO_COLUMNS } from './upr-info-csv.ts';
import type { UprFilter, UprRecommendation } from './upr-recommendation.ts';

const RESPONSE_LABELS = { supported: 'Supported', noted: 'Noted' } as const;

/**
 * Recommendations in UPR Info's CSV layout (the columns `upr import` reads): one row per
 * recommendation and recommending state, issues joined with `,`, response `Supported`, `Noted` or
 * `Pending`. Regional groups come from UPR Info's state list. Pure.
 */
export function uprInfoCsv(rows: readonly UprRecommendation[]): string {
  const groups = new Map(readUprStates().map((state) => [state.name, state.group]));
  const body = rows.map((row) => {
    const cells: Record<(typeof UPR_INFO_COLUMNS)[number], string> = {
      To: row.state_under_review,
      'To-Rgrp': groups.get(row.state_under_review) ?? '',
      'To-Org': '',
      Text: row.text,
      From: row.recommending_state,
      'From-Rgrp': row.recommending_group ?? groups.get(row.recommending_state) ?? '',
      'From-Org': '',
      Response: row.response ? RESPONSE_LABELS[row.response] : 'Pending',
      Action: row.action === null ? '' : String(row.action),
      Issue: row.issues.join(','),
      Session: String(row.session),
    };
    return UPR_INFO_COLUMNS.map((column) => cells[column]);
  });
  return stringify([[...UPR_INFO_COLUMNS], ...body]);
}

/** Every stored recommendation matching the filter (UPR documents are public), page by page. */
export async function uprRecommendationsForExport(
  store: Store,
  filter: Omit<UprFilter, 'limit' | 'offset'>,
): Promise<UprRecommendation[]> {
  const out: UprRecommendation[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.searchUprRecommendations({ ...filter, limit: 1000, offset });
    out.push(...page.rows);
    if (page.rows.length < 1000) return out;
  }
}
