import { useId, useState } from 'react';
import { getJson } from '../api.ts';
import { type CountTableData, CountTableView } from '../components/count-table-view.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

const DIMENSIONS = [
  'act_type_top',
  'act_type',
  'facility',
  'facility_type',
  'year',
  'province',
  'law',
  'norm',
  'victim_sex',
];
const MEASURES = ['acts', 'victims', 'perpetrators', 'facilities'];
const BASES = ['documented', 'verified'];

type Tabulation = {
  basis: string;
  table?: CountTableData & { distinctTotal: number };
  published?: CountTableData;
  explain?: (Record<string, unknown> | null)[];
};

/** Counts by a chosen dimension and measure, on a chosen basis, as a table, a chart and a map. */
export function AnalysisPage() {
  const { t, lang, number } = useI18n();
  const id = useId();
  usePageTitle(t('nav.analysis'));
  const [rows, setRows] = useState('act_type_top');
  const [measure, setMeasure] = useState('victims');
  const [basis, setBasis] = useState('documented');
  const [protect, setProtect] = useState(false);
  const query = { rows, measure, basis, protect: String(protect), lang };
  const [answer] = useData(
    () => getJson<Tabulation>('/api/stats/table', query),
    [rows, measure, basis, protect, lang],
  );
  const select = (key: string, label: string, value: string, set: (v: string) => void, options: string[]) => (
    <div>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`analysis.${key}.${o}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
  const params = new URLSearchParams(query).toString();
  return (
    <>
      <h1>{t('nav.analysis')}</h1>
      <form className="controls" onSubmit={(e) => e.preventDefault()}>
        {select('rows', t('analysis.rows'), rows, setRows, DIMENSIONS)}
        {select('measure', t('analysis.measure'), measure, setMeasure, MEASURES)}
        {select('basis', t('analysis.basis'), basis, setBasis, BASES)}
        <label className="inline">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />{' '}
          {t('analysis.protect')}
        </label>
      </form>
      <Show loaded={answer}>
        {(tab) => {
          const table = protect && tab.published ? tab.published : (tab.table ?? tab.published);
          return table ? (
            <>
              {tab.table && (
                <p role="status">{t('analysis.total', { n: number(tab.table.distinctTotal) })}</p>
              )}
              <CountTableView
                caption={`${t(`analysis.measure.${measure}` as MessageKey)} — ${t(`analysis.rows.${rows}` as MessageKey)}`}
                table={table}
                id="stats"
                explain={table === tab.table ? tab.explain : undefined}
              />
            </>
          ) : null;
        }}
      </Show>
      <h2>{t('analysis.chart')}</h2>
      <img className="chart" src={`/api/stats/chart.svg?${params}`} alt={t('analysis.chartAlt')} />
      <h2>{t('analysis.map')}</h2>
      <img
        className="map"
        src={`/api/stats/map.svg?${new URLSearchParams({ measure, basis, lang })}`}
        alt={t('analysis.mapAlt')}
      />
    </>
  );
}
