import type { FastifyInstance } from 'fastify';
import { AccessDenied } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { perpetratorDossier } from '../analysis/perpetrator-dossier.ts';
import { facilityMapSvg, tableChart } from '../analysis/render-charts.ts';
import { StatisticsError, tabulate, trendOf } from '../analysis/statistics.ts';
import { basisOf, filtersOf, TableQuery, TrendQuery } from '../analysis/table-query.ts';
import type { Store } from '../store/store.ts';

/**
 * `GET /api/stats/table`, `/api/stats/trend`: counts for the signed-in (at their statistics level) and
 * the public (verified public acts, always disclosure-controlled); `GET /api/dossiers/:id`: a
 * perpetrator's dossier, for those who may read identifying data only.
 */
export function registerStatsRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  const bad = (problems: { path: PropertyKey[]; message: string }[]) => ({
    error: 'bad query',
    problems: problems.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
  app.get('/api/stats/table', async (request, reply) => {
    const query = TableQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    const q = query.data;
    if ((q.rows === 'period' || q.columns === 'period') && q.break_year === undefined)
      return reply
        .code(400)
        .send(bad([{ path: ['break_year'], message: 'the period dimension needs a break year' }]));
    try {
      const result = await tabulateQuery(store, request.viewer, keys, q);
      reply.header('Cache-Control', 'no-store');
      // Outside eyes get only the protected table; staff get the counts and, when asked, the protected one.
      return result.published && request.viewer.role === 'public'
        ? { basis: result.basis, published: result.published }
        : result;
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/chart.svg', async (request, reply) => {
    const query = TableQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    const q = query.data;
    try {
      const result = await tabulateQuery(store, request.viewer, keys, q);
      return reply
        .type('image/svg+xml')
        .header('Cache-Control', 'no-store')
        .send(tableChart(result, langOf(request.query)));
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/map.svg', async (request, reply) => {
    const query = TableQuery.pick({ measure: true, basis: true, protect: true }).safeParse(request.query);
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    try {
      const map = await facilityMapSvg(store, request.viewer, keys, {
        measure: query.data.measure,
        basis: basisOf(query.data.basis),
        protect: query.data.protect === 'true',
        lang: langOf(request.query),
      });
      return reply.type('image/svg+xml').header('Cache-Control', 'no-store').send(map.svg);
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/trend', async (request, reply) => {
    const query = TrendQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    const q = query.data;
    if (request.viewer.role === 'public') return reply.code(403).send({ error: 'sign in for trends' });
    try {
      reply.header('Cache-Control', 'no-store');
      return await trendOf(
        store,
        request.viewer,
        keys,
        {
          measure: q.measure,
          dating: q.dating,
          breakYear: q.break_year,
          from: q.from,
          to: q.to,
          filter: filtersOf(q),
        },
        { basis: basisOf(q.basis) },
      );
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get<{ Params: { id: string } }>('/api/dossiers/:id', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      const dossier = await perpetratorDossier(store, request.viewer, keys, request.params.id);
      return dossier ?? reply.code(404).send({ error: 'not found' });
    } catch (error) {
      return refused(error, reply);
    }
  });
}

/** A table query answered for a viewer. */
function tabulateQuery(store: Store, viewer: Viewer, keys: FieldKeys, q: TableQuery) {
  return tabulate(
    store,
    viewer,
    keys,
    {
      measure: q.measure,
      rows: q.rows,
      columns: q.columns,
      dating: q.dating,
      breakYear: q.break_year,
      filter: filtersOf(q),
    },
    { basis: basisOf(q.basis), protect: q.protect === 'true', threshold: q.threshold },
  );
}

function langOf(query: unknown): 'en' | 'ko' {
  return (query as { lang?: string }).lang === 'ko' ? 'ko' : 'en';
}

function refused(error: unknown, reply: { code(n: number): { send(body: unknown): unknown } }) {
  if (error instanceof AccessDenied) return reply.code(403).send({ error: 'not allowed' });
  if (error instanceof StatisticsError) return reply.code(400).send({ error: error.message });
  throw error;
}
