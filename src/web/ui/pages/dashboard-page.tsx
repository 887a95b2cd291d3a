import { Link } from 'wouter';
import { getJson, type RecordSummary } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { RecordTable } from '../components/record-table.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useData } from '../use-data.ts';

type Dashboard = { counts: Record<string, number>; waiting: number; recent: RecordSummary[] };

const FIGURES = [
  ['act', 'dashboard.acts'],
  ['person', 'dashboard.persons'],
  ['source', 'dashboard.sources'],
  ['facility', 'dashboard.facilities'],
  ['episode', 'dashboard.episodes'],
] as const;

/** Key figures at the viewer's level, what waits for review, and what changed last. */
export function DashboardPage() {
  const { t, number, lang } = useI18n();
  usePageTitle(t('dashboard.title'));
  const [loaded] = useData(() => getJson<Dashboard>('/api/dashboard'), []);
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="note">{t('app.demo')}</p>
      <Show loaded={loaded}>
        {(dashboard) => (
          <>
            <ul className="figures" aria-label={t('dashboard.figures')}>
              {FIGURES.map(([type, key]) => (
                <li key={type} data-figure={type}>
                  <span className="figure">{number(dashboard.counts[type] ?? 0)}</span> {t(key)}
                </li>
              ))}
              <li data-figure="waiting">
                <span className="figure">{number(dashboard.waiting)}</span>{' '}
                <Link href="/review">{t('dashboard.waiting')}</Link>
              </li>
            </ul>
            <h2>{t('dashboard.chart')}</h2>
            <img
              className="chart"
              src={`/api/stats/chart.svg?rows=act_type_top&measure=victims&lang=${lang}`}
              alt={t('dashboard.chartAlt')}
            />
            <h2>{t('dashboard.recent')}</h2>
            <RecordTable records={dashboard.recent} caption={t('dashboard.recentCaption')} />
          </>
        )}
      </Show>
    </>
  );
}
