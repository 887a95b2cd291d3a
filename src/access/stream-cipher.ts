import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { ByteReader } from './byte-reader.ts';

// Chunked AES-256-GCM for files too large to hold in memory (evidence videos, backups), after the
// STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015). Layout, documented in
// docs/backup.md:
//
//   MAGIC (ASCII, ends in "\n") | u32 BE header length | header JSON | chunk 0 | chunk 1 | … | chunk n
//
// The header says which data key (by id) and which random 32-byte salt: the stream's own key is
// HKDF-SHA256(data key, salt, "daylight " + purpose), so no key ever encrypts two streams and the
// nonce can be a counter. Each chunk is CHUNK_SIZE bytes of plaintext (the last one 0…CHUNK_SIZE)
// followed by its 16-byte GCM tag; nonce = 4 zero bytes | u64 BE chunk index; AAD = SHA-256(magic |
// header | context) | final flag (1 on the last chunk only). So a chunk moved, dropped, swapped with
// another stream's, or a stream cut at a chunk boundary or extended, fails authentication.

/** Plaintext bytes per chunk. */
export const CHUNK_SIZE = 64 * 1024;
const TAG = 16;
const MAX_HEADER = 1 << 20;

/** The cleartext header of a sealed stream: how to derive its key, and whatever the caller adds. */
export type SealedHeader = {
  format: 1;
  cipher: 'aes-256-gcm-chunked';
  chunk_size: number;
  key_id: string;
  salt: string;
  [extra: string]: unknown;
};

/** What seals or opens one kind of stream. */
export type StreamKind = {
  /** First bytes of the file, ending in a newline (e.g. `DAYLIGHT-FILE-1\n`). */
  magic: string;
  /** HKDF info, so that a key made for one purpose opens nothing of another. */
  purpose: string;
};

/** A sealed stream failed authentication or is malformed: altered, cut, or not this kind of file. */
export class IntegrityError extends Error {
  readonly id = 'integrity';
}

/**
 * Encrypts a stream of plaintext buffers: yields the header, then the sealed chunks. `context`
 * binds the stream to where it belongs (a blob's name): moved elsewhere, it no longer opens.
 */
export async function* sealStream(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  kind: StreamKind,
  key: { id: string; bytes: Buffer },
  context: string,
  extra: Record<string, unknown> = {},
): AsyncGenerator<Buffer> {
  const salt = randomBytes(32);
  const header: SealedHeader = {
    ...extra,
    format: 1,
    cipher: 'aes-256-gcm-chunked',
    chunk_size: CHUNK_SIZE,
    key_id: key.id,
    salt: salt.toString('base64url'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  yield Buffer.concat([Buffer.from(kind.magic, 'ascii'), length, headerBytes]);

  const streamKey = deriveStreamKey(key.bytes, salt, kind);
  const digest = headerDigest(kind, length, headerBytes, context);
  const reader = new ByteReader(source);
  let index = 0n;
  // A chunk is the last one when nothing follows it: read one byte ahead.
  for (;;) {
    const plain = await reader.read(CHUNK_SIZE);
    const final = await reader.atEnd();
    yield sealChunk(streamKey, digest, index++, final, plain);
    if (final) return;
  }
}

/** Reads and checks the header of a sealed stream; the chunks follow in `reader`. */
export async function readSealedHeader(
  reader: ByteReader,
  kind: StreamKind,
  what: string,
): Promise<{ header: SealedHeader; digestOf: (context: string) => Buffer }> {
  const magic = Buffer.from(kind.magic, 'ascii');
  const start = await reader.read(magic.length + 4);
  if (start.length < magic.length + 4 || !start.subarray(0, magic.length).equals(magic))
    throw new IntegrityError(
      `${what}: not a ${kind.purpose} (its first bytes are not ${JSON.stringify(kind.magic.trim())})`,
    );
  const length = start.subarray(magic.length);
  const size = length.readUInt32BE();
  if (size > MAX_HEADER) throw new IntegrityError(`${what}: header too large: damaged`);
  const headerBytes = await reader.read(size);
  let header: SealedHeader;
  try {
    if (headerBytes.length !== size) throw new Error('short');
    header = JSON.parse(headerBytes.toString('utf8')) as SealedHeader;
  } catch {
    throw new IntegrityError(`${what}: damaged header`);
  }
  if (header.format !== 1 || header.cipher !== 'aes-256-gcm-chunked' || header.chunk_size !== CHUNK_SIZE)
    throw new IntegrityError(
      `${what}: unknown format ${header.format}/${header.cipher}/${header.chunk_size}`,
    );
  return { header, digestOf: (context) => headerDigest(kind, length, headerBytes, context) };
}

/**
 * Decrypts the chunks that follow a header. Each chunk is authenticated before it is yielded; a
 * stream cut short or extended fails at its end, so a caller writes to a temporary file and keeps
 * it only once the generator has finished.
 */
export async function* openChunks(
  reader: ByteReader,
  opened: { header: SealedHeader; digestOf: (context: string) => Buffer },
  kind: StreamKind,
  keyBytes: Buffer,
  context: string,
  what: string,
): AsyncGenerator<Buffer> {
  const { header } = opened;
  const streamKey = deriveStreamKey(keyBytes, Buffer.from(header.salt, 'base64url'), kind);
  const digest = opened.digestOf(context);
  let index = 0n;
  for (;;) {
    const sealed = await reader.read(CHUNK_SIZE + TAG);
    const final = await reader.atEnd();
    if (sealed.length < TAG || (!final && sealed.length !== CHUNK_SIZE + TAG))
      throw new IntegrityError(`${what}: cut short or damaged (chunk ${index})`);
    const plain = openChunk(streamKey, digest, index, final, sealed);
    if (!plain)
      throw new IntegrityError(
        `${what}: altered, cut short or reordered (chunk ${index} fails authentication)`,
      );
    index++;
    yield plain;
    if (final) return;
  }
}

function deriveStreamKey(keyBytes: Buffer, salt: Buffer, kind: StreamKind): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', keyBytes, salt, `daylight ${kind.purpose}`, 32)));
}

function headerDigest(kind: StreamKind, length: Buffer, headerBytes: Buffer, context: string): Buffer {
  return createHash('sha256').update(kind.magic).update(length).update(headerBytes).update(context).digest();
}

function nonceOf(index: bigint): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(index, 4);
  return nonce;
}

function sealChunk(key: KeyObject, digest: Buffer, index: bigint, final: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index));
  cipher.setAAD(Buffer.concat([digest, Buffer.from([final ? 1 : 0])]));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(
  key: KeyObject,
  digest: Buffer,
  index: bigint,
  final: boolean,
  sealed: Buffer,
): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index));
    decipher.setAAD(Buffer.concat([digest, Buffer.from([final ? 1 : 0])]));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
  } catch {
    return undefined;
  }
}
