import type { z } from 'zod';
import { RECORD_SCHEMAS, type RecordType } from '../domain/record.ts';

/**
 * What the schema holds at a field path, as far as a CSV cell needs to know: a text in two
 * languages, a fuzzy date, a point, a list (and its element), another object, or a plain value.
 */
export type FieldShape = {
  kind:
    | 'text'
    | 'fuzzy-date'
    | 'point'
    | 'years'
    | 'array'
    | 'object'
    | 'string'
    | 'number'
    | 'boolean'
    | 'enum';
  /** For an enum: its values. */
  values?: readonly string[];
  /** For an array: its element. */
  element?: FieldShape;
  /** For an object: its keys' shapes. */
  keys?: Record<string, z.ZodType>;
};

/** The shape of a record type's field at a dotted path, or `undefined` if there is no such field. */
export function fieldShapeOf(type: RecordType, path: string): FieldShape | undefined {
  let schema: z.ZodType | undefined = RECORD_SCHEMAS[type] as unknown as z.ZodType;
  for (const key of path.split('.')) {
    const shape = objectKeys(unwrap(schema as z.ZodType));
    schema = shape?.[key];
    if (!schema) return undefined;
  }
  return describe(unwrap(schema as z.ZodType));
}

/** The schema under optional, default and nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType) return current;
    current = def.innerType;
  }
}

function objectKeys(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = schema.def as { type: string; shape?: Record<string, z.ZodType> };
  return def.type === 'object' ? def.shape : undefined;
}

function describe(schema: z.ZodType): FieldShape {
  const def = schema.def as { type: string; element?: z.ZodType; entries?: Record<string, string> };
  switch (def.type) {
    case 'object': {
      const keys = objectKeys(schema) ?? {};
      const names = Object.keys(keys).sort().join(',');
      if (names === 'en,ko,sensitive') return { kind: 'text', keys };
      if (names === 'approximate,from,to') return { kind: 'fuzzy-date', keys };
      if (names === 'lat,lon,precision,radius_km') return { kind: 'point', keys };
      if (names === 'from,to') return { kind: 'years', keys };
      return { kind: 'object', keys };
    }
    case 'array':
      return { kind: 'array', element: describe(unwrap(def.element as z.ZodType)) };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries ?? {}) };
    case 'literal':
      return { kind: 'string' };
    case 'number':
    case 'int':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: 'string' };
  }
}

/** The value at a dotted path of a plain object, if any. */
export function getPath(value: Record<string, unknown>, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets the value at a dotted path, creating the objects on the way. */
export function setPath(value: Record<string, unknown>, path: string, inner: unknown): void {
  const keys = path.split('.');
  let current = value;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] as string] = inner;
}
