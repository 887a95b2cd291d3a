import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Loaded } from '../use-data.ts';

/** Shows data once loaded, a polite "loading" before, and a clear message if it failed. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.state === 'loading')
    return (
      <p role="status" className="note">
        {t('loading')}
      </p>
    );
  if (loaded.state === 'failed') {
    const status = loaded.error.status;
    return (
      <p role="alert" className="error">
        {status === 404
          ? t('error.notFound')
          : status === 403
            ? t('error.forbidden')
            : t('error.generic', { message: loaded.error.message })}
      </p>
    );
  }
  return <>{children(loaded.value)}</>;
}
