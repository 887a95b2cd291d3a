import { createHmac } from 'node:crypto';
import { PROTECTED_FIELDS } from '../access/field-cipher.ts';
import { RECORD_SCHEMAS, type RecordType } from '../domain/record.ts';
import type { ImportProblem } from '../interchange/import-records.ts';
import { fieldPath } from '../interchange/parse-record.ts';
import { readCell } from './cell-values.ts';
import { getPath, setPath } from './field-path.ts';
import { thesaurusLabels } from './thesaurus-labels.ts';
import { type ColumnRole, columnRoles, type MappedProperty } from './uwazi-columns.ts';
import type { CsvTable } from './uwazi-csv.ts';
import type { TemplateMapping, UwaziMapping } from './uwazi-mapping.ts';
import { readDate, readPublished, splitValues } from './uwazi-values.ts';

/** A record made from one row (or from the mapping's own `records`), with where it came from. */
export type MappedRecord = { file: string; line: number; template?: string; value: Record<string, unknown> };

/** Files a row names in `Documents` or `Attachments`, to attach to its (source) record. */
export type NamedFiles = {
  record: MappedRecord;
  column: string;
  names: string[];
  role: 'original' | 'other';
};

/** What mapping Uwazi rows gave: records to import, files to attach, and every problem found. */
export type MappingResult = { records: MappedRecord[]; files: NamedFiles[]; problems: ImportProblem[] };

type PendingRelationship = { record: MappedRecord; property: MappedProperty; titles: string[] };

/**
 * Turns Uwazi CSV tables (one template each) into Daylight records under a mapping. Pure: ids are
 * a keyed hash of template, title and occurrence (`secret`: the same key gives the same ids, so a
 * re-run changes nothing, and an id reveals nothing of a title). Relationships are resolved by
 * title once every table is read. Problems name file, line and column, never a value of a field
 * that could identify someone.
 */
