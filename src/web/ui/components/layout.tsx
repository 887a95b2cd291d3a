import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { postJson } from '../api.ts';
import { LANGUAGES, type Language } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { STAFF_ROLES, useSession } from '../session.tsx';

/** The workspace's pages, with the roles that see them in the menu (the API enforces the rights). */
const NAV: { href: string; key: MessageKey; roles: readonly string[] }[] = [
  { href: '/', key: 'nav.dashboard', roles: STAFF_ROLES },
  { href: '/intake', key: 'nav.intake', roles: ['investigator', 'coordinator', 'admin'] },
  { href: '/search', key: 'nav.search', roles: STAFF_ROLES },
  { href: '/review', key: 'nav.review', roles: ['reviewer', 'coordinator', 'admin'] },
  { href: '/linkage', key: 'nav.linkage', roles: ['reviewer', 'investigator', 'coordinator', 'admin'] },
  { href: '/analysis', key: 'nav.analysis', roles: STAFF_ROLES },
  { href: '/upr', key: 'nav.upr', roles: STAFF_ROLES },
  { href: '/submission', key: 'nav.submission', roles: ['advocate', 'coordinator', 'admin'] },
  { href: '/statement', key: 'nav.statement', roles: ['advocate', 'coordinator', 'admin'] },
  { href: '/delegations', key: 'nav.delegations', roles: ['advocate', 'coordinator', 'admin'] },
  { href: '/jobs', key: 'nav.jobs', roles: STAFF_ROLES },
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
          {NAV.filter((item) => item.roles.includes(role)).map((item) => (
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
