import { type FormEvent, useState } from 'react';
import { getJson } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type Recommendation = {
  id: string;
  cycle: number;
  session: number;
  paragraph?: string;
  text: string;
  recommending_state: string;
  recommending_group?: string;
  response: 'supported' | 'noted' | null;
  action: number | null;
  issues: string[];
  source: string;
};
type Review = {
  session: number;
  cycle: number;
  date: string | null;
  documents: { kind: string; symbol: string }[];
  recommendations: number;
  supported: number;
  noted: number;
  pending: number;
};
type Filter = {
  recommending_state: string;
  cycle: string;
  session: string;
  response: string;
  issue: string;
  text: string;
};

const PAGE = 20;
const EMPTY: Filter = { recommending_state: '', cycle: '', session: '', response: '', issue: '', text: '' };

/**
 * The UPR knowledge base: recommendations made to the DPRK, filtered by recommending state, cycle,
 * session, response, theme and words of the text, a page at a time; and the reviews with how their
 * recommendations were answered. The UN's texts are in English; labels follow the interface.
 */
export function UprPage() {
  const { t, number } = useI18n();
  usePageTitle(t('nav.upr'));
  const [form, setForm] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [lists] = useData(
    () =>
      Promise.all([
        getJson<{ states: { name: string }[] }>('/api/upr/states'),
        getJson<{ issues: string[] }>('/api/upr/issues'),
      ]),
    [],
  );
  const [found] = useData(
    () =>
      getJson<{ total: number; rows: Recommendation[] }>('/api/upr/recommendations', {
        state_under_review: 'DPR Korea',
        ...filter,
        limit: PAGE,
        offset,
      }),
    [filter, offset],
  );
  const [reviews] = useData(
    () => getJson<{ reviews: Review[] }>('/api/upr/reviews', { state_under_review: 'DPR Korea' }),
    [],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilter({ ...form, text: form.text.trim(), recommending_state: form.recommending_state.trim() });
  };
  const input = (key: keyof Filter) => ({
    id: `upr-${key}`,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const issues = lists.state === 'done' ? lists.value[1].issues : [];
  const states = lists.state === 'done' ? lists.value[0].states : [];

  return (
    <>
      <h1>{t('nav.upr')}</h1>
      <p className="note">{t('upr.help')}</p>
      <form className="controls" onSubmit={submit} aria-label={t('upr.filters')}>
        <div>
          <label htmlFor="upr-recommending_state">{t('upr.state')}</label>
          <input {...input('recommending_state')} list="upr-states" autoComplete="off" />
          <datalist id="upr-states">
            {states.map((s) => (
              <option key={s.name} value={s.name} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="upr-cycle">{t('upr.cycle')}</label>
          <select {...input('cycle')}>
            <option value="">{t('upr.any')}</option>
            {[1, 2, 3, 4].map((c) => (
              <option key={c} value={c}>
                {t('upr.cycleN', { n: c })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="upr-session">{t('upr.session')}</label>
          <input {...input('session')} type="number" min={1} max={200} inputMode="numeric" />
        </div>
        <div>
          <label htmlFor="upr-response">{t('upr.response')}</label>
          <select {...input('response')}>
            <option value="">{t('upr.any')}</option>
            {(['supported', 'noted', 'pending'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`upr.response.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="upr-issue">{t('upr.issue')}</label>
          <select {...input('issue')}>
            <option value="">{t('upr.any')}</option>
            {issues.map((issue) => (
              <option key={issue} value={issue} lang="en">
                {issue}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="upr-text">{t('upr.text')}</label>
          <input {...input('text')} type="search" />
        </div>
        <div>
          <button type="submit" className="primary">
            {t('upr.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY);
              setFilter(EMPTY);
              setOffset(0);
            }}
          >
            {t('upr.clear')}
          </button>
        </div>
      </form>
      <Show loaded={found}>
        {({ total, rows }) => (
          <section aria-labelledby="upr-results">
            <h2 id="upr-results">{t('upr.results')}</h2>
            <p role="status" id="upr-total" data-total={total}>
              {total === 0
                ? t('upr.none')
                : t('upr.showing', {
                    from: number(offset + 1),
                    to: number(offset + rows.length),
                    total: number(total),
                  })}
            </p>
            {rows.length > 0 && <RecommendationTable rows={rows} />}
            <nav aria-label={t('upr.pages')}>
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('upr.previous')}
              </button>
              <button
                type="button"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('upr.next')}
              </button>
            </nav>
          </section>
        )}
      </Show>
      <Show loaded={reviews}>{({ reviews: list }) => <ReviewTable reviews={list} />}</Show>
    </>
  );
}

function RecommendationTable({ rows }: { rows: Recommendation[] }) {
  const { t } = useI18n();
  return (
    <table id="upr-table">
      <caption>{t('upr.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('upr.session')}</th>
          <th scope="col">{t('upr.state')}</th>
          <th scope="col">{t('upr.recommendation')}</th>
          <th scope="col">{t('upr.response')}</th>
          <th scope="col">{t('upr.action')}</th>
          <th scope="col">{t('upr.issue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              {t('upr.sessionCycle', { session: r.session, cycle: r.cycle })}
              {r.paragraph && <span className="code"> ¶{r.paragraph}</span>}
            </td>
            <td>
              <span lang="en">{r.recommending_state}</span>
              {r.recommending_group && (
                <span className="meta"> ({t(`upr.group.${r.recommending_group}` as MessageKey)})</span>
              )}
            </td>
            <td lang="en">{r.text}</td>
            <td>{t(`upr.response.${r.response ?? 'pending'}`)}</td>
            <td>{r.action === null ? '—' : t(`upr.action.${r.action}` as MessageKey)}</td>
            <td lang="en">{r.issues.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReviewTable({ reviews }: { reviews: Review[] }) {
  const { t, number } = useI18n();
  return (
    <section aria-labelledby="upr-reviews">
      <h2 id="upr-reviews">{t('upr.reviews')}</h2>
      <table>
        <caption>{t('upr.reviewsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('upr.session')}</th>
            <th scope="col">{t('upr.date')}</th>
            <th scope="col">{t('upr.recommendations')}</th>
            <th scope="col">{t('upr.response.supported')}</th>
            <th scope="col">{t('upr.response.noted')}</th>
            <th scope="col">{t('upr.response.pending')}</th>
            <th scope="col">{t('upr.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr key={r.session}>
              <td>{t('upr.sessionCycle', { session: r.session, cycle: r.cycle })}</td>
              <td>{r.date ?? '—'}</td>
              <td className="n">{number(r.recommendations)}</td>
              <td className="n">{number(r.supported)}</td>
              <td className="n">{number(r.noted)}</td>
              <td className="n">{number(r.pending)}</td>
              <td className="code">{r.documents.map((d) => d.symbol).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
