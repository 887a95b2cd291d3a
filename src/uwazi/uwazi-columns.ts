import { type FieldShape, fieldShapeOf } from './field-path.ts';
import { type PropertyMapping, TEXT_LANGUAGES, type TemplateMapping } from './uwazi-mapping.ts';

/** Uwazi's own columns, around the properties. */
export const STANDARD_COLUMNS = [
  'Title',
  'Date added',
  'Template',
  'Documents',
  'Attachments',
  'Published',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

/** What one column of an Uwazi CSV file is for, under a template's mapping. */
export type ColumnRole =
  | { kind: 'standard'; name: StandardColumn; property?: MappedProperty }
  | { kind: 'property'; property: MappedProperty }
  | { kind: 'ignored' }
  | { kind: 'unmapped' };

/** A property with the shape of its field and the language a text column fills. */
export type MappedProperty = {
  label: string;
  mapping: PropertyMapping;
  shape: FieldShape;
  language?: 'en' | 'ko';
};

/** A label as Uwazi names the property (`Date of arrest` → `date_of_arrest`), to match either. */
export function propertyName(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The role of every header column: a property by label (or Uwazi's property name), a language
 * column `Label__ko` of a text property, one of Uwazi's own columns, ignored, or unmapped.
 */
export function columnRoles(
  header: readonly string[],
  template: TemplateMapping,
  language: 'en' | 'ko',
): ColumnRole[] {
  const byName = new Map<string, string>();
  for (const label of Object.keys(template.properties)) byName.set(propertyName(label), label);
  const ignored = new Set(template.ignore.map(propertyName));
  const mapped = (label: string, lang?: string): MappedProperty | undefined => {
    const key = byName.get(propertyName(label));
    const mapping = key === undefined ? undefined : template.properties[key];
    const shape = mapping ? fieldShapeOf(template.type, mapping.field) : undefined;
    if (!mapping || !shape || key === undefined) return undefined;
    if (lang === undefined)
      return { label: key, mapping, shape, language: shape.kind === 'text' ? language : undefined };
    if (shape.kind !== 'text' || !(TEXT_LANGUAGES as readonly string[]).includes(lang)) return undefined;
    return { label: key, mapping, shape, language: lang as 'en' | 'ko' };
  };
  return header.map((column): ColumnRole => {
    if (ignored.has(propertyName(column))) return { kind: 'ignored' };
    const standard = STANDARD_COLUMNS.find((name) => propertyName(name) === propertyName(column));
    const direct = mapped(column);
    if (standard) return { kind: 'standard', name: standard, property: direct };
    if (direct) return { kind: 'property', property: direct };
    const language = /^(.+)__([a-z]{2})$/.exec(column);
    const translated = language ? mapped(language[1] as string, language[2]) : undefined;
    return translated ? { kind: 'property', property: translated } : { kind: 'unmapped' };
  });
}
