// Load benchmark: the real server (bench/_load-server.ts: `daylight start` plus an edit route) on
// loopback under 200 concurrent connections (autocannon), mixed reads and writes, on SQLite and on
// PostgreSQL: throughput, latency percentiles, and a lost-updates check (edits acknowledged ==
// versions added). `npm run bench -- load [--connections 200] [--seconds 20] [--writes 0.2]
// [--acts 50] [--rate R] [--only sqlite|postgres] [--pg postgres://…]` (`--rate`: R requests a second
// offered over all connections, instead of each connection asking again as soon as answered): PostgreSQL from --pg, else
// DAYLIGHT_BENCH_PG_URL or DAYLIGHT_TEST_PG_URL (a new database is made on that server per run).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../src/store/open-store.ts';
import { freshPostgresDatabase } from '../src/testing/postgres.ts';
import { startBenchServer } from './_bench-server.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    writes: { type: 'string', default: '0.2' },
    acts: { type: 'string', default: '50' },
    // Requests per second offered across all connections (open loop); without it, as fast as answered.
    rate: { type: 'string' },
    pg: { type: 'string' },
    only: { type: 'string' },
  },
});
const pgServer = values.pg ?? process.env.DAYLIGHT_BENCH_PG_URL ?? process.env.DAYLIGHT_TEST_PG_URL;
/** What the reads ask: counts (public view), UPR search, a cross-table, the session (and its CSRF token). */
const READS = [
  '/api/counts',
  '/api/upr/recommendations?text=torture&limit=20',
  '/api/stats/table?rows=act_type',
  '/api/session',
];

type Context = { edit?: boolean; id?: string; sent?: number };

/** The 99th percentile of some latencies (ms). */
const p99 = (values: number[]) =>
  Math.round(values.sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0);

async function measure(kind: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-load-'));
  const database = kind === 'postgres' ? await freshPostgresDatabase(pgServer as string) : undefined;
  const location = database?.url ?? join(dir, 'load.db');
  const server = await startBenchServer(location, join(dir, 'audit-head'));
  try {
    // The acts the edits aim at (few, so that edits collide), and their versions before the load.
    const store = await openStore(location);
    const acts = (
      await store.listRecords({ type: 'act', limit: Number(values.acts), levels: ['public', 'internal'] })
    ).map((r) => r.id);
    const before = new Map<string, number>();
    for (const id of acts) before.set(id, (await store.getRecord(id))?.version ?? 0);
    await store.close();

    // Warm-up: each read once, so that the figures are of a running server, not of its first requests.
    for (const path of READS) await (await fetch(new URL(path, server.url))).text();
    const edits = { ok: 0, stale: 0, failed: 0 };
    /** Every acknowledged edit as `id@version`: two acknowledgements of one version would be an overwrite. */
    const acknowledged: string[] = [];
    // Per kind, measured here (autocannon's histogram mixes them): request written → response read.
    const readLatencies: number[] = [];
    const editLatencies: number[] = [];
    let reads = { ok: 0, failed: 0 };
    const writeEvery = Math.max(1, Math.round(1 / Number(values.writes)));
    let n = 0;
    // Reads cycle through READS by their own count, so that every path is asked whatever the write share.
    let readsSent = 0;
    const load = await autocannon({
      url: server.url,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      ...(values.rate ? { overallRate: Number(values.rate) } : {}),
      requests: [
        {
          setupRequest: (request: autocannon.Request, context: Context) => {
            n++;
            context.edit = n % writeEvery === 0;
            context.id = acts[n % acts.length];
            context.sent = performance.now();
            if (context.edit) return { ...request, method: 'POST', path: `/bench/edit/${context.id}` };
            return { ...request, method: 'GET', path: READS[readsSent++ % READS.length] as string };
          },
          onResponse: (status: number, body: string, context: Context) => {
            (context.edit ? editLatencies : readLatencies).push(performance.now() - (context.sent ?? 0));
            if (context.edit) {
              if (status === 200) {
                edits.ok++;
                acknowledged.push(`${context.id}@${(JSON.parse(body) as { version: number }).version}`);
              } else if (status === 409) edits.stale++;
              else edits.failed++;
            } else if (status === 200) reads = { ...reads, ok: reads.ok + 1 };
            else reads = { ...reads, failed: reads.failed + 1 };
          },
        },
      ],
    } as autocannon.Options);

    const after = await openStore(location);
    let versionsAdded = 0;
    const finalVersion = new Map<string, number>();
    for (const id of acts) {
      finalVersion.set(id, (await after.getRecord(id))?.version ?? 0);
      versionsAdded += (finalVersion.get(id) ?? 0) - (before.get(id) ?? 0);
    }
    await after.close();
    // Lost: an acknowledged version acknowledged twice (one overwrote the other) or not stored.
    // Edits still in flight when the load stopped are stored but unobserved: versions added may exceed acks.
    const lost =
      acknowledged.length -
      new Set(acknowledged).size +
      acknowledged.filter((a) => {
        const [id, version] = a.split('@');
        return Number(version) > (finalVersion.get(id as string) ?? 0);
      }).length +
      Math.max(0, edits.ok - versionsAdded);
    return {
      store: kind,
      requests: load.requests.total,
      'req/s': Math.round(load.requests.average),
      'p50 ms': load.latency.p50,
      'p99 ms': load.latency.p99,
      'max ms': load.latency.max,
      'reads p99': p99(readLatencies),
      'edits p99': p99(editLatencies),
      errors: load.errors + load.timeouts,
      'reads ok/failed': `${reads.ok}/${reads.failed}`,
      'edits ok/stale/failed': `${edits.ok}/${edits.stale}/${edits.failed}`,
      'versions added': versionsAdded,
      'lost updates': lost,
    };
  } finally {
    await server.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const kinds = (['sqlite', 'postgres'] as const).filter((k) => !values.only || values.only === k);
if (kinds.includes('postgres') && !pgServer)
  throw new Error('PostgreSQL: pass --pg postgres://… or set DAYLIGHT_BENCH_PG_URL (or . .ci/postgres.sh)');
const loadBefore = loadavg()[0]?.toFixed(2);
const rows = [];
for (const kind of kinds) rows.push(await measure(kind));
console.log(
  `${values.connections} connections${values.rate ? ` offering ${values.rate} req/s` : ''}, ${values.seconds} s, ${Number(values.writes) > 0 ? `one request in ${Math.round(1 / Number(values.writes))} an edit` : 'reads only'}; ` +
    `${cpus().length} CPUs, load average before ${loadBefore}, after ${loadavg()[0]?.toFixed(2)}`,
);
console.table(rows);
const lost = rows.some((r) => r['lost updates'] !== 0);
if (lost) {
  console.error('LOST UPDATES: an acknowledged edit is missing');
  process.exit(1);
}
