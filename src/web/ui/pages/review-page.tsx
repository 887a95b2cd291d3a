import { Link } from 'wouter';
import { getJson } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type QueueRow = {
  id: string;
  type: string;
  version: number;
  status: string;
  since: string;
  confidentiality: string;
};

/** What waits for review at the levels the reviewer may review, longest waiting first. */
export function ReviewPage() {
  const { t } = useI18n();
  usePageTitle(t('nav.review'));
  const [queue] = useData(() => getJson<{ queue: QueueRow[] }>('/api/review/queue'), []);
  return (
    <>
      <h1>{t('nav.review')}</h1>
      <p className="note">{t('review.help')}</p>
      <Show loaded={queue}>
        {({ queue: rows }) =>
          rows.length === 0 ? (
            <p className="note">{t('table.none')}</p>
          ) : (
            <table id="queue">
              <caption>{t('review.caption', { n: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('column.id')}</th>
                  <th scope="col">{t('column.type')}</th>
                  <th scope="col">{t('column.status')}</th>
                  <th scope="col">{t('review.since')}</th>
                  <th scope="col">{t('intake.confidentiality')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-id={row.id}>
                    <td>
                      <Link href={`/records/${encodeURIComponent(row.id)}`}>{row.id}</Link>
                    </td>
                    <td>{t(`record.type.${row.type}` as MessageKey)}</td>
                    <td>{t(`status.${row.status}` as MessageKey)}</td>
                    <td>{row.since.slice(0, 10)}</td>
                    <td>{t(`level.${row.confidentiality}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </>
  );
}
