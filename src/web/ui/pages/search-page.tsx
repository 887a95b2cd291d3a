import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { getJson, type RecordSummary } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { RecordTable } from '../components/record-table.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type SearchAnswer = {
  total: number;
  facets: { type: Record<string, number>; status: Record<string, number> };
  hits: RecordSummary[];
};

/**
 * Full-text search in Korean and English with facets by record type and review status. The query
 * is in the address, so a search can be shared with a colleague (who sees what their role allows).
 */
export function SearchPage({ base = '/search', api = '/api/search' }: { base?: string; api?: string }) {
  const { t, number } = useI18n();
  usePageTitle(t('search.title'));
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(q);
  const [answer] = useData(
    () => (q ? getJson<SearchAnswer>(api, { q, type, status }) : Promise.resolve(undefined)),
    [q, type, status],
  );
  const href = (next: Record<string, string>) => {
    const merged = new URLSearchParams({ q, type, status, ...next });
    for (const [k, v] of [...merged]) if (!v) merged.delete(k);
    return `${base}?${merged}`;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href({ q: text.trim(), type: '', status: '' }));
  };
  return (
    <>
      <h1>{t('search.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself, as older browsers understand */}
      <form role="search" onSubmit={submit} className="search">
        <label htmlFor="q">{t('search.label')}</label>
        <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('nav.search')}</button>
      </form>
      <Show loaded={answer}>
        {(found) =>
          found && (
            <div className="with-facets" data-total={found.total}>
              <aside aria-label={t('search.facets')}>
                {(['type', 'status'] as const).map((facet) => (
                  <nav key={facet} aria-label={t(`search.facet.${facet}`)}>
                    <h2>{t(`search.facet.${facet}`)}</h2>
                    <ul>
                      {Object.entries(found.facets[facet]).map(([value, n]) => (
                        <li key={value}>
                          <Link
                            href={href({
                              [facet]: value === (facet === 'type' ? type : status) ? '' : value,
                            })}
                            aria-current={value === (facet === 'type' ? type : status) ? 'true' : undefined}
                          >
                            {t(`${facet === 'type' ? 'record.type' : 'status'}.${value}` as MessageKey)} (
                            {number(n)})
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </nav>
                ))}
              </aside>
              <section>
                <p role="status">{t('search.found', { n: number(found.total) })}</p>
                <RecordTable
                  records={found.hits}
                  caption={t('search.results', { q })}
                  base={base === '/search' ? '/records' : `${base.replace(/\/search$/, '')}/records`}
                />
              </section>
            </div>
          )
        }
      </Show>
    </>
  );
}
