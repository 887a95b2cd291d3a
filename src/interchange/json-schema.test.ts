import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RECORD_TYPES } from '../domain/record.ts';
import { interchangeJsonSchema } from './json-schema.ts';

describe('published JSON Schema', () => {
  it('is up to date with the zod schemas (regenerate: npx daylight schema > docs/interchange.schema.json)', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../docs/interchange.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(published, JSON.parse(JSON.stringify(interchangeJsonSchema())));
  });

  it('describes every record type with its required fields and vocabulary codes', () => {
    const schema = interchangeJsonSchema() as {
      $defs: Record<string, { required: string[]; properties: Record<string, { enum?: string[] }> }>;
    };
    assert.deepEqual(Object.keys(schema.$defs), [...RECORD_TYPES]);
    assert.ok(schema.$defs.act?.required.includes('sources'));
    assert.ok(schema.$defs.act?.properties.act_type?.enum?.includes('FORCED-LABOUR'));
  });
});
