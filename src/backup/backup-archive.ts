import type { ByteReader } from '../access/byte-reader.ts';
import type { StreamKind } from '../access/stream-cipher.ts';

// The plaintext inside a backup (sealed as a whole, see docs/backup.md): a sequence of entries
//   u16 BE name length | name (UTF-8) | u64 BE size | size bytes
// ended by a name length of 0. Names come from a fixed set (ENTRY_NAME), so a restore never writes
// outside its target, whatever the archive says.

/** How backup archives are sealed. */
export const BACKUP_ARCHIVE: StreamKind = { magic: 'DAYLIGHT-BACKUP-1\n', purpose: 'backup archive' };

/** What a backup's stream is bound to (the archive may be renamed or moved freely). */
export const BACKUP_CONTEXT = 'daylight backup';

/** The names an archive may hold: the manifest, the database, the audit head, sealed evidence files. */
export const ENTRY_NAME =
  /^(manifest\.json|database\.sqlite|audit-head|files\/sealed\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

/** One entry to write: its name, size, and its bytes when asked. */
export type ArchiveEntry = { name: string; size: number; bytes: () => AsyncIterable<Buffer | Uint8Array> };

/** The framed plaintext of an archive holding these entries. Fails if an entry's bytes differ from its size. */
export async function* frameEntries(entries: Iterable<ArchiveEntry>): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    if (!ENTRY_NAME.test(entry.name)) throw new Error(`not an archive entry name: ${entry.name}`);
    const name = Buffer.from(entry.name, 'utf8');
    const head = Buffer.alloc(2 + name.length + 8);
    head.writeUInt16BE(name.length, 0);
    name.copy(head, 2);
    head.writeBigUInt64BE(BigInt(entry.size), 2 + name.length);
    yield head;
    let written = 0;
    for await (const chunk of entry.bytes()) {
      written += chunk.length;
      yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    }
    if (written !== entry.size)
      throw new Error(
        `${entry.name} changed while it was being backed up (${entry.size} → ${written} bytes)`,
      );
  }
  yield Buffer.alloc(2);
}

/** An entry being read: its name, size and bytes (read them all before asking for the next entry). */
export type ReadEntry = { name: string; size: number; bytes: AsyncIterable<Buffer> };

/** The entries of framed plaintext, in order; fails on a malformed or unknown entry or trailing bytes. */
export async function* readEntries(reader: ByteReader, what: string): AsyncGenerator<ReadEntry> {
  for (;;) {
    const length = (await reader.readExactly(2, `${what}: entry name length`)).readUInt16BE();
    if (length === 0) break;
    const name = (await reader.readExactly(length, `${what}: entry name`)).toString('utf8');
    if (!ENTRY_NAME.test(name)) throw new Error(`${what}: unexpected entry ${JSON.stringify(name)}`);
    const size = Number((await reader.readExactly(8, `${what}: size of ${name}`)).readBigUInt64BE());
    let left = size;
    let done = false;
    const bytes = (async function* () {
      while (left > 0) {
        const chunk = await reader.readExactly(Math.min(left, 1 << 16), `${what}: ${name}`);
        left -= chunk.length;
        yield chunk;
      }
      done = true;
    })();
    yield { name, size, bytes };
    if (!done) for await (const _ of bytes);
  }
  if (!(await reader.atEnd())) throw new Error(`${what}: bytes after the end of the archive`);
}
