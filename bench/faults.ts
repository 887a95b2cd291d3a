// Fault benchmark: kill -9 in the middle of large imports and of edits, on SQLite and PostgreSQL,
// then check that nothing is partial, nothing acknowledged is lost and `daylight audit verify`
// passes. `npm run bench -- faults [--rounds 5] [--interviews 1500] [--only sqlite|postgres]
// [--pg postgres://…]` (PostgreSQL from --pg, else DAYLIGHT_BENCH_PG_URL or DAYLIGHT_TEST_PG_URL).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSPHRASE } from '../src/access/keyring.ts';
import { writeDemoFile } from '../src/demo/load-demo.ts';
import { openStore } from '../src/store/open-store.ts';
import { freshPostgresDatabase } from '../src/testing/postgres.ts';
import { startBenchServer } from './_bench-server.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    interviews: { type: 'string', default: '1500' },
    only: { type: 'string' },
    pg: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const pgServer = values.pg ?? process.env.DAYLIGHT_BENCH_PG_URL ?? process.env.DAYLIGHT_TEST_PG_URL;
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-faults-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);

/** `daylight` as a child process on the database, under the demo passphrase. */
function cli(location: string, files: string, args: string[]) {
  const env = { ...process.env, DAYLIGHT_PASSPHRASE: DEMO_PASSPHRASE, DAYLIGHT_FILES: files };
  return {
    argv: ['--disable-warning=ExperimentalWarning', MAIN, '--db', location, ...args],
    env,
    run: () =>
      spawnSync(
        process.execPath,
        ['--disable-warning=ExperimentalWarning', MAIN, '--db', location, ...args],
        { env, encoding: 'utf8' },
      ),
  };
}

async function totalRecords(location: string): Promise<number> {
  const store = await openStore(location);
  try {
    return Object.values(await store.countByType()).reduce((a, b) => a + b, 0);
  } finally {
    await store.close();
  }
}

/** Imports the file, killing the import after a random part of a full import's time; then checks. */
async function importRound(location: string, files: string, file: string, fullSeconds: number) {
  const before = await totalRecords(location);
  const command = cli(location, files, ['import', file]);
  const child = spawn(process.execPath, command.argv, { env: command.env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const delay = between(0.15, 0.75) * fullSeconds * 1000;
  await sleep(delay);
  const killed = child.kill('SIGKILL');
  const code = await exited;
  const after = await totalRecords(location);
  const audit = cli(location, files, ['audit', 'verify']).run();
  return {
    'killed after s': Number((delay / 1000).toFixed(2)),
    outcome: killed && code === null ? 'killed' : `finished (${code})`,
    'records before/after': `${before}/${after}`,
    partial: after !== before && !(code === 0 && after > before),
    'audit verify': audit.status === 0 ? 'intact' : `BROKEN: ${audit.stderr.trim()}`,
  };
}

/** Edits acts over HTTP from 20 clients, kills the server mid-way, and checks what was acknowledged. */
async function editRound(location: string, anchorFile: string, files: string, acts: string[]) {
  const server = await startBenchServer(location, anchorFile);
  const acknowledged = new Map<string, number>();
  let stop = false;
  let sent = 0;
  const client = async () => {
    while (!stop) {
      const id = acts[Math.floor(Math.random() * acts.length)] as string;
      sent++;
      try {
        const response = await fetch(`${server.url}/bench/edit/${id}`, { method: 'POST' });
        if (response.status === 200) {
          const { version } = (await response.json()) as { version: number };
          acknowledged.set(id, Math.max(version, acknowledged.get(id) ?? 0));
        } else await response.text();
      } catch {
        return; // the server is gone
      }
    }
  };
  const clients = Array.from({ length: 20 }, client);
  const delay = between(500, 2500);
  await sleep(delay);
  await server.kill9();
  stop = true;
  await Promise.all(clients);
  const store = await openStore(location);
  let lost = 0;
  let gaps = 0;
  try {
    for (const [id, version] of acknowledged)
      if (((await store.getRecord(id))?.version ?? 0) < version) lost++;
    for (const id of acts) {
      const versions = (await store.recordVersions(id)).map((v) => v.version);
      if (versions.some((v, i) => v !== i + 1)) gaps++;
    }
  } finally {
    await store.close();
  }
  const audit = cli(location, files, ['audit', 'verify']).run();
  return {
    'killed after s': Number((delay / 1000).toFixed(2)),
    'edits sent': sent,
    'records acknowledged': acknowledged.size,
    'acknowledged but lost': lost,
    'histories with gaps': gaps,
    'audit verify': audit.status === 0 ? 'intact' : `BROKEN: ${audit.stderr.trim()}`,
  };
}

async function faults(kind: 'sqlite' | 'postgres', file: string) {
  const database = kind === 'postgres' ? await freshPostgresDatabase(pgServer as string) : undefined;
  const scratch = kind === 'postgres' ? await freshPostgresDatabase(pgServer as string) : undefined;
  const location = database?.url ?? join(dir, `${kind}.db`);
  const files = join(dir, `${kind}.files`);
  const anchor = kind === 'postgres' ? join(dir, `${kind}.audit-head`) : `${location}.audit-head`;
  try {
    // A full import (on a scratch database) times the import, so that kills land in its middle.
    const timing = cli(scratch?.url ?? join(dir, `${kind}-scratch.db`), join(dir, 'scratch.files'), [
      'import',
      file,
    ]);
    const started = performance.now();
    const full = timing.run();
    if (full.status !== 0) throw new Error(`import failed: ${full.stderr}`);
    const fullSeconds = (performance.now() - started) / 1000;
    const imports = [];
    for (let i = 0; i < rounds; i++) imports.push(await importRound(location, files, file, fullSeconds));
    const complete = cli(location, files, ['import', file]).run();
    if (complete.status !== 0) throw new Error(`import failed: ${complete.stderr}`);
    imports.push({
      ...(await importRound(location, files, file, 0.3 / 0.2)),
      note: 're-import (nothing to write)',
    });
    const store = await openStore(location);
    const acts = (await store.listRecords({ type: 'act', limit: 30, levels: ['public', 'internal'] })).map(
      (r) => r.id,
    );
    await store.close();
    const edits = [];
    for (let i = 0; i < rounds; i++) edits.push(await editRound(location, anchor, files, acts));
    console.log(`\n${kind}: full import of ${file.split('/').pop()} in ${fullSeconds.toFixed(1)} s`);
    console.table(imports);
    console.table(edits);
    return (
      imports.every((r) => !r.partial && r['audit verify'] === 'intact') &&
      edits.every(
        (r) =>
          r['acknowledged but lost'] === 0 &&
          r['histories with gaps'] === 0 &&
          r['audit verify'] === 'intact',
      )
    );
  } finally {
    await database?.drop();
    await scratch?.drop();
  }
}

try {
  const kinds = (['sqlite', 'postgres'] as const).filter((k) => !values.only || values.only === k);
  if (kinds.includes('postgres') && !pgServer)
    throw new Error('PostgreSQL: pass --pg or set DAYLIGHT_BENCH_PG_URL');
  const file = join(dir, 'import.jsonl');
  const { records } = await writeDemoFile(file, { seed: 3, size: { interviews: Number(values.interviews) } });
  console.log(`import file: ${records} records (${values.interviews} interviews); ${rounds} rounds each`);
  let ok = true;
  for (const kind of kinds) ok = (await faults(kind, file)) && ok;
  console.log(
    ok ? '\nall rounds: nothing partial, nothing acknowledged lost, audit intact' : '\nFAULTS FOUND',
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
