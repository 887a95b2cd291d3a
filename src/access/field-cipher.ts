import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { DaylightRecord, RecordType } from '../domain/record.ts';
import { indexableText } from '../search/hangul-bigrams.ts';

/**
 * The keys that protect identifying fields: the active data key (AES-256-GCM), every data key by id
 * (for reading what older keys wrote), a key for the blind search index, and one for content hashes.
 */
export type FieldKeys = {
  activeId: string;
  dataKeys: Record<string, Buffer>;
  indexKey: Buffer;
  contentKey: Buffer;
};

/** The top-level fields encrypted at rest, per record type (see docs/access.md). */
export const PROTECTED_FIELDS: Record<RecordType, readonly string[]> = {
  organisation: [],
  facility: [],
  person: ['names', 'birth', 'contact', 'notes', 'origin'],
  file: ['name'],
  custody: ['note'],
  source: [],
  episode: [],
  act: [],
};

const PREFIX = 'enc:v1:';

/** Whether a stored value is an encrypted field. */
export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/**
 * The record as stored: each protected field replaced by `enc:v1:KEYID:IV:CIPHERTEXT` (AES-256-GCM,
 * bound to the record id and field name, so that a ciphertext cannot be moved to another record).
 */
export function protectRecord(record: DaylightRecord, keys: FieldKeys): Record<string, unknown> {
  const fields = PROTECTED_FIELDS[record.type];
  if (fields.length === 0) return record;
  const out: Record<string, unknown> = { ...record };
  const key = keys.dataKeys[keys.activeId] as Buffer;
  for (const field of fields) {
    const value = out[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${record.id}/${field}`));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify(value), 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    out[field] = `${PREFIX}${keys.activeId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }
  return out;
}

/** The record with its protected fields decrypted. Throws if a key is missing or a field was tampered with. */
export function revealRecord(stored: Record<string, unknown>, keys: FieldKeys): DaylightRecord {
  const out: Record<string, unknown> = { ...stored };
  for (const field of PROTECTED_FIELDS[stored.type as RecordType] ?? []) {
    const value = out[field];
    if (!isEnvelope(value)) continue;
    const [keyId, iv, sealed] = value.slice(PREFIX.length).split(':') as [string, string, string];
    const key = keys.dataKeys[keyId];
    if (!key)
      throw new Error(
        `record ${String(stored.id)}: field ${field} is encrypted with key ${keyId}, which this keyring lacks`,
      );
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${String(stored.id)}/${field}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    out[field] = JSON.parse(
      Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(
        'utf8',
      ),
    );
  }
  return out as DaylightRecord;
}

/** A keyed hash of a record's plaintext canonical JSON: equal content, equal hash, nothing guessable. */
export function contentHash(canonical: string, keys: FieldKeys): string {
  return createHmac('sha256', keys.contentKey).update(canonical).digest('base64url');
}

/**
 * Identifying text as blind-index tokens: each token the search index would hold (Hangul bigrams,
 * words, lower-cased, diacritics removed) replaced by a keyed hash, so that the index holds no
 * fragment of a name. Such tokens match whole (no prefix search on identifying text).
 */
export function blindTokens(text: string, keys: FieldKeys): string[] {
  return searchTokens(text).map((token) =>
    createHmac('sha256', keys.indexKey).update(token).digest('hex').slice(0, 20),
  );
}

/** The tokens unicode61 (remove_diacritics) would make of indexable text. */
function searchTokens(text: string): string[] {
  return indexableText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'));
}

/** The content to hash: canonical JSON of the plaintext record. */
export function canonicalPlaintext(record: DaylightRecord): string {
  return canonicalJson(record);
}
