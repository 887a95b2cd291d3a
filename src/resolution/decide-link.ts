import { authorize, isAllowed } from '../access/authorize.ts';
import { type FieldKeys, sealText } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { Confidentiality } from '../domain/record-meta.ts';
import { CONFIDENTIALITY_LEVELS } from '../domain/record-meta.ts';
import type { Store } from '../store/store.ts';
import type { LinkDecisionRow, ResolutionKind } from './resolution-rows.ts';

/** A decision that cannot be recorded: unknown records, the same record twice, nothing to revoke. */
export class LinkDecisionRefused extends Error {}

/**
 * Records a reviewer's decision that two records are the same individual (`merge`) or never are
 * (`split`). Decisions are append-only and audited; the next resolution run applies them and no
 * later run undoes them. The reviewer needs `decide-links` at the level of both records.
 */
export async function decideLink(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: {
    kind: ResolutionKind;
    a: string;
    b: string;
    decision: 'merge' | 'split';
    note?: string;
    now?: Date;
  },
): Promise<number> {
  if (input.a === input.b) throw new LinkDecisionRefused('a decision needs two different records');
  const levels: Confidentiality[] = [];
  for (const id of [input.a, input.b]) {
    const stored = await store.getRecord(id);
    // Records the viewer may not read are reported as absent, as everywhere else.
    if (
      !stored ||
      stored.type !== input.kind ||
      stored.deleted ||
      !isAllowed(viewer, 'read-records', stored.confidentiality)
    )
      throw new LinkDecisionRefused(`${id}: no such ${input.kind} record`);
    levels.push(stored.confidentiality);
  }
  authorize(viewer, 'decide-links', highest(levels));
  const at = (input.now ?? new Date()).toISOString();
  return append(store, {
    kind: input.kind,
    a: input.a,
    b: input.b,
    decision: input.decision,
    revokes: null,
    actor: viewer.user,
    decided_at: at,
    note: input.note ? sealText(input.note, `link/${input.a}/${input.b}/${at}`, keys) : null,
  });
}

/** Undoes a decision (itself recorded, so the log keeps both); the pair is decided as before it. */
export async function revokeLinkDecision(
  store: Store,
  viewer: Viewer,
  input: { kind: ResolutionKind; seq: number; now?: Date },
): Promise<number> {
  const rows = await store.linkDecisions(input.kind);
  const target = rows.find((r) => r.seq === input.seq);
  if (!target || target.decision === 'revoke')
    throw new LinkDecisionRefused(`no ${input.kind} merge or split decision numbered ${input.seq}`);
  if (rows.some((r) => r.revokes === input.seq))
    throw new LinkDecisionRefused(`decision ${input.seq} is revoked already`);
  const levels: Confidentiality[] = [];
  for (const id of [target.a, target.b]) {
    const stored = await store.getRecord(id);
    if (stored) levels.push(stored.confidentiality);
  }
  authorize(viewer, 'decide-links', levels.length > 0 ? highest(levels) : 'strictly-confidential');
  return append(store, {
    ...target,
    decision: 'revoke',
    revokes: target.seq,
    actor: viewer.user,
    decided_at: (input.now ?? new Date()).toISOString(),
    note: null,
  });
}

async function append(store: Store, row: Omit<LinkDecisionRow, 'seq'>): Promise<number> {
  const session = await store.beginWrite();
  try {
    const seq = await session.decideLink(row);
    await session.audit({
      at: row.decided_at,
      actor: row.actor,
      action: `link-${row.decision}`,
      target: `${row.a} ${row.b}`,
      detail: { kind: row.kind, decision: seq, ...(row.revokes === null ? {} : { revokes: row.revokes }) },
    });
    await session.commit();
    return seq;
  } catch (error) {
    await session.rollback();
    throw error;
  }
}

function highest(levels: Confidentiality[]): Confidentiality {
  return levels.reduce((a, b) =>
    CONFIDENTIALITY_LEVELS.indexOf(a) >= CONFIDENTIALITY_LEVELS.indexOf(b) ? a : b,
  );
}
