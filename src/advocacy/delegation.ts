import { z } from 'zod';

/** Where an ask of a state stands: asked, the state agreed to make it, declined, or made it in the review. */
export const ASK_STATUSES = ['asked', 'agreed', 'declined', 'made'] as const;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A meeting with a state's delegation (notes are sealed with the data key when stored). */
export const DelegationMeeting = z.strictObject({
  state: z.string().min(1),
  date: Day,
  place: z.string().max(200).optional(),
  notes: z.string().max(5000).optional(),
});
export type DelegationMeeting = z.infer<typeof DelegationMeeting>;

/** One of our recommendations asked of a state, and where it stands. */
export const DelegationAsk = z.strictObject({
  state: z.string().min(1),
  recommendation: z.string().min(1),
  status: z.enum(ASK_STATUSES).default('asked'),
  /** The meeting it was asked at (its number), if any. */
  meeting: z.int().min(1).optional(),
  /** When to follow it up. */
  follow_up: Day.optional(),
  note: z.string().max(2000).optional(),
});
export type DelegationAsk = z.infer<typeof DelegationAsk>;

/** As stored: who wrote it and when; notes sealed. */
export type MeetingRow = DelegationMeeting & { seq: number; added_by: string; added_at: string };
export type AskRow = DelegationAsk & { updated_by: string; updated_at: string };
/** One of ours as stored. */
export type StoredRecommendation = {
  id: string;
  text: string;
  themes: string[];
  added_by: string;
  added_at: string;
};
/** A person's decision on whether a recommendation made (`made`, its id) takes up one of ours. */
export type UptakeDecision = {
  ours: string;
  made: string;
  decision: 'accept' | 'reject';
  decided_by: string;
  decided_at: string;
};
