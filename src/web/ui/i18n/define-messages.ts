/** The interface languages: Korean and English. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One area's labels in both languages. The Korean table must have every key the English one has
 * (and no other), so a label missing in one language fails the typecheck, not the user.
 */
export function defineMessages<const Keys extends string>(
  en: Record<Keys, string>,
  ko: NoInfer<Record<Keys, string>>,
): Record<Language, Record<Keys, string>> {
  return { en, ko };
}
