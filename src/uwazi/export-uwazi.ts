import type { DaylightRecord } from '../domain/record.ts';
import { type FieldShape, fieldShapeOf, getPath } from './field-path.ts';
import { thesaurusLabels } from './thesaurus-labels.ts';
import type { PropertyMapping, TemplateMapping, UwaziMapping } from './uwazi-mapping.ts';
import { joinValues, writeDate, writeFuzzyDate } from './uwazi-values.ts';

/** One Uwazi CSV file to write: a template's entities, header and rows. */
export type UwaziTable = { template: string; header: string[]; rows: string[][] };

type Column = { header: string; cell: (record: DaylightRecord) => string };

/**
 * Daylight records as Uwazi-importable CSV tables, one per template of the mapping (the inverse of
 * the migration): `Title`, `Date added`, `Template`, the properties by label (a text's other
 * language as `Label__ko`), `Documents`, `Attachments`, `Published`. A record goes to the first
 * template of its type whose `select` it matches; records the mapping itself adds and deleted
 * records stay out. Relationships are written as the related entities' titles. Pure: the caller
 * decides which records may leave (access rules, consent).
 */
export function exportUwaziTables(mapping: UwaziMapping, records: readonly DaylightRecord[]): UwaziTable[] {
  const own = new Set(mapping.records.map((record) => String(record.id)));
  const taken = new Set<string>();
  const members = Object.entries(mapping.templates).map(([name, template]) => {
    const list = records.filter(
      (record) =>
        record.type === template.type &&
        !record.deleted &&
        !own.has(record.id) &&
        !taken.has(record.id) &&
        selects(template, record),
    );
    for (const record of list) taken.add(record.id);
    return { name, template, list };
  });
  const titles = new Map<string, string>();
  for (const { template, list } of members)
    for (const record of list) titles.set(record.id, titleOf(template, record, mapping));
  return members.map(({ name, template, list }) => {
    const columns = columnsOf(name, template, mapping, titles);
    return {
      template: name,
      header: columns.map((column) => column.header),
      rows: list.map((record) => columns.map((column) => column.cell(record))),
    };
  });
}

function selects(template: TemplateMapping, record: DaylightRecord): boolean {
  return Object.entries(template.select ?? {}).every(([path, wanted]) => {
    const value = getPath(record as unknown as Record<string, unknown>, path);
    return Array.isArray(value) ? value.includes(wanted) : value === wanted;
  });
}

/** The entity's title: its `Title` property's first value, else a person's code, else the id. */
function titleOf(template: TemplateMapping, record: DaylightRecord, mapping: UwaziMapping): string {
  const property = template.properties.Title;
  const shape = property ? fieldShapeOf(template.type, property.field) : undefined;
  const first = property && shape ? valuesOf(record, property, shape, mapping.language)[0] : undefined;
  if (first !== undefined && first !== '') return String(first);
  return record.type === 'person' ? record.code : record.id;
}

function columnsOf(
  name: string,
  template: TemplateMapping,
  mapping: UwaziMapping,
  titles: Map<string, string>,
): Column[] {
  const other = mapping.language === 'en' ? 'ko' : 'en';
  const property = (label: string, language: 'en' | 'ko' | undefined): Column => {
    const mapped = template.properties[label] as PropertyMapping;
    const shape = fieldShapeOf(template.type, mapped.field) as FieldShape;
    const labels = thesaurusLabels(
      mapped.thesaurus ? mapping.thesauri[mapped.thesaurus] : undefined,
      mapping.language,
    );
    const header = language === undefined || language === mapping.language ? label : `${label}__${language}`;
    return {
      header,
      cell: (record) => {
        const values = valuesOf(record, mapped, shape, language ?? mapping.language);
        return joinValues(
          values.map((value) => cellOf(value, mapped, shape, mapping, labels.labelOf, titles)),
        );
      },
    };
  };
  const withLanguages = (label: string): Column[] => {
    const mapped = template.properties[label] as PropertyMapping;
    const text = fieldShapeOf(template.type, mapped.field)?.kind === 'text';
    return text ? [property(label, mapping.language), property(label, other)] : [property(label, undefined)];
  };
  const labels = Object.keys(template.properties);
  const titleColumns: Column[] = template.properties.Title
    ? [
        { header: 'Title', cell: (record) => titles.get(record.id) ?? record.id },
        ...withLanguages('Title').slice(1),
      ]
    : [{ header: 'Title', cell: (record) => titles.get(record.id) ?? record.id }];
  const translatedTitle = labels.filter((label) => /^Title__[a-z]{2}$/.test(label));
  return [
    ...titleColumns,
    ...translatedTitle.map((label) => property(label, undefined)),
    {
      header: 'Date added',
      cell: (record) => writeDate(record.created_at.slice(0, 10), mapping.date_format),
    },
    { header: 'Template', cell: () => name },
    ...labels.filter((label) => label !== 'Title' && !translatedTitle.includes(label)).flatMap(withLanguages),
    { header: 'Documents', cell: () => '' },
    { header: 'Attachments', cell: () => '' },
    {
      header: 'Published',
      cell: (record) => String(record.confidentiality === mapping.confidentiality.published),
    },
  ];
}

/** The values a property takes from a record (one per list item that matches its `item.with`). */
function valuesOf(
  record: DaylightRecord,
  property: PropertyMapping,
  shape: FieldShape,
  language: 'en' | 'ko',
): unknown[] {
  const value = getPath(record as unknown as Record<string, unknown>, property.field);
  if (value === undefined || value === null) return [];
  if (shape.kind === 'text') {
    const text = (value as Record<string, unknown>)[language];
    return text === undefined ? [] : [text];
  }
  if (!Array.isArray(value)) return [value];
  const item = property.item;
  if (!item) return value;
  return value
    .filter((element) =>
      Object.entries(item.with).every(
        ([key, wanted]) => (element as Record<string, unknown>)[key] === wanted,
      ),
    )
    .map((element) => (element as Record<string, unknown>)[item.key]);
}

function cellOf(
  value: unknown,
  property: PropertyMapping,
  shape: FieldShape,
  mapping: UwaziMapping,
  labelOf: (code: string) => string,
  titles: Map<string, string>,
): string {
  const target = shape.kind === 'array' ? (shape.element as FieldShape) : shape;
  switch (property.kind) {
    case 'relationship':
      return titles.get(String(value)) ?? String(value);
    case 'select':
    case 'multiselect':
      return labelOf(String(value));
    case 'date':
    case 'daterange': {
      if (target.kind === 'fuzzy-date')
        return writeFuzzyDate(
          value as { from: string; to?: string },
          mapping.date_format,
          property.kind === 'daterange',
        );
      if (target.kind === 'years') {
        const years = value as { from: number | null; to: number | null };
        return `${years.from ?? ''}~${years.to ?? ''}`;
      }
      return String(value);
    }
    case 'geolocation': {
      const point = value as { lat: number; lon: number };
      return `${point.lat}|${point.lon}`;
    }
    case 'link':
      return `${value}|${value}`;
    default:
      return String(value);
  }
}
