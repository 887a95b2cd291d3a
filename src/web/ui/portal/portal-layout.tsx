import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { LanguageSwitch } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The public portal's frame: no account, no staff menu; the rules of what is shown in the footer. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const items = [
    ['/portal', 'portal.figures'],
    ['/portal/facilities', 'portal.facilities'],
    ['/portal/search', 'nav.search'],
  ] as const;
  return (
    <>
      <a className="skip" href="#main">
        {t('skip.main')}
      </a>
      <header className="top portal">
        <p className="brand">
          <Link href="/portal">{t('portal.name')}</Link>
        </p>
        <div className="account">
          <LanguageSwitch />
          <a href="/sign-in">{t('portal.staff')}</a>
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="menu">
        <ul>
          {items.map(([href, key]) => (
            <li key={href}>
              <Link href={href} aria-current={location === href ? 'page' : undefined}>
                {t(key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer>
        <p className="note">{t('portal.rules')}</p>
      </footer>
    </>
  );
}
