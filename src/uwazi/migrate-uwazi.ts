import { createHmac } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { CustodyEvent, EvidenceFile } from '../domain/evidence-file.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../domain/record-meta.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import { type ImportProblem, type ImportReport, importRecords } from '../interchange/import-records.ts';
import type { Store } from '../store/store.ts';
import { type MappedRecord, mapUwaziEntities, type NamedFiles } from './map-uwazi-entities.ts';
import { CsvError, readCsvTable } from './uwazi-csv.ts';
import type { UwaziMapping } from './uwazi-mapping.ts';

/** What a migration was given: the checked mapping, the CSV files, and where the files named in them lie. */
export type MigrateUwaziInput = { mapping: UwaziMapping; csvFiles: string[]; filesDir?: string };

/**
 * Migrates an Uwazi CSV export into the store, all or nothing: every file read and mapped, every
 * problem collected (unmapped columns, unknown thesaurus values, unresolved relationships, schema
 * problems), and only then one import. Ids come from a key of the database, so a re-run changes
 * nothing. Files named in `Documents`/`Attachments` of a source template are sealed into the
 * evidence store from `filesDir` (content-addressed: a failed run leaves at most unreferenced blobs).
 */
export async function migrateUwazi(
  store: Store,
  blobs: BlobStore,
  viewer: Viewer,
  keys: FieldKeys,
  input: MigrateUwaziInput,
): Promise<ImportReport> {
  const failed = (problems: ImportProblem[]): ImportReport => ({
    files: input.csvFiles,
    ok: false,
    records: 0,
    inserted: 0,
    unchanged: 0,
    byType: {},
    problems,
    moreProblems: 0,
  });
  const tables = [];
  for (const file of input.csvFiles) {
    try {
      tables.push(await readCsvTable(file));
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      return failed([
        { file: error.file, line: error.line, field: '(csv)', message: error.message.replace(/^.*: /, '') },
      ]);
    }
  }
  const secret = createHmac('sha256', keys.contentKey).update('uwazi-migration').digest();
  const mapped = mapUwaziEntities(input.mapping, tables, secret);
  const problems = [...mapped.problems];
  const extra = await attachFiles(mapped.files, input, problems, blobs, keys);
  if (problems.length > 0) return failed(problems);
  const highest = mapped.records
    .map((record) => CONFIDENTIALITY_LEVELS.indexOf(record.value.confidentiality as Confidentiality))
    .reduce((a, b) => Math.max(a, b), 0);
  authorize(viewer, 'write-records', CONFIDENTIALITY_LEVELS[highest]);
  if (extra.length > 0) authorize(viewer, 'add-evidence-files', 'restricted');
  const byFile = new Map<string, MappedRecord[]>();
  for (const record of [...mapped.records, ...extra]) {
    const list = byFile.get(record.file) ?? [];
    list.push(record);
    byFile.set(record.file, list);
  }
  return importRecords(
    store,
    [...byFile].map(([file, list]) => ({ file, lines: list.map((r) => ({ line: r.line, value: r.value })) })),
    { keys, actor: viewer.user, reason: 'migrate uwazi' },
  );
}

/**
 * Seals the files rows name and links them to their source records; returns the file and custody
 * records to import with the rest. Every missing file is a problem at its row and column.
 */
async function attachFiles(
  named: NamedFiles[],
  input: MigrateUwaziInput,
  problems: ImportProblem[],
  blobs: BlobStore,
  keys: FieldKeys,
): Promise<MappedRecord[]> {
  const out: MappedRecord[] = [];
  const added = new Set<string>();
  for (const { record, column, names, role } of named) {
    const here = (message: string) =>
      problems.push({ file: record.file, line: record.line, field: column, message });
    if (!input.filesDir) {
      here('names files: give --files DIR, or list the column under ignore');
      continue;
    }
    for (const name of names) {
      const path = join(input.filesDir, basename(name));
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) {
        here('a file it names is not in the --files folder');
        continue;
      }
      if (problems.length > 0) continue;
      const stored = await blobs.put(path, keys);
      const id = `sha256-${stored.sha256}`;
      const list = (record.value.files as { file: string; role: string }[] | undefined) ?? [];
      list.push({ file: id, role });
      record.value.files = list;
      if (added.has(id)) continue;
      added.add(id);
      const at = String(record.value.created_at);
      const meta = {
        version: 1,
        created_at: at,
        created_by: String(record.value.created_by),
        updated_at: at,
        updated_by: String(record.value.created_by),
        status: 'draft',
        confidentiality: 'restricted',
      };
      const file: EvidenceFile = {
        type: 'file',
        id,
        ...(meta as Omit<EvidenceFile, 'type' | 'id' | 'sha256' | 'size' | 'media_type'>),
        sha256: stored.sha256,
        size: stored.size,
        media_type: MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
        name: basename(name),
      };
      const custody: CustodyEvent = {
        type: 'custody',
        id: `C-uwazi-${stored.sha256.slice(0, 32)}`,
        ...(meta as Omit<CustodyEvent, 'type' | 'id' | 'file' | 'at' | 'actor' | 'action'>),
        file: id,
        at,
        actor: String(record.value.created_by),
        action: 'received',
        note: 'migrated from Uwazi',
      };
      out.push(
        { file: record.file, line: record.line, value: file },
        { file: record.file, line: record.line, value: custody },
      );
    }
  }
  return out;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
