import { useId, useState } from 'react';
import { ApiError, getJson, postJson, type RecordSummary } from '../api.ts';
import { usePageTitle } from '../components/layout.tsx';
import { RecordFields } from '../components/record-fields.tsx';
import { RecordTable } from '../components/record-table.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type Presented = Record<string, unknown> & {
  id: string;
  type: string;
  version: number;
  status: string;
  confidentiality: string;
  redacted?: string[];
};
type History = {
  versions: {
    version: number;
    updated_at: string;
    updated_by: string;
    status: string;
    changes: { path: string }[];
  }[];
  reviews: {
    version: number;
    at: string;
    actor: string;
    action: string;
    from: string;
    to: string;
    comment?: string;
  }[];
};

/** What may be done next from each status (the server checks rights and four eyes). */
const NEXT_ACTIONS: Record<string, string[]> = {
  draft: ['submit'],
  'needs-information': ['submit'],
  submitted: ['start', 'request-info'],
  'under-review': ['verify', 'request-info', 'reject'],
};

/** A record: its fields as the viewer may see them, its provenance, history and review actions. */
export function RecordPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [record, reload] = useData(() => getJson<Presented>(`/api/records/${encodeURIComponent(id)}`), [id]);
  const [history, reloadHistory] = useData(
    () => getJson<History>(`/api/records/${encodeURIComponent(id)}/history`),
    [id],
  );
  const [referencing] = useData(
    () =>
      getJson<{ records: RecordSummary[]; total: number }>(
        `/api/records/${encodeURIComponent(id)}/referencing`,
      ),
    [id],
  );
  usePageTitle(record.state === 'done' ? `${t(`record.type.${record.value.type}` as MessageKey)} ${id}` : id);
  return (
    <Show loaded={record}>
      {(r) => (
        <>
          <h1>
            {t(`record.type.${r.type}` as MessageKey)} <span className="code">{r.id}</span>
          </h1>
          <p className="meta">
            <span data-status={r.status}>{t(`status.${r.status}` as MessageKey)}</span> ·{' '}
            {t(`level.${r.confidentiality}` as MessageKey)} · {t('record.version', { n: r.version })}
          </p>
          {r.redacted && r.redacted.length > 0 && <p className="note">{t('record.redacted')}</p>}
          <ReviewActions
            record={r}
            onDone={() => {
              reload();
              reloadHistory();
            }}
          />
          <h2>{t('record.fields')}</h2>
          <RecordFields record={r} />
          <h2>{t('record.referencing')}</h2>
          <Show loaded={referencing}>
            {(refs) => (
              <RecordTable
                records={refs.records}
                caption={t('record.referencingCaption', { n: refs.total })}
              />
            )}
          </Show>
          <h2>{t('record.history')}</h2>
          <Show loaded={history}>{(h) => <HistoryTables history={h} />}</Show>
        </>
      )}
    </Show>
  );
}

function ReviewActions({ record, onDone }: { record: Presented; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const actions = NEXT_ACTIONS[record.status] ?? [];
  if (actions.length === 0 && !message) return null;
  const act = async (action: string) => {
    setMessage(undefined);
    try {
      await postJson(`/api/review/${encodeURIComponent(record.id)}`, {
        action,
        version: record.version,
        comment: comment.trim() || undefined,
      });
      setComment('');
      setMessage({
        ok: true,
        text: t('review.done', { action: t(`review.action.${action}` as MessageKey) }),
      });
      onDone();
    } catch (caught) {
      setMessage({
        ok: false,
        text:
          caught instanceof ApiError && caught.status === 403
            ? t('error.forbidden')
            : (caught as Error).message,
      });
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="review-actions">
      <h2 id={`${id}-h`}>{t('review.title')}</h2>
      <label htmlFor={`${id}-comment`}>{t('review.comment')}</label>
      <textarea id={`${id}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="buttons">
        {actions.map((action) => (
          <button key={action} type="button" onClick={() => act(action)}>
            {t(`review.action.${action}` as MessageKey)}
          </button>
        ))}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'done' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function HistoryTables({ history }: { history: History }) {
  const { t } = useI18n();
  return (
    <>
      <table>
        <caption>{t('record.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record.versionColumn')}</th>
            <th scope="col">{t('column.updated')}</th>
            <th scope="col">{t('record.by')}</th>
            <th scope="col">{t('column.status')}</th>
            <th scope="col">{t('record.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {history.versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.updated_at.slice(0, 16).replace('T', ' ')}</td>
              <td>{v.updated_by}</td>
              <td>{t(`status.${v.status}` as MessageKey)}</td>
              <td>{v.changes.map((c) => c.path).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t('record.reviews')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record.when')}</th>
            <th scope="col">{t('record.by')}</th>
            <th scope="col">{t('record.step')}</th>
            <th scope="col">{t('review.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {history.reviews.length === 0 && (
            <tr>
              <td colSpan={4}>{t('table.none')}</td>
            </tr>
          )}
          {history.reviews.map((r) => (
            <tr key={`${r.at}-${r.action}`}>
              <td>{r.at.slice(0, 16).replace('T', ' ')}</td>
              <td>{r.actor}</td>
              <td>
                {t(`status.${r.from}` as MessageKey)} → {t(`status.${r.to}` as MessageKey)}
              </td>
              <td>{r.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
