import { type VocabularyId, vocabulary } from '../domain/vocabulary.ts';
import type { Category } from './count-table.ts';
import type { Dimension } from './dimensions.ts';

/** The dimensions whose categories are vocabulary codes, and which vocabulary names them. */
const VOCABULARY_OF: Partial<Record<Dimension, VocabularyId>> = {
  act_type: 'act-types',
  act_type_top: 'act-types',
  law: 'laws',
  norm: 'norms',
  facility_type: 'facility-types',
  province: 'provinces',
  victim_province: 'provinces',
};

/** A category of a dimension, labelled in English and Korean where a vocabulary names it. */
export function categoryOf(dimension: Dimension | undefined, key: string): Category {
  const id = dimension ? VOCABULARY_OF[dimension] : undefined;
  const term = id ? vocabulary(id).terms.find((t) => t.code === key) : undefined;
  return term ? { key, label: term.en, label_ko: term.ko } : { key, label: key };
}
