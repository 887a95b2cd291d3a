import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A date as a testimony gives it: from (and maybe to), at year, month or day precision, maybe approximate. */
export type FuzzyDate = { from: string; to?: string; approximate?: boolean };

const PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a partial date is well formed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export function isPartialDate(value: string): boolean {
  return PARTIAL.test(value);
}

/** Fuzzy date entry: the precision is what the user wrote (a year, a month or a day). */
export function DateInput({
  legend,
  value,
  onChange,
  required,
}: {
  legend: string;
  value: FuzzyDate | undefined;
  onChange: (value: FuzzyDate | undefined) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const from = value?.from ?? '';
  const to = value?.to ?? '';
  const precision =
    from.length === 10
      ? t('date.day')
      : from.length === 7
        ? t('date.month')
        : from.length === 4
          ? t('date.year')
          : '';
  const set = (next: Partial<FuzzyDate>) => {
    const merged = { from, to: to || undefined, approximate: value?.approximate, ...next };
    onChange(merged.from === '' ? undefined : { ...merged, to: merged.to || undefined });
  };
  const invalid = (text: string) => text !== '' && !isPartialDate(text);
  return (
    <fieldset className="date">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-from`}>{t('date.from')}</label>
      <input
        id={`${id}-from`}
        value={from}
        required={required}
        placeholder="YYYY-MM-DD"
        aria-describedby={`${id}-help`}
        aria-invalid={invalid(from)}
        onChange={(event) => set({ from: event.target.value.trim() })}
      />
      <label htmlFor={`${id}-to`}>{t('date.to')}</label>
      <input
        id={`${id}-to`}
        value={to}
        placeholder="YYYY-MM-DD"
        aria-describedby={`${id}-help`}
        aria-invalid={invalid(to)}
        onChange={(event) => set({ to: event.target.value.trim() })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={value?.approximate ?? false}
          onChange={(event) => set({ approximate: event.target.checked || undefined })}
        />{' '}
        {t('date.approximate')}
      </label>
      <p id={`${id}-help`} className="note">
        {t('date.help')} {precision && t('date.precision', { precision })}
      </p>
    </fieldset>
  );
}
