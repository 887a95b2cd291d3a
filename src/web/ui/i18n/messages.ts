import { ADVOCACY_MESSAGES } from './advocacy-messages.ts';
import { COMMON_MESSAGES } from './common-messages.ts';
import type { Language } from './define-messages.ts';
import { PORTAL_MESSAGES } from './portal-messages.ts';
import { WORKSPACE_MESSAGES } from './workspace-messages.ts';

// The one message catalogue of the interface: every label in Korean and English, assembled from
// one table per area so that each area's labels sit together.
const AREAS = [COMMON_MESSAGES, WORKSPACE_MESSAGES, PORTAL_MESSAGES, ADVOCACY_MESSAGES] as const;

type Union<T> = T extends readonly (infer Item)[] ? Item : never;
type KeysOf<T> = T extends Record<Language, Record<infer K, string>> ? K : never;

/** Every label's key. */
export type MessageKey = KeysOf<Union<typeof AREAS>>;

/** The catalogue: language → key → label. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = {
  en: Object.assign({}, ...AREAS.map((area) => area.en)),
  ko: Object.assign({}, ...AREAS.map((area) => area.ko)),
};
