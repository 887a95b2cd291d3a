import { Link } from 'wouter';
import type { RecordSummary } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** A table of record summaries, each linked to its page (`base` is `/records` or the portal's). */
export function RecordTable({
  records,
  caption,
  base = '/records',
}: {
  records: RecordSummary[];
  caption: string;
  base?: string;
}) {
  const { t, lang } = useI18n();
  if (records.length === 0) return <p className="note">{t('table.none')}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.id')}</th>
          <th scope="col">{t('column.type')}</th>
          <th scope="col">{t('column.summary')}</th>
          <th scope="col">{t('column.status')}</th>
          <th scope="col">{t('column.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id} data-id={r.id}>
            <td>
              <Link href={`${base}/${encodeURIComponent(r.id)}`}>{r.id}</Link>
            </td>
            <td>{t(`record.type.${r.type}` as MessageKey)}</td>
            <td>{lang === 'ko' ? r.label_ko : r.label}</td>
            <td>{t(`status.${r.status}` as MessageKey)}</td>
            <td>{r.updated_at.slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
