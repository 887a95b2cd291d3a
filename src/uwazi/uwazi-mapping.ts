import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LOCATION_PRECISIONS } from '../domain/facility.ts';
import { RECORD_TYPES } from '../domain/record.ts';
import { Confidentiality, ReviewStatus } from '../domain/record-meta.ts';
import { Actor, Timestamp } from '../domain/text.ts';
import { VOCABULARY_IDS } from '../domain/vocabulary.ts';
import { fieldShapeOf } from './field-path.ts';

/** Uwazi's property types that a mapping can read and write (Uwazi's names). */
export const UWAZI_PROPERTY_KINDS = [
  'text',
  'markdown',
  'generatedid',
  'numeric',
  'date',
  'daterange',
  'select',
  'multiselect',
  'relationship',
  'geolocation',
  'link',
] as const;
export type UwaziPropertyKind = (typeof UWAZI_PROPERTY_KINDS)[number];

/** The languages a Daylight text holds; an Uwazi language column `Label__ko` fills `ko`. */
export const TEXT_LANGUAGES = ['en', 'ko'] as const;

/**
 * One Uwazi property (by its label) and the Daylight field it fills.
 * `field` is a dotted path (`name`, `location.point`, `perpetrators`); for a list of objects,
 * `item.key` names the key each value goes into and `item.with` the rest of the object
 * (`{"key": "person", "with": {"involvement": "DIRECT"}}`).
 */
export const PropertyMapping = z.strictObject({
  kind: z.enum(UWAZI_PROPERTY_KINDS),
  field: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, 'expected a dotted field path such as location.point'),
  item: z
    .strictObject({ key: z.string().min(1), with: z.record(z.string(), z.unknown()).default({}) })
    .optional(),
  /** The thesaurus of a select or multiselect (a key of the mapping's `thesauri`). */
  thesaurus: z.string().optional(),
  /** The templates a relationship points to (default: any template). */
  templates: z.array(z.string()).optional(),
  /** The precision given to a geolocation's point (Uwazi keeps none). */
  precision: z.enum(LOCATION_PRECISIONS).default('unknown'),
});
export type PropertyMapping = z.infer<typeof PropertyMapping>;

/** One Uwazi template and the Daylight record type its entities become. */
export const TemplateMapping = z.strictObject({
  type: z.enum(RECORD_TYPES),
  /** Properties by label; `Title` is one of them, and `Title__ko` a language column of it. */
  properties: z.record(z.string(), PropertyMapping),
  /** Values for fields a row leaves empty, by dotted path (`{"roles": ["VICTIM"]}`). */
  defaults: z.record(z.string(), z.unknown()).default({}),
  /** On export, which records of the type belong here: field → value it equals or contains. */
  select: z.record(z.string(), z.string()).optional(),
  /** A person template without a code column: codes are derived, `PREFIX-123456789`. */
  code_prefix: z
    .string()
    .regex(/^[A-Z]{1,3}$/)
    .optional(),
  /** Columns whose values are deliberately left behind (reported otherwise). */
  ignore: z.array(z.string()).default([]),
});
export type TemplateMapping = z.infer<typeof TemplateMapping>;

/** An Uwazi thesaurus: the Daylight vocabulary its values are codes of, and labels that differ. */
export const ThesaurusMapping = z.strictObject({
  vocabulary: z.enum(VOCABULARY_IDS).optional(),
  /** Uwazi value (`Parent::Child` or `Child`) → Daylight code, where labels do not match by themselves. */
  values: z.record(z.string(), z.string()).default({}),
});
export type ThesaurusMapping = z.infer<typeof ThesaurusMapping>;

/** A migration mapping: how an Uwazi database's templates and thesauri become Daylight records. */
export const UwaziMapping = z.strictObject({
  /** The Uwazi site's date format: `YYYY-MM-DD` (default), `DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY` … */
  date_format: z
    .string()
    .regex(/^(?=.*YYYY)(?=.*MM)(?=.*DD)[YMD./ -]+$/, 'expected a format of YYYY, MM and DD')
    .default('YYYY-MM-DD'),
  /** The site's default language: plain columns fill this language of a text, `__xx` columns the other. */
  language: z.enum(TEXT_LANGUAGES).default('en'),
  /** When the migration is dated: creation time of entities without `Date added`, and of `records`. */
  migrated_at: Timestamp,
  /** Recorded as creator of migrated records (the audit trail names who ran the migration). */
  actor: Actor.default('uwazi-import'),
  status: ReviewStatus.default('draft'),
  /** Confidentiality by Uwazi's `Published` column, unless a property maps `confidentiality`. */
  confidentiality: z
    .strictObject({ published: Confidentiality, unpublished: Confidentiality })
    .default({ published: 'public', unpublished: 'internal' }),
  /** Daylight records the migration adds as they are (e.g. the organisation, a source for the database). */
  records: z.array(z.record(z.string(), z.unknown())).default([]),
  templates: z.record(z.string(), TemplateMapping),
  thesauri: z.record(z.string(), ThesaurusMapping).default({}),
});
export type UwaziMapping = z.infer<typeof UwaziMapping>;

/** A mapping problem: where in the mapping file, and what. */
export type MappingProblem = { path: string; message: string };

/**
 * Checks a decoded mapping: its shape, then that every field path exists in its record type's
 * schema, that lists of objects say which key a value fills, and that thesauri are declared.
 */
export function parseMapping(
  value: unknown,
): { ok: true; mapping: UwaziMapping } | { ok: false; problems: MappingProblem[] } {
  const parsed = UwaziMapping.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(mapping)',
        message: issue.message,
      })),
    };
  const mapping = parsed.data;
  const problems: MappingProblem[] = [];
  for (const [name, template] of Object.entries(mapping.templates)) {
    for (const [label, property] of Object.entries(template.properties)) {
      const where = `templates.${name}.properties.${label}`;
      const shape = fieldShapeOf(template.type, property.field);
      if (!shape) {
        problems.push({ path: where, message: `${template.type} has no field ${property.field}` });
        continue;
      }
      if (shape.kind === 'array' && shape.element?.kind === 'object' && !property.item)
        problems.push({
          path: where,
          message: `${property.field} is a list of objects: say which key a value fills (item.key)`,
        });
      if (property.thesaurus !== undefined && !(property.thesaurus in mapping.thesauri))
        problems.push({
          path: where,
          message: `thesaurus ${JSON.stringify(property.thesaurus)} is not declared in thesauri`,
        });
      for (const target of property.templates ?? [])
        if (!(target in mapping.templates))
          problems.push({
            path: where,
            message: `template ${JSON.stringify(target)} is not declared in templates`,
          });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping };
}

/** Reads and checks a mapping file: YAML (`.yaml`, `.yml`) or JSON. */
export async function readMappingFile(path: string): Promise<ReturnType<typeof parseMapping>> {
  const yaml = /\.ya?ml$/i.test(path);
  let value: unknown;
  try {
    const text = await readFile(path, 'utf8');
    value = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        { path: '(file)', message: `not readable ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}` },
      ],
    };
  }
  return parseMapping(value);
}
