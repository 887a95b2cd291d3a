import { useId, useState } from 'react';
import { getJson, type RecordSummary } from '../api.ts';
import { type CountTableData, CountTableView } from '../components/count-table-view.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { RecordFields } from '../components/record-fields.tsx';
import { RecordTable } from '../components/record-table.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

const ROWS = ['act_type_top', 'facility_type', 'year', 'law', 'victim_sex'] as const;

/** Published figures: verified acts only, small counts hidden, as a table, a chart and a map. */
export function PortalFiguresPage() {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('portal.figures'));
  const [rows, setRows] = useState<(typeof ROWS)[number]>('act_type_top');
  const [figures] = useData(
    () => getJson<{ published?: CountTableData }>('/api/public/figures', { rows, lang }),
    [rows, lang],
  );
  return (
    <>
      <h1>{t('portal.title')}</h1>
      <p>{t('portal.intro')}</p>
      <label htmlFor={`${id}-rows`}>{t('analysis.rows')}</label>
      <select id={`${id}-rows`} value={rows} onChange={(e) => setRows(e.target.value as typeof rows)}>
        {ROWS.map((r) => (
          <option key={r} value={r}>
            {t(`analysis.rows.${r}` as MessageKey)}
          </option>
        ))}
      </select>
      <Show loaded={figures}>
        {(f) =>
          f.published ? (
            <CountTableView
              table={f.published}
              id="figures"
              caption={`${t('analysis.measure.victims')} — ${t(`analysis.rows.${rows}` as MessageKey)}`}
            />
          ) : (
            <p>{t('table.none')}</p>
          )
        }
      </Show>
      <img
        className="chart"
        src={`/api/public/chart.svg?rows=${rows}&lang=${lang}`}
        alt={t('analysis.chartAlt')}
      />
      <h2>{t('analysis.map')}</h2>
      <img className="map" src={`/api/public/map.svg?lang=${lang}`} alt={t('analysis.mapAlt')} />
    </>
  );
}

/** The published places of detention. */
export function PortalFacilitiesPage() {
  const { t } = useI18n();
  usePageTitle(t('portal.facilities'));
  const [facilities] = useData(() => getJson<{ facilities: RecordSummary[] }>('/api/public/facilities'), []);
  return (
    <>
      <h1>{t('portal.facilities')}</h1>
      <Show loaded={facilities}>
        {(f) => (
          <RecordTable
            records={f.facilities}
            caption={t('portal.facilitiesCaption')}
            base="/portal/records"
          />
        )}
      </Show>
    </>
  );
}

/** One published record, anonymised as consent requires. */
export function PortalRecordPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [record] = useData(
    () =>
      getJson<Record<string, unknown> & { type: string; id: string }>(
        `/api/public/records/${encodeURIComponent(id)}`,
      ),
    [id],
  );
  usePageTitle(id);
  return (
    <Show loaded={record}>
      {(r) => (
        <>
          <h1>
            {t(`record.type.${r.type}` as MessageKey)} <span className="code">{r.id}</span>
          </h1>
          <RecordFields record={r} linkBase="/portal/records" />
        </>
      )}
    </Show>
  );
}
