// Backup benchmark: `daylight backup` and `restore` of a demo database with one large evidence file,
// against a raw copy of the database file and a plain `VACUUM INTO`, in the same run.
// `npm run bench -- backup [--size small|medium] [--file-mb 64] [--keep DIR]`
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/backup/create-backup.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { addEvidenceFile } from '../src/evidence/add-evidence-file.ts';
import { BlobStore, filesFolderOf } from '../src/evidence/blob-store.ts';
import { verifyEvidenceFiles } from '../src/evidence/verify-evidence-files.ts';
import { unlockKeys } from '../src/records/unlock-keys.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    'file-mb': { type: 'string', default: '64' },
    keep: { type: 'string' },
  },
});
const SIZES = { small: 'small', medium: { interviews: 3000 } } as const;
const size = SIZES[values.size as keyof typeof SIZES];
if (!size) throw new Error('--size: expected small or medium');
const fileMb = Number(values['file-mb']);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'daylight-bench-backup-'));
const admin = { user: 'bench', role: 'admin' as const };
const mb = (bytes: number) => bytes / 1024 / 1024;
const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};

try {
  const keyFile = join(dir, 'bench.key');
  writeFileSync(keyFile, randomBytes(32).toString('base64'));
  const source = { keyFile };
  const db = join(dir, 'bench.db');
  const store = openSqliteStore(db);
  const keys = await unlockKeys(store, source);
  const [, loadSeconds] = await timed(() => loadDemo(store, { seed: 1, size, keys }));
  const blobs = new BlobStore(filesFolderOf(db));

  // A large evidence file (random bytes: a video compresses no better), written in 1 MiB pieces.
  const video = join(dir, 'video.mp4');
  const out = createWriteStream(video);
  for (let i = 0; i < fileMb; i++) out.write(randomBytes(1024 * 1024));
  await new Promise((resolve) => out.end(resolve));
  const [, addSeconds] = await timed(() =>
    addEvidenceFile(store, blobs, { keys, path: video, actor: 'bench' }),
  );
  const [, verifySeconds] = await timed(() => verifyEvidenceFiles(store, blobs, keys));
  store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(db).size;

  const [, cpSeconds] = await timed(() => copyFile(db, join(dir, 'copy.db')));
  const [, vacuumSeconds] = await timed(() => store.snapshot(join(dir, 'vacuum.db')));
  const snapshotBytes = statSync(join(dir, 'vacuum.db')).size;
  const archive = join(dir, 'bench.backup');
  const [report, backupSeconds] = await timed(() =>
    createBackup(store, blobs, { viewer: admin, keys, dbPath: db, out: archive }),
  );
  await store.close();
  const [, restoreSeconds] = await timed(() =>
    restoreBackup({
      viewer: admin,
      archive,
      dbPath: join(dir, 'restored', 'bench.db'),
      source,
      openStore: openSqliteStore,
    }),
  );

  const rate = (bytes: number, seconds: number) => `${(mb(bytes) / seconds).toFixed(0)} MB/s`;
  const line = (label: string, bytes: number, seconds: number) =>
    `  ${label.padEnd(50)} ${seconds.toFixed(2).padStart(6)} s  ${rate(bytes, seconds).padStart(9)}  (${mb(bytes).toFixed(1)} MB)`;
  const lines = [
    `backup benchmark (${values.size} demo + one ${fileMb} MB evidence file, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
    `  demo loaded in ${loadSeconds.toFixed(1)} s; database file ${mb(dbBytes).toFixed(1)} MB, archive ${mb(report.bytes).toFixed(1)} MB`,
    line('evidence file add (hash + encrypt)', fileMb * 1024 * 1024, addSeconds),
    line('evidence files verify (decrypt + re-hash)', fileMb * 1024 * 1024, verifySeconds),
    line('cp of the database file (baseline)', dbBytes, cpSeconds),
    line('VACUUM INTO (baseline)', snapshotBytes, vacuumSeconds),
    line('daylight backup (snapshot + files, encrypted)', report.bytes, backupSeconds),
    line('daylight restore (decrypt, check, put in place)', report.bytes, restoreSeconds),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