export function mapUwaziEntities(
  mapping: UwaziMapping,
  tables: readonly CsvTable[],
  secret: Buffer,
): MappingResult {
  const problems: ImportProblem[] = [];
  const records: MappedRecord[] = [];
  const files: NamedFiles[] = [];
  const pending: PendingRelationship[] = [];
  /** template → title → ids of the entities with that title. */
  const titles = new Map<string, Map<string, string[]>>();
  const seen = new Map<string, number>();
  /** Defaults and meta, applied once relationships are in (a default fills only what stays empty). */
  const finishing: (() => void)[] = [];

  for (const table of tables) {
    const problem = (line: number, field: string, message: string) =>
      problems.push({ file: table.file, line, field, message });
    if (!table.header.some((column) => column.toLowerCase() === 'template')) {
      problem(1, 'Template', "column missing: an Uwazi export names each entity's template");
      continue;
    }
    const templateColumn = table.header.find((column) => column.toLowerCase() === 'template') as string;
    const templateName = table.rows[0]?.cells[templateColumn]?.trim() ?? '';
    const template = mapping.templates[templateName];
    if (!template) {
      if (table.rows.length > 0)
        problem(table.rows[0]?.line ?? 2, templateColumn, 'template not in the mapping');
      continue;
    }
    const roles = columnRoles(table.header, template, mapping.language);
    const labels = (property: MappedProperty) =>
      thesaurusLabels(
        property.mapping.thesaurus ? mapping.thesauri[property.mapping.thesaurus] : undefined,
        mapping.language,
      );
    const identifying = PROTECTED_FIELDS[template.type];
    const byTitle = titles.get(templateName) ?? new Map<string, string[]>();
    titles.set(templateName, byTitle);

    for (const row of table.rows) {
      const here = (column: string, message: string) => problem(row.line, column, message);
      const title = (row.cells.Title ?? row.cells.title ?? '').trim();
      if ((row.cells[templateColumn] ?? '').trim() !== templateName) {
        here(templateColumn, `expected ${JSON.stringify(templateName)}: one template's entities per file`);
        continue;
      }
      if (title === '') here('Title', 'is empty: every Uwazi entity has a title');
      const value: Record<string, unknown> = { type: template.type };
      const record: MappedRecord = { file: table.file, line: row.line, template: templateName, value };
      let published: boolean | undefined;
      let createdAt: string | undefined;
      table.header.forEach((column, i) => {
        const cell = row.cells[column] ?? '';
        const role = roles[i] as ColumnRole;
        if (cell.trim() === '' || role.kind === 'ignored') return;
        if (role.kind === 'unmapped') {
          here(column, 'column not in the mapping (map it, or list it under ignore)');
          return;
        }
        if (role.kind === 'standard') {
          if (role.name === 'Date added') {
            const day = readDate(cell, mapping.date_format);
            if (day?.length === 10) createdAt = `${day}T00:00:00.000Z`;
            else here(column, `expected a date (${mapping.date_format})`);
          } else if (role.name === 'Published') {
            published = readPublished(cell);
            if (published === undefined) here(column, 'expected true or false');
          } else if (role.name === 'Documents' || role.name === 'Attachments') {
            if (template.type !== 'source')
              here(
                column,
                'files can only be attached to a template mapped to source (or ignore the column)',
              );
            else
              files.push({
                record,
                column,
                names: splitValues(cell),
                role: role.name === 'Documents' ? 'original' : 'other',
              });
          }
          if (!role.property) return;
        }
        const property = role.kind === 'property' ? role.property : (role.property as MappedProperty);
        const reading = readCell(cell, property.mapping, property.shape, {
          dateFormat: mapping.date_format,
          labels: labels(property),
        });
        if (!reading.ok) {
          const quoted =
            reading.unknownValue !== undefined &&
            !identifying.includes(property.mapping.field.split('.')[0] as string)
              ? ` ${JSON.stringify(reading.unknownValue)}`
              : '';
          here(column, `${reading.message}${quoted}`);
          return;
        }
        if (property.mapping.kind === 'relationship')
          pending.push({ record, property, titles: reading.values as string[] });
        else put(value, property, reading.values, (message) => here(column, message));
      });
      const key = `${templateName}\u0000${title}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const digest = createHmac('sha256', secret).update(`uwazi-id\u0000${key}\u0000${occurrence}`).digest();
      if (value.id === undefined)
        value.id = `uwazi-${propertyId(templateName)}-${digest.toString('hex').slice(0, 20)}`;
      if (template.type === 'person' && value.code === undefined && template.code_prefix)
        value.code = `${template.code_prefix}-${String(digest.readUInt32BE(0) % 1_000_000_000).padStart(9, '0')}`;
      finishing.push(() => applyDefaults(value, template, mapping, createdAt, published));
      const ids = byTitle.get(title) ?? [];
      ids.push(String(value.id));
      byTitle.set(title, ids);
      records.push(record);
    }
  }

  for (const { record, property, titles: wanted } of pending) {
    const here = (message: string) =>
      problems.push({ file: record.file, line: record.line, field: property.label, message });
    const targets = property.mapping.templates ?? [...titles.keys()];
    const ids: string[] = [];
    for (const title of wanted) {
      const found = targets.flatMap((target) => titles.get(target)?.get(title) ?? []);
      if (found.length === 0) here(`no entity of ${targets.join(' or ')} has this title`);
      else if (found.length > 1)
        here(`${found.length} entities share this title: a relationship by title cannot tell them apart`);
      else ids.push(found[0] as string);
    }
    put(record.value, property, ids, here);
  }

  for (const finish of finishing) finish();
  mapping.records.forEach((value, i) => {
    const record = { file: '(mapping records)', line: i + 1, value: { ...value } };
    applyDefaults(record.value, undefined, mapping, undefined, undefined);
    records.push(record);
  });
  const reported = new Set(problems.map((p) => `${p.file}\u0000${p.line}\u0000${p.field}`));
  for (const record of records) validate(record, mapping, problems, reported);
  return { records, files, problems };
}

/** Puts read values into the record: appended to a list, into the language of a text, or set. */
function put(
  value: Record<string, unknown>,
  property: MappedProperty,
  values: unknown[],
  problem: (m: string) => void,
) {
  const { field, item } = property.mapping;
  if (property.shape.kind === 'array') {
    const list = (getPath(value, field) as unknown[] | undefined) ?? [];
    for (const one of values) list.push(item ? { ...item.with, [item.key]: one } : one);
    setPath(value, field, list);
  } else if (values.length > 1) problem('expected one value');
  else if (property.shape.kind === 'text') setPath(value, `${field}.${property.language}`, values[0]);
  else setPath(value, field, values[0]);
}

function applyDefaults(
  value: Record<string, unknown>,
  template: TemplateMapping | undefined,
  mapping: UwaziMapping,
  createdAt: string | undefined,
  published: boolean | undefined,
) {
  for (const [path, inner] of Object.entries(template?.defaults ?? {}))
    if (getPath(value, path) === undefined) setPath(value, path, structuredClone(inner));
  const at = createdAt ?? mapping.migrated_at;
  const confidentiality = published ? mapping.confidentiality.published : mapping.confidentiality.unpublished;
  const meta: Record<string, unknown> = {
    version: 1,
    created_at: at,
    created_by: mapping.actor,
    updated_at: value.created_at ?? at,
    updated_by: mapping.actor,
    status: mapping.status,
    confidentiality,
  };
  for (const [key, inner] of Object.entries(meta)) value[key] ??= inner;
}

/** Checks a record against its schema, naming the column that fills the field where there is one. */
function validate(
  record: MappedRecord,
  mapping: UwaziMapping,
  problems: ImportProblem[],
  reported: Set<string>,
) {
  const type = record.value.type as RecordType;
  const schema = RECORD_SCHEMAS[type];
  if (!schema) {
    problems.push({
      file: record.file,
      line: record.line,
      field: 'type',
      message: 'not a Daylight record type',
    });
    return;
  }
  const result = schema.safeParse(record.value);
  if (result.success) return;
  const template = record.template ? mapping.templates[record.template] : undefined;
  for (const issue of result.error.issues) {
    const path = fieldPath(issue.path);
    const label = Object.entries(template?.properties ?? {}).find(
      ([, property]) =>
        path === property.field ||
        path.startsWith(`${property.field}.`) ||
        path.startsWith(`${property.field}[`),
    )?.[0];
    // A column already reported on this row (e.g. an unknown thesaurus value) needs no second message.
    if (label !== undefined && reported.has(`${record.file}\u0000${record.line}\u0000${label}`)) continue;
    problems.push({
      file: record.file,
      line: record.line,
      field: label ? `${label} (${path})` : path,
      message: issue.message,
    });
  }
}

function propertyId(template: string): string {
  return (
    template
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'entity'
  );
}
