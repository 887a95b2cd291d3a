import { useEffect, useMemo, useState } from 'react';
import { minutesAndSeconds, statementTiming } from '../../../advocacy/statement-timing.ts';
import { getJson, postJson } from '../api.ts';
import {
  BuiltDocument,
  downloadPosted,
  GenerateButtons,
  linesOf,
  ProblemList,
  paragraphsOf,
  printedWords,
  saveBlob,
} from '../components/advocacy-kit.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

type Spec = {
  organisation: string;
  about: string;
  follow_up: unknown[];
  recommendations: string[];
  closing?: string;
  words_per_minute: number;
  slot: { min: number; max: number };
  [other: string]: unknown;
};
type Built = { words: number; markdown: string; figures: unknown[] };

type Draft = {
  organisation: string;
  about: string;
  /** Follow-up written as text (paragraphs); earlier recommendations cited by number are kept. */
  followUp: string;
  cited: unknown[];
  recommendations: string;
  closing: string;
  wpm: string;
  min: string;
  max: string;
  rest: Record<string, unknown>;
};

function draftOf(spec: Spec): Draft {
  const { organisation, about, follow_up, recommendations, closing, words_per_minute, slot, ...rest } = spec;
  return {
    organisation,
    about,
    followUp: follow_up.filter((f): f is string => typeof f === 'string').join('\n\n'),
    cited: follow_up.filter((f) => typeof f !== 'string'),
    recommendations: recommendations.join('\n'),
    closing: closing ?? '',
    wpm: String(words_per_minute),
    min: String(slot.min),
    max: String(slot.max),
    rest,
  };
}

function specOf(draft: Draft): Spec {
  return {
    ...draft.rest,
    organisation: draft.organisation.trim(),
    about: draft.about.trim(),
    follow_up: [...paragraphsOf(draft.followUp), ...draft.cited],
    recommendations: linesOf(draft.recommendations),
    ...(draft.closing.trim() ? { closing: draft.closing.trim() } : {}),
    words_per_minute: Number(draft.wpm),
    slot: { min: Number(draft.min), max: Number(draft.max) },
  };
}

/** The spoken words of the edited text (the organisation line is not spoken). */
function spokenWords(draft: Draft): number {
  return [draft.about, draft.followUp, draft.recommendations, draft.closing].reduce(
    (sum, part) => sum + printedWords(part),
    0,
  );
}

/**
 * The pre-session statement builder: 3 to 5 recommendations, a live count of the spoken words and
 * the speaking time against the slot (five to seven minutes by default, at 130 words a minute).
 */
