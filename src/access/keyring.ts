import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FieldKeys } from './field-cipher.ts';

// Envelope encryption: random data keys encrypt the fields; each data key is stored only wrapped
// (AES-256-GCM) under a key-encryption key derived from the passphrase (scrypt) or read from a key
// file. The database never holds a usable key.

/** A wrapped data key as stored. */
export type KeyringEntry = {
  id: string;
  created_at: string;
  kdf: 'scrypt' | 'key-file';
  salt: string;
  wrapped: string;
};

/** Where the key-encryption key comes from. */
export type KeySource = { passphrase: string } | { keyFile: string };

/** The key source from the environment: DAYLIGHT_KEY_FILE, else DAYLIGHT_PASSPHRASE. */
export function keySourceFromEnv(env: NodeJS.ProcessEnv = process.env): KeySource | undefined {
  if (env.DAYLIGHT_KEY_FILE) return { keyFile: env.DAYLIGHT_KEY_FILE };
  if (env.DAYLIGHT_PASSPHRASE) return { passphrase: env.DAYLIGHT_PASSPHRASE };
  return undefined;
}

/** The passphrase of the fictional demo database that `npm start` creates. Never for real data. */
export const DEMO_PASSPHRASE = 'daylight demo passphrase';

/** scrypt cost for the passphrase: N = 2^15, r = 8 (about 0.1 s here). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function keyEncryptionKey(source: KeySource, salt: Buffer): { kek: Buffer; kdf: KeyringEntry['kdf'] } {
  if ('keyFile' in source) {
    const key = Buffer.from(readFileSync(source.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32)
      throw new Error('the key file must hold 32 random bytes in base64 (daylight keys new-file)');
    return { kek: key, kdf: 'key-file' };
  }
  if (source.passphrase.length < 12) throw new Error('the passphrase must have at least 12 characters');
  return { kek: scryptSync(source.passphrase.normalize('NFC'), salt, 32, SCRYPT), kdf: 'scrypt' };
}

/** A new data key, wrapped under the source's key-encryption key. */
export function newKeyringEntry(source: KeySource, id: string, now = new Date()): KeyringEntry {
  const salt = randomBytes(16);
  const { kek, kdf } = keyEncryptionKey(source, salt);
  return {
    id,
    created_at: now.toISOString(),
    kdf,
    salt: salt.toString('base64url'),
    wrapped: wrap(kek, randomBytes(32), id),
  };
}

/** Unwraps every data key; the newest is active. Index and content keys come from the oldest, so they never change. */
export function unlockKeyring(entries: KeyringEntry[], source: KeySource): FieldKeys {
  if (entries.length === 0) throw new Error('the keyring is empty');
  const dataKeys: Record<string, Buffer> = {};
  const keks = new Map<string, Buffer>();
  for (const entry of entries) {
    let kek = keks.get(entry.salt);
    if (!kek) {
      kek = keyEncryptionKey(source, Buffer.from(entry.salt, 'base64url')).kek;
      keks.set(entry.salt, kek);
    }
    dataKeys[entry.id] = unwrap(kek, entry.wrapped, entry.id);
  }
  const sorted = [...entries].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
  const root = dataKeys[(sorted[0] as KeyringEntry).id] as Buffer;
  return {
    activeId: (sorted.at(-1) as KeyringEntry).id,
    dataKeys,
    indexKey: Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'daylight blind index', 32)),
    contentKey: Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'daylight content hash', 32)),
  };
}

/** The same data keys wrapped under a new key source (passphrase or key file change). */
export function rewrapKeyring(entries: KeyringEntry[], from: KeySource, to: KeySource): KeyringEntry[] {
  const keys = unlockKeyring(entries, from);
  const salt = randomBytes(16);
  const { kek, kdf } = keyEncryptionKey(to, salt);
  return entries.map((entry) => ({
    ...entry,
    kdf,
    salt: salt.toString('base64url'),
    wrapped: wrap(kek, keys.dataKeys[entry.id] as Buffer, entry.id),
  }));
}

function wrap(kek: Buffer, key: Buffer, id: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`keyring/${id}`));
  return [iv, Buffer.concat([cipher.update(key), cipher.final()]), cipher.getAuthTag()]
    .map((b) => b.toString('base64url'))
    .join('.');
}

function unwrap(kek: Buffer, wrapped: string, id: string): Buffer {
  const [iv, body, tag] = wrapped.split('.').map((part) => Buffer.from(part, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv);
    decipher.setAAD(Buffer.from(`keyring/${id}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new Error('wrong passphrase or key file: the keyring cannot be opened');
  }
}
