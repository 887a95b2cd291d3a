import type { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import { type FieldKeys, openText, sealText } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { ImportProblem } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import { allRecommendationsTo } from '../upr/all-recommendations.ts';
import type { UprRecommendation } from '../upr/upr-recommendation.ts';
import { AdvocacyError } from './claim-themes.ts';
import { DelegationAsk, DelegationMeeting, type MeetingRow } from './delegation.ts';
import { readJsonLines } from './read-json-lines.ts';
import { carried, textIndex } from './text-similarity.ts';
import { OurRecommendation } from './uptake.ts';

/** Notes are sealed with the data key, bound to this context. */
const NOTES = 'advocacy/delegation-notes';

/** Stores our recommendations from JSON lines, all or nothing (a bad line: file, line, field). Audited. */
export async function importOurRecommendations(
  store: Store,
  viewer: Viewer,
  file: string,
  content: string,
): Promise<{ ok: true; saved: number } | { ok: false; problems: ImportProblem[] }> {
  authorize(viewer, 'manage-advocacy');
  const read = readJsonLines(file, content, OurRecommendation);
  if (!read.ok) return read;
  const at = new Date().toISOString();
  await store.saveOurRecommendations(read.values.map((r) => ({ ...r, added_by: viewer.user, added_at: at })));
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'advocacy-recommendations',
    target: file,
    detail: { saved: read.values.length },
  });
  return { ok: true, saved: read.values.length };
}

/** Records a meeting with a delegation (notes sealed). Audited. Returns its number. */
export async function recordMeeting(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: unknown,
): Promise<number> {
  authorize(viewer, 'manage-advocacy');
  const meeting = parse(DelegationMeeting, input);
  const at = new Date().toISOString();
  const seq = await store.addDelegationMeeting({
    ...meeting,
    notes: meeting.notes === undefined ? undefined : sealText(meeting.notes, NOTES, keys),
    added_by: viewer.user,
    added_at: at,
  });
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'delegation-meeting',
    target: meeting.state,
    detail: { meeting: seq },
  });
  return seq;
}

/** Records an ask of a state (one of ours; at a known meeting), or moves it on. Audited. */
export async function recordAsk(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  input: unknown,
): Promise<void> {
  authorize(viewer, 'manage-advocacy');
  const ask = parse(DelegationAsk, input);
  if (!(await store.ourRecommendations()).some((r) => r.id === ask.recommendation))
    throw new AdvocacyError(
      'recommendation',
      `no recommendation of ours with id ${JSON.stringify(ask.recommendation)}`,
    );
  if (ask.meeting !== undefined) {
    const { meetings } = await store.delegations(ask.state);
    if (!meetings.some((m) => m.seq === ask.meeting))
      throw new AdvocacyError('meeting', `no meeting ${ask.meeting} with ${ask.state}`);
  }
  const at = new Date().toISOString();
  await store.setDelegationAsk({
    ...ask,
    note: ask.note === undefined ? undefined : sealText(ask.note, NOTES, keys),
    updated_by: viewer.user,
    updated_at: at,
  });
  await store.appendAudit({
    at,
    actor: viewer.user,
    action: 'delegation-ask',
    target: ask.state,
    detail: { recommendation: ask.recommendation, status: ask.status },
  });
}

/** What to take into a meeting with one state's delegation. */
export type Briefing = {
  state: string;
  group: string | undefined;
  stateUnderReview: string;
  /** What the state recommended to the state under review before, by session, with the responses. */
  earlier: UprRecommendation[];
  responses: { supported: number; noted: number; pending: number };
  /** Ours, the closest to what this state recommended before first, with where our ask stands. */
  suggested: { id: string; text: string; themes: string[]; closeness: number; ask: string | undefined }[];
  meetings: Omit<MeetingRow, 'added_by' | 'added_at'>[];
  followUps: { recommendation: string; due: string; status: string }[];
};

/**
 * A one-page briefing for a meeting with a state's delegation: what that state recommended to the
 * state under review in earlier reviews and how they were answered, our recommendations it is most
 * likely to carry (those closest to its own earlier ones first), and our meetings, asks and
 * follow-ups with it.
 */
export async function delegationBriefing(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  state: string,
  stateUnderReview: string,
): Promise<Briefing> {
  authorize(viewer, 'manage-advocacy');
  const all = await allRecommendationsTo(store, stateUnderReview);
  const earlier = all
    .filter((r) => r.recommending_state === state)
    .sort(
      (a, b) =>
        a.session - b.session ||
        (a.paragraph ?? '').localeCompare(b.paragraph ?? '', 'en', { numeric: true }),
    );
  const ours = await store.ourRecommendations();
  const { meetings, asks } = await store.delegations(state);
  const askOf = new Map(asks.map((a) => [a.recommendation, a.status]));
  const index = textIndex(
    ours.map((o) => o.text),
    all.map((r) => r.text),
  );
  const closeness = ours.map(() => 0);
  for (const r of earlier)
    carried(index, r.text).forEach((score, i) => {
      closeness[i] = Math.max(closeness[i] as number, score);
    });
  const suggested = ours
    .map((o, i) => ({
      id: o.id,
      text: o.text,
      themes: o.themes,
      closeness: closeness[i] as number,
      ask: askOf.get(o.id),
    }))
    .sort((a, b) => b.closeness - a.closeness || a.id.localeCompare(b.id));
  return {
    state,
    group: earlier.find((r) => r.recommending_group)?.recommending_group,
    stateUnderReview,
    earlier,
    responses: {
      supported: earlier.filter((r) => r.response === 'supported').length,
      noted: earlier.filter((r) => r.response === 'noted').length,
      pending: earlier.filter((r) => r.response === null).length,
    },
    suggested,
    meetings: meetings.map(({ added_by: _by, added_at: _at, ...m }) => ({
      ...m,
      notes: m.notes === undefined ? undefined : openText(m.notes, NOTES, keys),
    })),
    followUps: asks
      .filter((a) => a.follow_up !== undefined && a.status !== 'made' && a.status !== 'declined')
      .map((a) => ({ recommendation: a.recommendation, due: a.follow_up as string, status: a.status }))
      .sort((a, b) => a.due.localeCompare(b.due)),
  };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AdvocacyError(String(issue?.path[0] ?? '(input)'), issue?.message ?? 'invalid');
}