export function StatementPage() {
  const { t } = useI18n();
  const { session } = useSession();
  usePageTitle(t('nav.statement'));
  const [draft, setDraft] = useState<Draft>();
  const [baseline, setBaseline] = useState<{ words: number; spoken: number }>();
  const [built, setBuilt] = useState<Built>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const build = async (next: Draft, show: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await postJson<Built>('/api/advocacy/statement', {
        spec: specOf(next),
        unconsented: 'omit',
      });
      setBaseline({ words: answer.words, spoken: spokenWords(next) });
      if (show) setBuilt(answer);
      return answer;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads the example once
  useEffect(() => {
    getJson<{ spec: Spec }>('/api/advocacy/statement/default').then(({ spec }) => {
      const first = draftOf(spec);
      setDraft(first);
      void build(first, false);
    }, setError);
  }, []);

  const spoken = useMemo(() => (draft ? spokenWords(draft) : 0), [draft]);
  if (!draft)
    return (
      <>
        <h1>{t('nav.statement')}</h1>
        {error ? (
          <ProblemList error={error} />
        ) : (
          <p role="status" className="note">
            {t('loading')}
          </p>
        )}
      </>
    );

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const words = baseline ? baseline.words + (spoken - baseline.spoken) : undefined;
  const recommendations = linesOf(draft.recommendations).length;
  const field = (id: keyof Draft, label: string, rows = 0) => (
    <>
      <label htmlFor={`statement-${id}`}>{label}</label>
      {rows > 0 ? (
        <textarea
          id={`statement-${id}`}
          rows={rows}
          value={draft[id] as string}
          onChange={(e) => set({ [id]: e.target.value })}
        />
      ) : (
        <input
          id={`statement-${id}`}
          value={draft[id] as string}
          onChange={(e) => set({ [id]: e.target.value })}
        />
      )}
    </>
  );

  return (
    <>
      <h1>{t('nav.statement')}</h1>
      <p className="note">{t('statement.help')}</p>
      <p className="note">{t('advocacy.tags')}</p>
      <Timing
        words={words}
        wpm={Number(draft.wpm)}
        slot={{ min: Number(draft.min), max: Number(draft.max) }}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void build(draft, true);
        }}
      >
        {field('organisation', t('statement.organisation'))}
        {field('about', t('statement.about'), 3)}
        {field('followUp', t('statement.followUp'), 6)}
        {draft.cited.length > 0 && (
          <p className="note">{t('submission.followUp', { n: draft.cited.length })}</p>
        )}
        <label htmlFor="statement-recommendations">{t('advocacy.recommendations')}</label>
        <textarea
          id="statement-recommendations"
          rows={6}
          value={draft.recommendations}
          onChange={(e) => set({ recommendations: e.target.value })}
          aria-describedby="statement-recommendations-help"
          aria-invalid={recommendations < 3 || recommendations > 5}
        />
        <p
          id="statement-recommendations-help"
          className={recommendations < 3 || recommendations > 5 ? 'error' : 'note'}
        >
          {t('statement.recommendationsHelp', { n: recommendations })}
        </p>
        {field('closing', t('statement.closing'))}
        <fieldset>
          <legend>{t('statement.pace')}</legend>
          <label htmlFor="statement-wpm">{t('statement.wpm')}</label>
          <input
            id="statement-wpm"
            type="number"
            min={60}
            max={250}
            value={draft.wpm}
            onChange={(e) => set({ wpm: e.target.value })}
          />
          <label htmlFor="statement-min">{t('statement.slotMin')}</label>
          <input
            id="statement-min"
            type="number"
            min={1}
            step="0.5"
            value={draft.min}
            onChange={(e) => set({ min: e.target.value })}
          />
          <label htmlFor="statement-max">{t('statement.slotMax')}</label>
          <input
            id="statement-max"
            type="number"
            min={1}
            step="0.5"
            value={draft.max}
            onChange={(e) => set({ max: e.target.value })}
          />
        </fieldset>
        <GenerateButtons
          busy={busy}
          signedIn={Boolean(session)}
          downloadWord={() =>
            downloadPosted(
              '/api/advocacy/statement/docx',
              { spec: specOf(draft), unconsented: 'omit' },
              session?.csrfToken ?? '',
              'statement.docx',
            ).catch(setError)
          }
          downloadMarkdown={async () => {
            const answer = await build(draft, true);
            if (answer) saveBlob(new Blob([answer.markdown], { type: 'text/markdown' }), 'statement.md');
          }}
        />
      </form>
      <ProblemList error={error} />
      <BuiltDocument built={built} />
    </>
  );
}

/** Spoken words and speaking time against the slot, as the server times it (statement-timing.ts). */
function Timing({
  words,
  wpm,
  slot,
}: {
  words: number | undefined;
  wpm: number;
  slot: { min: number; max: number };
}) {
  const { t, number } = useI18n();
  if (words === undefined || !(wpm > 0) || !(slot.min > 0) || !(slot.max >= slot.min))
    return (
      <p className="word-count note" id="speaking-time">
        {t('advocacy.counting')}
      </p>
    );
  const timing = statementTiming(words, wpm, slot);
  const fit =
    timing.fit === 'within'
      ? t('statement.within')
      : timing.fit === 'over'
        ? t('statement.over', { n: number(timing.adjust_by) })
        : t('statement.under', { n: number(timing.adjust_by) });
  return (
    <p
      className={`word-count ${timing.fit === 'within' ? 'done' : 'error'}`}
      id="speaking-time"
      data-words={words}
      data-seconds={Math.round(timing.minutes * 60)}
      aria-live="polite"
    >
      {t('statement.time', {
        words: number(words),
        time: minutesAndSeconds(timing.minutes),
        wpm: number(wpm),
        min: number(slot.min),
        max: number(slot.max),
      })}{' '}
      {fit}
    </p>
  );
}
