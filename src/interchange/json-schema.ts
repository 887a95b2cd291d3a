import { z } from 'zod';
import { RECORD_SCHEMAS, RECORD_TYPES } from '../domain/record.ts';

/**
 * The JSON Schema of one interchange line, generated from the same zod schemas that validate
 * imports, so the published document cannot drift from what `daylight import` accepts.
 */
export function interchangeJsonSchema(): Record<string, unknown> {
  const definitions = Object.fromEntries(
    RECORD_TYPES.map((type) => [
      type,
      z.toJSONSchema(RECORD_SCHEMAS[type], { io: 'input', target: 'draft-2020-12' }),
    ]),
  );
  for (const definition of Object.values(definitions)) delete (definition as Record<string, unknown>).$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://daylight.invalid/schema/interchange-line.json',
    title: 'Daylight interchange: one JSON Lines record',
    description:
      'Each line of a Daylight .jsonl file is one record; `type` selects its schema. See docs/interchange.md.',
    oneOf: RECORD_TYPES.map((type) => ({ $ref: `#/$defs/${type}` })),
    $defs: definitions,
  };
}
