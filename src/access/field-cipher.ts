import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hash,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import type { DaylightRecord, RecordType } from '../domain/record.ts';
import { indexableText } from '../search/hangul-bigrams.ts';
import { findSensitiveTexts, replaceTexts, type SensitiveText } from './sensitive-text.ts';

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
  consent: ['note'],
  episode: [],
  act: [],
  assessment: [],
};

const PREFIX = 'enc:v1:';

// Node converts a raw key into a KeyObject on every call, which cost more than the encryption
// itself on the large import; each key is converted once.
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    object = createSecretKey(key);
    keyObjects.set(key, object);
  }
  return object;
}

/** Whether a stored value is an encrypted field. */
export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The field of a stored record that holds its protected fields, encrypted together. */
export const SEALED_FIELD = 'sealed';

/**
 * The record as stored: its protected fields taken out and encrypted together (AES-256-GCM, one
 * envelope `enc:v1:KEYID:IV:CIPHERTEXT` in the field `sealed`, bound to the record id so that it
 * cannot be moved to another record). One cipher per record: five per person cost five times more.
 */
export function protectRecord(record: DaylightRecord, keys: FieldKeys): Record<string, unknown> {
  const fields = PROTECTED_FIELDS[record.type];
  const sensitive = findSensitiveTexts(record).filter((t) => !fields.includes(t.path[0] as string));
  if (fields.length === 0 && sensitive.length === 0) return record;
  // Sensitive free text stays in place as `{ sensitive: true }`, its words sealed with the fields.
  const out: Record<string, unknown> = replaceTexts(
    { ...record },
    sensitive.map((t) => t.path),
    () => ({ sensitive: true }),
  );
  const hidden: Record<string, unknown> = {};
  if (sensitive.length > 0) hidden[SENSITIVE_TEXTS] = sensitive;
  for (const field of fields) {
    const value = out[field];
    delete out[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    hidden[field] = value;
  }
  if (Object.keys(hidden).length > 0) out[SEALED_FIELD] = sealText(JSON.stringify(hidden), record.id, keys);
  return out;
}

/** The record with its protected fields decrypted. Throws if a key is missing or anything was tampered with. */
export function revealRecord(stored: Record<string, unknown>, keys: FieldKeys): DaylightRecord {
  if (stored[SEALED_FIELD] === undefined) {
    // Fields that default to empty lists come back as the schema gives them.
    return (
      stored.type === 'person' && stored.names === undefined ? { ...stored, names: [] } : stored
    ) as DaylightRecord;
  }
  const { [SEALED_FIELD]: sealed, ...rest } = stored;
  const { [SENSITIVE_TEXTS]: texts, ...fields } = isEnvelope(sealed)
    ? (JSON.parse(openText(sealed, String(stored.id), keys)) as Record<string, unknown>)
    : {};
  let out: Record<string, unknown> = Object.assign(rest, fields);
  const sensitive = (texts ?? []) as SensitiveText[];
  if (sensitive.length > 0) {
    const byPath = new Map(sensitive.map((t) => [t.path.join('\u0000'), t.text]));
    out = replaceTexts(
      out,
      sensitive.map((t) => t.path),
      (path) => byPath.get(path.join('\u0000')),
    );
  }
  if (out.type === 'person' && out.names === undefined) out.names = [];
  return out as DaylightRecord;
}

/** Where the sealed payload keeps sensitive free text (paths and text). */
const SENSITIVE_TEXTS = '$sensitive';

/** Encrypts text with the active data key, bound to `context` (e.g. `P-1/names`): `enc:v1:KEYID:IV:CT`. */
export function sealText(text: string, context: string, keys: FieldKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject(keys.dataKeys[keys.activeId] as Buffer), iv);
  cipher.setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${keys.activeId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
}

/** Decrypts what `sealText` made for the same context; throws if the key is missing or anything was altered. */
export function openText(envelope: string, context: string, keys: FieldKeys): string {
  const [keyId, iv, sealed] = envelope.slice(PREFIX.length).split(':') as [string, string, string];
  const key = keys.dataKeys[keyId];
  if (!key) throw new Error(`${context}: encrypted with key ${keyId}, which this keyring lacks`);
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

// Content hashes and blind-index tokens are SHA-256 over a secret prefix and the text: a keyed hash
// that nobody without the key can compute for a guessed name (length extension gives nothing here,
// as no hash is ever checked for a message the attacker extends), at a third of HMAC's cost in Node
// for these short inputs, which the large import makes millions of.
const hexKeys = new WeakMap<Buffer, string>();
function hexOf(key: Buffer): string {
  let hex = hexKeys.get(key);
  if (hex === undefined) {
    hex = key.toString('hex');
    hexKeys.set(key, hex);
  }
  return hex;
}

/** A keyed hash of a record's plaintext canonical JSON: equal content, equal hash, nothing guessable. */
export function contentHash(canonical: string, keys: FieldKeys): string {
  return hash('sha256', `${hexOf(keys.contentKey)}${canonical}`, 'base64url');
}

/**
 * Identifying text as blind-index tokens: each token the search index would hold (Hangul bigrams,
 * words, lower-cased, diacritics removed) replaced by a keyed hash, so that the index holds no
 * fragment of a name. Such tokens match whole (no prefix search on identifying text).
 */
export function blindTokens(text: string, keys: FieldKeys): string[] {
  return searchTokens(text).map((token) =>
    hash('sha256', `${hexOf(keys.indexKey)}${token}`, 'hex').slice(0, 20),
  );
}

/** The tokens unicode61 (remove_diacritics) would make of indexable text. */
function searchTokens(text: string): string[] {
  return indexableText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'));
}
