import { type FormEvent, useEffect, useState } from 'react';
import { getJson, postJson } from '../api.ts';
import { ProblemList } from '../components/advocacy-kit.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { hasRight, useSession } from '../session.tsx';

type Job = {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  started_at: string;
  summary: Record<string, unknown> | null;
  file: { name: string; bytes: number } | null;
};

const POLL_MS = 500;

/**
 * Long jobs run by the server for you: importing a JSON Lines or CSV file from your computer, a
 * linkage run, generating a report. Each shows its progress (polled while it runs) and, when
 * finished, what it did in counts, never a name.
 */
export function JobsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('nav.jobs'));
  const [jobs, setJobs] = useState<Job[]>([]);
  const [error, setError] = useState<unknown>();
  const [file, setFile] = useState<File>();
  const running = jobs.some((j) => j.state === 'running');

  const refresh = () =>
    getJson<{ jobs: Job[] }>('/api/jobs').then(
      (answer) => setJobs(answer.jobs),
      (caught: unknown) => setError(caught),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    void refresh();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: polls while a job runs
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const start = async (path: string, body: unknown) => {
    setError(undefined);
    try {
      await postJson(path, body);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
    await start('/api/jobs/import', { file_name: file.name, format, content: await file.text() });
  };

  return (
    <>
      <h1>{t('nav.jobs')}</h1>
      <p className="note">{t('jobs.help')}</p>
      {hasRight(session, 'write-records') && (
        <form id="import-form" onSubmit={upload}>
          <fieldset>
            <legend>{t('jobs.import')}</legend>
            <label htmlFor="import-file">{t('jobs.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".jsonl,.json,.csv,application/json,text/csv"
              aria-describedby="import-help"
              onChange={(e) => setFile(e.target.files?.[0])}
            />
            <p id="import-help" className="note">
              {t('jobs.importHelp')}
            </p>
            <button type="submit" disabled={!file}>
              {t('jobs.startImport')}
            </button>
          </fieldset>
        </form>
      )}
      <div>
        {hasRight(session, 'resolve-records') && (
          <button type="button" onClick={() => start('/api/jobs/linkage', {})}>
            {t('jobs.runLinkage')}
          </button>
        )}
        {hasRight(session, 'manage-advocacy') && (
          <>
            <button type="button" onClick={() => start('/api/jobs/report', { kind: 'submission' })}>
              {t('jobs.reportSubmission')}
            </button>
            <button type="button" onClick={() => start('/api/jobs/report', { kind: 'statement' })}>
              {t('jobs.reportStatement')}
            </button>
          </>
        )}
      </div>
      <ProblemList error={error} />
      <section aria-labelledby="jobs-list">
        <h2 id="jobs-list">{t('jobs.yours')}</h2>
        {jobs.length === 0 && <p className="note">{t('table.none')}</p>}
        <ul className="jobs">
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      </section>
    </>
  );
}

function JobItem({ job }: { job: Job }) {
  const { t, number, lang } = useI18n();
  const label = (key: string) => {
    const full = `jobs.summary.${key}` as MessageKey;
    return full in MESSAGES[lang] ? t(full) : key;
  };
  const shown = (value: unknown) =>
    typeof value === 'boolean'
      ? t(value ? 'jobs.yes' : 'jobs.no')
      : typeof value === 'number'
        ? number(value)
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const kindKey = `jobs.kind.${job.kind}` as MessageKey;
  return (
    <li data-job={job.id} data-state={job.state}>
      <h3>
        {t(kindKey)} <span className="meta">· {job.started_at.slice(11, 19)}</span>
      </h3>
      <progress
        id={`progress-${job.id}`}
        value={job.done}
        max={job.total}
        aria-label={t('jobs.progress', { kind: t(kindKey) })}
      >
        {percent}%
      </progress>{' '}
      <span role="status">
        {t(`jobs.state.${job.state}`)} · {number(job.done)} / {number(job.total)} ({percent}%)
      </span>
      {job.summary && (
        <dl className="fields">
          {Object.entries(job.summary).map(([key, value]) => (
            <div key={key}>
              <dt>{label(key)}</dt>
              <dd>{shown(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {job.file && (
        <p>
          <a href={`/api/jobs/${encodeURIComponent(job.id)}/file`} download={job.file.name}>
            {t('jobs.download', { name: job.file.name })}
          </a>
        </p>
      )}
    </li>
  );
}
