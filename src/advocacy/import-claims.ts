import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import type { Viewer } from '../access/roles.ts';
import type { ImportProblem } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import { knownIssues } from './claim-themes.ts';
import { readJsonLines } from './read-json-lines.ts';

/**
 * A claim of a state under review from one of its documents — typically its national report
 * (`A/HRC/WG.6/33/PRK/1`) — by paragraph, optionally with the themes it concerns.
 */
export const StateClaimLine = z.strictObject({
  document: z.string().min(1).max(60),
  state_under_review: z.string().min(1),
  session: z.int().min(1).max(200),
  paragraph: z.string().regex(/^\d+(\.\d+)?[a-z]?$/, 'expected a paragraph number such as 31 or 31.2'),
  text: z.string().min(1).max(5000),
  /** UPR issues; absent: the classifier suggests them. */
  issues: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * Adds state claims from JSON lines (e.g. from a national report) to the register, all or nothing:
 * every line and every theme is checked first (a problem names file, line and field). A claim
 * already held (same document and paragraph) is left as it is. Audited.
 */
export async function importStateClaims(
  store: Store,
  viewer: Viewer,
  file: string,
  content: string,
): Promise<{ ok: true; added: number; lines: number } | { ok: false; problems: ImportProblem[] }> {
  authorize(viewer, 'manage-advocacy');
  const read = readJsonLines(file, content, StateClaimLine);
  if (!read.ok) return read;
  const issues = new Set(knownIssues());
  const problems: ImportProblem[] = [];
  const lines = content.split(/\r?\n/);
  let row = 0;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const claim = read.values[row++];
    for (const issue of claim?.issues ?? [])
      if (!issues.has(issue))
        problems.push({ file, line: i + 1, field: 'issues', message: `not a UPR issue: ${issue}` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const added = await store.addUprStateClaims(read.values.map(({ issues: _, ...claim }) => claim));
  const at = new Date().toISOString();
  const themed = read.values.flatMap((c) =>
    c.issues
      ? [{ document: c.document, paragraph: c.paragraph, issues: c.issues, set_by: viewer.user, set_at: at }]
      : [],
  );
  if (themed.length > 0) await store.setUprClaimIssues(themed);
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'upr-claims-import',
    target: file,
    detail: { added, lines: read.values.length },
  });
  return { ok: true, added, lines: read.values.length };
}
