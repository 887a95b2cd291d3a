import { useState } from 'react';
import { Link } from 'wouter';
import { getJson, postJson } from '../api.ts';
import { ProblemList } from '../components/advocacy-kit.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { useData } from '../use-data.ts';

type FieldEvidence = { field: string; level: string; weight: number };
type Pair = {
  a: string;
  b: string;
  codes: [string | null, string | null];
  probability: number;
  explanation: {
    weight?: number;
    prior_weight?: number;
    fields?: FieldEvidence[];
    facility_similarity?: number;
  };
};
type Decision = { seq: number; a: string; b: string; decision: string; actor: string; decided_at: string };

/**
 * The linkage review queue: pairs of records the engine could not decide, most uncertain first, by
 * id and code with the weight each field gave (names are not shown: open a record to read it, as
 * your role allows). Merge or split decisions are recorded, applied by the next linkage run, and
 * can be undone.
 */
export function LinkagePage() {
  const { t, lang } = useI18n();
  usePageTitle(t('nav.linkage'));
  const [kind, setKind] = useState<'person' | 'facility'>('person');
  const [queue, reloadQueue] = useData(
    () => getJson<{ total: number; pairs: Pair[] }>('/api/linkage/queue', { kind }),
    [kind],
  );
  const [decisions, reloadDecisions] = useData(
    () => getJson<{ decisions: Decision[] }>('/api/linkage/decisions', { kind }),
    [kind],
  );
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const act = async (path: string, body: unknown, message: string) => {
    setError(undefined);
    setDone('');
    try {
      await postJson(path, body);
      setDone(message);
      reloadQueue();
      reloadDecisions();
    } catch (caught) {
      setError(caught);
    }
  };
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}` as MessageKey;
    return key in MESSAGES[lang] ? t(key) : value;
  };

  return (
    <>
      <h1>{t('nav.linkage')}</h1>
      <p className="note">{t('linkage.help')}</p>
      <label htmlFor="linkage-kind">{t('linkage.kind')}</label>
      <select id="linkage-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        <option value="person">{t('record.type.person')}</option>
        <option value="facility">{t('record.type.facility')}</option>
      </select>
      <ProblemList error={error} />
      {done && (
        <p role="status" className="done">
          {done}
        </p>
      )}
      <Show loaded={queue}>
        {({ total, pairs }) => (
          <section aria-labelledby="linkage-queue">
            <h2 id="linkage-queue">{t('linkage.queue', { n: total })}</h2>
            {pairs.length === 0 && <p className="note">{t('table.none')}</p>}
            {pairs.map((pair) => (
              <article key={`${pair.a}|${pair.b}`} className="pair" data-pair={`${pair.a}|${pair.b}`}>
                <h3>
                  <Link href={`/records/${encodeURIComponent(pair.a)}`}>{pair.codes[0] ?? pair.a}</Link>
                  {' — '}
                  <Link href={`/records/${encodeURIComponent(pair.b)}`}>{pair.codes[1] ?? pair.b}</Link>
                </h3>
                <p>{t('linkage.probability', { p: (pair.probability * 100).toFixed(0) })}</p>
                {pair.explanation.fields ? (
                  <table>
                    <caption>{t('linkage.explanation')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('linkage.field')}</th>
                        <th scope="col">{t('linkage.level')}</th>
                        <th scope="col">{t('linkage.weight')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <td>{t('linkage.prior')}</td>
                        <td />
                        <td className="n">{pair.explanation.prior_weight?.toFixed(2)}</td>
                      </tr>
                      {pair.explanation.fields.map((f) => (
                        <tr key={f.field}>
                          <td>{label('linkage.field', f.field)}</td>
                          <td>{label('linkage.level', f.level)}</td>
                          <td className="n">{f.weight.toFixed(2)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t('linkage.total')}</th>
                        <td />
                        <td className="n">{pair.explanation.weight?.toFixed(2)}</td>
                      </tr>
                    </tbody>
                  </table>
                ) : (
                  <p>
                    {t('linkage.similarity', {
                      s: ((pair.explanation.facility_similarity ?? 0) * 100).toFixed(0),
                    })}
                  </p>
                )}
                <button
                  type="button"
                  onClick={() =>
                    act(
                      '/api/linkage/decisions',
                      { kind, a: pair.a, b: pair.b, decision: 'merge' },
                      t('linkage.merged'),
                    )
                  }
                >
                  {t('linkage.merge')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    act(
                      '/api/linkage/decisions',
                      { kind, a: pair.a, b: pair.b, decision: 'split' },
                      t('linkage.split'),
                    )
                  }
                >
                  {t('linkage.splitButton')}
                </button>
              </article>
            ))}
          </section>
        )}
      </Show>
      <Show loaded={decisions}>
        {({ decisions: rows }) => (
          <table id="decisions">
            <caption>{t('linkage.decisions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('delegations.number')}</th>
                <th scope="col">{t('linkage.decision')}</th>
                <th scope="col">{t('linkage.records')}</th>
                <th scope="col">{t('linkage.by')}</th>
                <th scope="col">{t('linkage.undo')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('table.none')}</td>
                </tr>
              )}
              {rows.map((d) => (
                <tr key={d.seq}>
                  <td className="n">{d.seq}</td>
                  <td>{label('linkage.decision', d.decision)}</td>
                  <td className="code">
                    {d.a} · {d.b}
                  </td>
                  <td>
                    {d.actor} · {d.decided_at.slice(0, 10)}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('linkage.undoN', { n: d.seq })}
                      onClick={() =>
                        act('/api/linkage/revocations', { kind, seq: d.seq }, t('linkage.undone'))
                      }
                    >
                      {t('linkage.undo')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </>
  );
}
