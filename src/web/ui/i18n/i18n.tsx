import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { LANGUAGES, type Language } from './define-messages.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'daylight.language';

/** The language to start in: the one chosen before, else Korean when the browser asks for it first. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  const asked = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of asked) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}

type I18n = {
  lang: Language;
  setLang: (lang: Language) => void;
  /** A label, with `{name}` placeholders filled. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The label of a vocabulary term (or any bilingual text) in the interface language, else the other. */
  pick: (text: { en?: string; ko?: string } | undefined) => string;
  /** A number as the interface language writes it. */
  number: (n: number) => string;
};

const I18nContext = createContext<I18n | undefined>(undefined);

/** Holds the interface language; switching it relabels every page at once and is remembered. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const format = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-GB');
    return {
      lang,
      setLang,
      t: (key, vars) =>
        (MESSAGES[lang][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
          vars && name in vars ? String(vars[name]) : whole,
        ),
      pick: (text) => (lang === 'ko' ? (text?.ko ?? text?.en) : (text?.en ?? text?.ko)) ?? '',
      number: (n) => format.format(n),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language and its labels. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
