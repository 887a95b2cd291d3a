import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { postJson } from '../api.ts';
import { LANGUAGES, type Language } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useSession } from '../session.tsx';

/** The workspace's pages, each shown in the menu to those with the right it needs (routes check it too). */
const NAV: { href: string; key: MessageKey; right: string }[] = [
  { href: '/', key: 'nav.dashboard', right: 'read-records' },
  { href: '/intake', key: 'nav.intake', right: 'write-records' },
  { href: '/search', key: 'nav.search', right: 'search' },
  { href: '/review', key: 'nav.review', right: 'review-records' },
  { href: '/linkage', key: 'nav.linkage', right: 'decide-links' },
  { href: '/analysis', key: 'nav.analysis', right: 'view-statistics' },
  { href: '/upr', key: 'nav.upr', right: 'read-records' },
  { href: '/submission', key: 'nav.submission', right: 'manage-advocacy' },
  { href: '/statement', key: 'nav.statement', right: 'manage-advocacy' },
  { href: '/delegations', key: 'nav.delegations', right: 'manage-advocacy' },
  { href: '/jobs', key: 'nav.jobs', right: 'read-records' },
];

/** Sets the window title for the page shown (screen readers announce it). */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** The language switch: both languages named in their own script. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language">
      <label htmlFor="language">{t('language.label')}</label>
      <select id="language" value={lang} onChange={(event) => setLang(event.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The frame of every workspace page: skip link, header with account and language, menu, main. */
export function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const [location, navigate] = useLocation();
  const signOut = async () => {
    await postJson('/api/sign-out', {});
    await refresh();
    navigate('/sign-in');
  };
  const role = session?.role ?? 'public';
  return (
    <>
      <a className="skip" href="#main">
        {t('skip.main')}
      </a>
      <header className="top">
        <p className="brand">
          <Link href="/">{t('app.name')}</Link>
        </p>
        <div className="account">
          <LanguageSwitch />
          {session && role !== 'public' ? (
            <>
              <span>{t('account.signedInAs', { user: session.user, role })}</span>
              <button type="button" onClick={signOut}>
                {t('account.signOut')}
              </button>
            </>
          ) : (
            <Link href="/sign-in">{t('account.signIn')}</Link>
          )}
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="menu">
        <ul>
          {NAV.filter((item) => session?.rights.includes(item.right)).map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={location === item.href ? 'page' : undefined}>
                {t(item.key)}
              </Link>
            </li>
          ))}
          <li>
            <a href="/portal">{t('nav.portal')}</a>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
