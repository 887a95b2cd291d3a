import { useId } from 'react';
import { Combobox, type Option } from '../components/combobox.tsx';
import { DateInput, type FuzzyDate } from '../components/date-input.tsx';
import { searchRecords, searchVocabulary } from '../components/lookups.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** One act as the form holds it before it is sent. */
export type ActDraft = {
  actType?: Option;
  victimIsInterviewee: boolean;
  otherVictims: Option[];
  facility?: Option;
  date?: FuzzyDate;
  law?: Option;
  article: string;
  norms: Option[];
  perpetrator?: Option;
  involvement: string;
  connection: string;
  descriptionKo: string;
  descriptionEn: string;
};

/** A new, empty act: told by the interviewee about themself. */
export function emptyAct(): ActDraft {
  return {
    victimIsInterviewee: true,
    otherVictims: [],
    article: '',
    norms: [],
    involvement: 'CARRIED-OUT',
    connection: 'VICTIM',
    descriptionKo: '',
    descriptionEn: '',
  };
}

/** The act as the API takes it. */
export function actPayload(act: ActDraft) {
  const text = (ko: string, en: string) =>
    ko.trim() || en.trim() ? { ko: ko.trim() || undefined, en: en.trim() || undefined } : undefined;
  return {
    act_type: act.actType?.value ?? '',
    victims: [...(act.victimIsInterviewee ? ['interviewee'] : []), ...act.otherVictims.map((v) => v.value)],
    perpetrators: act.perpetrator ? [{ person: act.perpetrator.value, involvement: act.involvement }] : [],
    facility: act.facility?.value,
    date: act.date,
    legal_basis: act.law ? [{ law: act.law.value, article: act.article.trim() || undefined }] : [],
    norms: act.norms.map((n) => n.value),
    connection: act.connection,
    description: text(act.descriptionKo, act.descriptionEn),
  };
}

/** Who did what to whom, when and where: one act of the testimony. */
export function ActFieldset({
  index,
  act,
  onChange,
  onRemove,
}: {
  index: number;
  act: ActDraft;
  onChange: (act: ActDraft) => void;
  onRemove?: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const set = (patch: Partial<ActDraft>) => onChange({ ...act, ...patch });
  return (
    <fieldset className="act" data-act={index}>
      <legend>{t('intake.act', { n: index + 1 })}</legend>
      <Combobox
        label={t('intake.actType')}
        search={searchVocabulary('act-types', lang)}
        chosen={act.actType?.label}
        onChoose={(actType) => set({ actType })}
      />
      <fieldset>
        <legend>{t('intake.victims')}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={act.victimIsInterviewee}
            onChange={(event) => set({ victimIsInterviewee: event.target.checked })}
          />{' '}
          {t('intake.victimIsInterviewee')}
        </label>
        <Combobox
          label={t('intake.otherVictim')}
          search={searchRecords('person', lang)}
          onChoose={(victim) => set({ otherVictims: [...act.otherVictims, victim] })}
        />
        <Chips
          items={act.otherVictims}
          onRemove={(i) => set({ otherVictims: act.otherVictims.filter((_, j) => j !== i) })}
        />
      </fieldset>
      <Combobox
        label={t('intake.facility')}
        search={searchRecords('facility', lang)}
        chosen={act.facility?.label}
        onChoose={(facility) => set({ facility })}
      />
      <DateInput legend={t('intake.actDate')} value={act.date} onChange={(date) => set({ date })} />
      <Combobox
        label={t('intake.law')}
        search={searchVocabulary('laws', lang)}
        chosen={act.law?.label}
        onChoose={(law) => set({ law })}
      />
      <label htmlFor={`${id}-article`}>{t('intake.article')}</label>
      <input
        id={`${id}-article`}
        value={act.article}
        maxLength={20}
        onChange={(e) => set({ article: e.target.value })}
      />
      <Combobox
        label={t('intake.norms')}
        search={searchVocabulary('norms', lang)}
        onChoose={(norm) => set({ norms: [...act.norms.filter((n) => n.value !== norm.value), norm] })}
      />
      <Chips items={act.norms} onRemove={(i) => set({ norms: act.norms.filter((_, j) => j !== i) })} />
      <Combobox
        label={t('intake.perpetrator')}
        search={searchRecords('person', lang)}
        chosen={act.perpetrator?.label}
        onChoose={(perpetrator) => set({ perpetrator })}
      />
      <label htmlFor={`${id}-connection`}>{t('intake.connection')}</label>
      <select
        id={`${id}-connection`}
        value={act.connection}
        onChange={(e) => set({ connection: e.target.value })}
      >
        {['VICTIM', 'EYEWITNESS', 'HEARSAY-FROM-VICTIM', 'HEARSAY-FROM-WITNESS', 'FAMILY-MEMBER'].map((c) => (
          <option key={c} value={c}>
            {t(`connection.${c}` as 'connection.VICTIM')}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-ko`}>{t('intake.descriptionKo')}</label>
      <textarea
        id={`${id}-ko`}
        lang="ko"
        rows={3}
        value={act.descriptionKo}
        onChange={(e) => set({ descriptionKo: e.target.value })}
      />
      <label htmlFor={`${id}-en`}>{t('intake.descriptionEn')}</label>
      <textarea
        id={`${id}-en`}
        lang="en"
        rows={3}
        value={act.descriptionEn}
        onChange={(e) => set({ descriptionEn: e.target.value })}
      />
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('intake.removeAct', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

/** Chosen items, each with a button to remove it. */
export function Chips({ items, onRemove }: { items: Option[]; onRemove: (index: number) => void }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <ul className="chips">
      {items.map((item, i) => (
        <li key={item.value}>
          {item.label}{' '}
          <button
            type="button"
            aria-label={t('combobox.remove', { label: item.label })}
            onClick={() => onRemove(i)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
