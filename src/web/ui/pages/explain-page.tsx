import { Link, useSearch } from 'wouter';
import { getJson } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type Explanation = {
  figure: string;
  value: number;
  withheld: number;
  acts: {
    id: string;
    act_type: string;
    date?: string;
    facility?: string;
    status: string;
    standard: string;
    independent_sources: number;
    contradictions: string[];
    sources: { id: string; connection: string; reliability?: string; visible: boolean }[];
  }[];
};

/** How many acts the page lists at most (the figure counts them all). */
const SHOWN = 200;

/** A figure traced to the acts behind it, each with its sources and how well it is established. */
export function ExplainPage() {
  const { t, number } = useI18n();
  usePageTitle(t('explain.title'));
  const search = useSearch();
  const [explanation] = useData(() => getJson<Explanation>(`/api/explain?${search}`), [search]);
  return (
    <>
      <h1>{t('explain.title')}</h1>
      <Show loaded={explanation}>
        {(e) => (
          <>
            <p role="status">
              {t('explain.value', { figure: e.figure, n: number(e.value) })}
              {e.withheld > 0 && ` ${t('explain.withheld', { n: number(e.withheld) })}`}
            </p>
            <table id="acts">
              <caption>{t('explain.caption', { n: number(Math.min(e.acts.length, SHOWN)) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.type.act')}</th>
                  <th scope="col">{t('field.date')}</th>
                  <th scope="col">{t('field.facility')}</th>
                  <th scope="col">{t('column.status')}</th>
                  <th scope="col">{t('explain.standard')}</th>
                  <th scope="col">{t('field.sources')}</th>
                </tr>
              </thead>
              <tbody>
                {e.acts.slice(0, SHOWN).map((act) => (
                  <tr key={act.id}>
                    <td>
                      <Link href={`/records/${encodeURIComponent(act.id)}`}>{act.id}</Link> · {act.act_type}
                    </td>
                    <td>{act.date ?? '—'}</td>
                    <td>
                      {act.facility ? (
                        <Link href={`/records/${encodeURIComponent(act.facility)}`}>{act.facility}</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{t(`status.${act.status}` as MessageKey)}</td>
                    <td>
                      {act.standard} ({t('explain.independent', { n: act.independent_sources })})
                      {act.contradictions.length > 0 &&
                        ` · ${t('explain.contradictions', { fields: act.contradictions.join(', ') })}`}
                    </td>
                    <td>
                      {act.sources.map((s, i) => (
                        <span key={s.id}>
                          {i > 0 && ', '}
                          {s.visible ? (
                            <Link href={`/records/${encodeURIComponent(s.id)}`}>{s.id}</Link>
                          ) : (
                            s.id
                          )}{' '}
                          ({s.connection})
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
    </>
  );
}
