import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { type Term, vocabularyTerms } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Fields whose codes come from a vocabulary, and which one. */
const VOCABULARY_OF: Record<string, string> = {
  act_type: 'act-types',
  norms: 'norms',
  roles: 'person-roles',
  kind: 'source-types',
  facility_type: 'facility-types',
  province: 'provinces',
  law: 'laws',
  connection: 'source-connections',
  involvement: 'involvement-degrees',
  agency: 'agencies',
  form: 'name-forms',
  scopes: 'consent-scopes',
  current_status: 'person-statuses',
};

/** Fields that hold record ids (directly, or in the named key of their items). */
const REFERENCE_FIELDS = new Set([
  'victims',
  'facility',
  'episode',
  'interviewee',
  'organisation',
  'person',
  'source',
  'related_sources',
  'file',
  'act',
]);

/** Meta fields shown in the page header rather than the field list. */
const HIDDEN = new Set(['type', 'id', 'version', 'status', 'confidentiality', 'redacted']);

type Vocabularies = Record<string, Map<string, Term>>;

function useVocabularies(): Vocabularies {
  const [loaded, setLoaded] = useState<Vocabularies>({});
  useEffect(() => {
    const ids = [...new Set(Object.values(VOCABULARY_OF))];
    Promise.all(ids.map((id) => vocabularyTerms(id).then((terms) => [id, terms] as const))).then((all) =>
      setLoaded(Object.fromEntries(all.map(([id, terms]) => [id, new Map(terms.map((t) => [t.code, t]))]))),
    );
  }, []);
  return loaded;
}

/** A record's fields as a definition list: codes in the interface language, references as links. */
export function RecordFields({
  record,
  linkBase = '/records',
}: {
  record: Record<string, unknown>;
  /** Where references link to (the portal links to its own pages). */
  linkBase?: string;
}) {
  const { t } = useI18n();
  const vocabularies = useVocabularies();
  const label = (field: string) => {
    const key = `field.${field}` as MessageKey;
    const text = t(key);
    return text === key ? field.replaceAll('_', ' ') : text;
  };
  return (
    <dl className="fields">
      {Object.entries(record)
        .filter(([field]) => !HIDDEN.has(field))
        .map(([field, value]) => (
          <div key={field} data-field={field}>
            <dt>{label(field)}</dt>
            <dd>
              <Value
                field={field}
                value={value}
                vocabularies={vocabularies}
                label={label}
                linkBase={linkBase}
              />
            </dd>
          </div>
        ))}
    </dl>
  );
}

function Value({
  field,
  value,
  vocabularies,
  label,
  linkBase,
}: {
  field: string;
  value: unknown;
  vocabularies: Vocabularies;
  label: (field: string) => string;
  linkBase: string;
}): ReactNode {
  const { pick, t } = useI18n();
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return (
      <ul>
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the record's
          <li key={i}>
            <Value field={field} value={item} vocabularies={vocabularies} label={label} linkBase={linkBase} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const keys = entries.map(([k]) => k);
    if (keys.every((k) => k === 'en' || k === 'ko' || k === 'sensitive'))
      return (
        <>
          {'ko' in value && <span lang="ko">{String((value as { ko: string }).ko)}</span>}
          {'ko' in value && 'en' in value && ' / '}
          {'en' in value && <span lang="en">{String((value as { en: string }).en)}</span>}
        </>
      );
    return (
      <dl className="nested">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{label(k)}</dt>
            <dd>
              <Value field={k} value={v} vocabularies={vocabularies} label={label} linkBase={linkBase} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const text = String(value);
  if (field === 'sex') return t(`sex.${text}` as MessageKey);
  if (REFERENCE_FIELDS.has(field))
    return <Link href={`${linkBase}/${encodeURIComponent(text)}`}>{text}</Link>;
  const vocabulary = VOCABULARY_OF[field];
  const term = vocabulary ? vocabularies[vocabulary]?.get(text) : undefined;
  if (term)
    return (
      <>
        {pick(term)} <span className="code">({text})</span>
      </>
    );
  return text;
}
