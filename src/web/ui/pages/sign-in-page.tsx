import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, postJson } from '../api.ts';
import { LanguageSwitch, usePageTitle } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

/** Sign-in with password and the six-digit code of the authenticator app (two factors). */
export function SignInPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  usePageTitle(t('signIn.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await postJson('/api/sign-in', {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
        code: String(form.get('code') ?? ''),
      });
      await refresh();
      navigate('/');
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      setError(
        status === 401 && caught instanceof ApiError && /locked/.test(caught.message)
          ? t('signIn.locked')
          : status === 401
            ? t('signIn.wrong')
            : status === 429
              ? t('signIn.tooMany')
              : t('error.generic', { message: (caught as Error).message }),
      );
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <LanguageSwitch />
      <h1>{t('app.name')}</h1>
      <p className="note">{t('app.tagline')}</p>
      <h2>{t('signIn.title')}</h2>
      <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <label htmlFor="username">{t('signIn.username')}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <label htmlFor="code">{t('signIn.code')}</label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          aria-describedby="code-help"
          required
        />
        <p id="code-help" className="note">
          {t('signIn.codeHelp')}
        </p>
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('account.signIn')}
        </button>
      </form>
      <p>
        <a href="/portal">{t('nav.portal')}</a>
      </p>
    </main>
  );
}
