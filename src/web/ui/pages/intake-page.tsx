import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, getJson, type Problem, postJson, type RecordSummary } from '../api.ts';
import { Combobox, type Option } from '../components/combobox.tsx';
import { DateInput, type FuzzyDate } from '../components/date-input.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { searchRecords, searchVocabulary } from '../components/lookups.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type ActDraft, ActFieldset, actPayload, emptyAct } from './act-fieldset.tsx';

type Recorded = { source: string; interviewee: string; acts: string[] };

const CONSENT_SCOPES = ['INTERNAL-USE', 'ANONYMISED-PUBLICATION', 'QUOTATION', 'SHARE-UN'] as const;

/**
 * Testimony intake: the interview, the interviewee and each act told, coded with the vocabularies,
 * written together (or not at all) and sent to review.
 */
export function IntakePage() {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('intake.title'));
  const [organisation, setOrganisation] = useState<Option>();
  const [confidentiality, setConfidentiality] = useState('restricted');
  const [interviewDate, setInterviewDate] = useState<FuzzyDate>();
  const [place, setPlace] = useState('');
  const [summaryKo, setSummaryKo] = useState('');
  const [consent, setConsent] = useState<string[]>(['INTERNAL-USE']);
  const [existing, setExisting] = useState<Option>();
  const [nameKo, setNameKo] = useState('');
  const [nameRoman, setNameRoman] = useState('');
  const [sex, setSex] = useState('');
  const [birth, setBirth] = useState<FuzzyDate>();
  const [province, setProvince] = useState<Option>();
  const [acts, setActs] = useState<ActDraft[]>([emptyAct()]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [recorded, setRecorded] = useState<Recorded>();
  const [busy, setBusy] = useState(false);

  // The organisation defaults to the first one recorded (most installations hold one).
  useEffect(() => {
    getJson<{ options: RecordSummary[] }>('/api/lookup', { type: 'organisation', q: '' }).then(
      ({ options }) => {
        const first = options[0];
        if (first)
          setOrganisation(
            (o) => o ?? { value: first.id, label: lang === 'ko' ? first.label_ko : first.label },
          );
      },
    );
  }, [lang]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    const names = [
      ...(nameKo.trim() ? [{ value: nameKo.trim(), form: 'HANGUL' }] : []),
      ...(nameRoman.trim() ? [{ value: nameRoman.trim(), form: 'ROMANIZED-OTHER' }] : []),
    ];
    try {
      const result = await postJson<Recorded>('/api/intake', {
        organisation: organisation?.value ?? '',
        confidentiality,
        interview: {
          date: interviewDate,
          languages: ['ko'],
          place: place.trim() ? { ko: place.trim() } : undefined,
          summary: summaryKo.trim() ? { ko: summaryKo.trim(), sensitive: true } : undefined,
          consent,
        },
        interviewee: existing
          ? { existing: existing.value }
          : {
              new: {
                names,
                sex: sex || undefined,
                birth,
                province: province?.value,
                roles: acts.some((a) => a.victimIsInterviewee) ? ['VICTIM'] : ['WITNESS'],
              },
            },
        acts: acts.map(actPayload),
        submit: true,
      });
      setRecorded(result);
    } catch (caught) {
      setProblems(
        caught instanceof ApiError && caught.problems.length > 0
          ? caught.problems
          : [{ field: '', message: (caught as Error).message }],
      );
    } finally {
      setBusy(false);
    }
  };

  if (recorded)
    return (
      <>
        <h1>{t('intake.title')}</h1>
        <p role="status" className="done">
          {t('intake.recorded', { n: recorded.acts.length })}
        </p>
        <ul>
          <li>
            <Link href={`/records/${recorded.source}`}>{t('intake.theInterview')}</Link>
          </li>
          <li>
            <Link href={`/records/${recorded.interviewee}`}>{t('intake.theInterviewee')}</Link>
          </li>
          {recorded.acts.map((act, i) => (
            <li key={act}>
              <Link href={`/records/${act}`}>{t('intake.act', { n: i + 1 })}</Link>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => window.location.assign('/intake')}>
          {t('intake.another')}
        </button>
      </>
    );

  return (
    <>
      <h1>{t('intake.title')}</h1>
      <p className="note">{t('intake.help')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('intake.interview')}</legend>
          <Combobox
            label={t('intake.organisation')}
            search={searchRecords('organisation', lang)}
            chosen={organisation?.label}
            onChoose={setOrganisation}
          />
          <DateInput
            legend={t('intake.interviewDate')}
            value={interviewDate}
            onChange={setInterviewDate}
            required
          />
          <label htmlFor={`${id}-place`}>{t('intake.place')}</label>
          <input id={`${id}-place`} lang="ko" value={place} onChange={(e) => setPlace(e.target.value)} />
          <label htmlFor={`${id}-summary`}>{t('intake.summary')}</label>
          <textarea
            id={`${id}-summary`}
            data-identifying
            lang="ko"
            rows={4}
            value={summaryKo}
            onChange={(e) => setSummaryKo(e.target.value)}
          />
          <label htmlFor={`${id}-level`}>{t('intake.confidentiality')}</label>
          <select
            id={`${id}-level`}
            value={confidentiality}
            onChange={(e) => setConfidentiality(e.target.value)}
          >
            {['internal', 'restricted', 'strictly-confidential'].map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}` as 'level.internal')}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('intake.consent')}</legend>
            {CONSENT_SCOPES.map((scope) => (
              <label key={scope} className="inline">
                <input
                  type="checkbox"
                  checked={consent.includes(scope)}
                  onChange={(e) =>
                    setConsent(e.target.checked ? [...consent, scope] : consent.filter((s) => s !== scope))
                  }
                />{' '}
                {t(`consent.${scope}` as 'consent.INTERNAL-USE')}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{t('intake.interviewee')}</legend>
          <Combobox
            label={t('intake.existingPerson')}
            search={searchRecords('person', lang)}
            chosen={existing?.label}
            onChoose={setExisting}
          />
          {existing ? (
            <button type="button" onClick={() => setExisting(undefined)}>
              {t('intake.newPersonInstead')}
            </button>
          ) : (
            <>
              <p className="note">{t('intake.newPersonHelp')}</p>
              <label htmlFor={`${id}-name-ko`}>{t('intake.nameKo')}</label>
              <input
                id={`${id}-name-ko`}
                data-identifying
                lang="ko"
                value={nameKo}
                onChange={(e) => setNameKo(e.target.value)}
              />
              <label htmlFor={`${id}-name-roman`}>{t('intake.nameRoman')}</label>
              <input
                id={`${id}-name-roman`}
                data-identifying
                lang="en"
                value={nameRoman}
                onChange={(e) => setNameRoman(e.target.value)}
              />
              <label htmlFor={`${id}-sex`}>{t('intake.sex')}</label>
              <select id={`${id}-sex`} value={sex} onChange={(e) => setSex(e.target.value)}>
                <option value="">—</option>
                <option value="female">{t('sex.female')}</option>
                <option value="male">{t('sex.male')}</option>
                <option value="unknown">{t('sex.unknown')}</option>
              </select>
              <DateInput legend={t('intake.birth')} value={birth} onChange={setBirth} />
              <Combobox
                label={t('intake.province')}
                search={searchVocabulary('provinces', lang)}
                chosen={province?.label}
                onChoose={setProvince}
              />
            </>
          )}
        </fieldset>
        {acts.map((act, i) => (
          <ActFieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: acts have no id before they are recorded
            key={i}
            index={i}
            act={act}
            onChange={(next) => setActs(acts.map((a, j) => (j === i ? next : a)))}
            onRemove={acts.length > 1 ? () => setActs(acts.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        <button type="button" onClick={() => setActs([...acts, emptyAct()])}>
          {t('intake.addAct')}
        </button>
        {problems.length > 0 && (
          <div role="alert" className="error">
            <p>{t('intake.problems')}</p>
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>
                  {p.field && <code>{p.field}</code>} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('intake.submit')}
        </button>
      </form>
    </>
  );
}
