import type { FastifyInstance, FastifyReply } from 'fastify';
import { AccessDenied } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { cellQuery } from '../analysis/cell-query.ts';
import { perpetratorDossier } from '../analysis/perpetrator-dossier.ts';
import { facilityMapSvg, tableChart } from '../analysis/render-charts.ts';
import { StatisticsError, tabulate, trendOf } from '../analysis/statistics.ts';
import { basisOf, TableQuery, TrendQuery, tableRequestOf, trendRequestOf } from '../analysis/table-query.ts';
import type { Store } from '../store/store.ts';

type Problem = { path: PropertyKey[]; message: string };
const bad = (problems: Problem[]) => ({
  error: 'bad query',
  problems: problems.map((i) => ({ field: i.path.join('.'), message: i.message })),
});

/**
 * `GET /api/stats/table` (and `chart.svg`), `/api/stats/trend`, `/api/stats/map.svg`: counts for the
 * signed-in (at their statistics level) and the public (verified public acts, always
 * disclosure-controlled); `GET /api/dossiers/:id`: a perpetrator's dossier, for those who may read
 * identifying data only.
 */
export function registerStatsRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  const table = async (query: unknown, viewer: Parameters<typeof tabulate>[1]) => {
    const parsed = TableQuery.safeParse(query);
    if (!parsed.success) return { ok: false as const, problems: parsed.error.issues };
    const { request, options } = tableRequestOf(parsed.data);
    return {
      ok: true as const,
      result: await tabulate(store, viewer, keys, request, options),
      lang: parsed.data.lang,
      basis: parsed.data.basis,
    };
  };
  app.get('/api/stats/table', async (request, reply) => {
    try {
      const answer = await table(request.query, request.viewer);
      if (!answer.ok) return reply.code(400).send(bad(answer.problems));
      const { result } = answer;
      reply.header('Cache-Control', 'no-store');
      // Outside eyes get only the protected table; staff get the counts and, when asked, the protected one.
      if (result.published && request.viewer.role === 'public')
        return { basis: result.basis, published: result.published };
      // Staff can follow each row of a one-way table to the acts behind it (GET /api/explain).
      const basis = answer.basis;
      const explain =
        result.table.columns.length <= 1
          ? result.table.rows.map((row) => {
              const query = cellQuery(result.table.request, row.key);
              if (!query) return null;
              if (basis === 'verified') return { ...query, status: 'verified' };
              return basis.startsWith('standard:') ? { ...query, standard: basis.slice(9) } : query;
            })
          : undefined;
      return { ...result, explain };
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/chart.svg', async (request, reply) => {
    try {
      const answer = await table(request.query, request.viewer);
      if (!answer.ok) return reply.code(400).send(bad(answer.problems));
      return reply
        .type('image/svg+xml')
        .header('Cache-Control', 'no-store')
        .send(tableChart(answer.result, answer.lang));
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/map.svg', async (request, reply) => {
    const query = TableQuery.pick({ measure: true, basis: true, protect: true, lang: true }).safeParse(
      request.query,
    );
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    try {
      const map = await facilityMapSvg(store, request.viewer, keys, {
        ...query.data,
        basis: basisOf(query.data.basis),
      });
      return reply.type('image/svg+xml').header('Cache-Control', 'no-store').send(map.svg);
    } catch (error) {
      return refused(error, reply);
    }
  });
  app.get('/api/stats/trend', async (request, reply) => {
    const query = TrendQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(bad(query.error.issues));
    if (request.viewer.role === 'public') return reply.code(403).send({ error: 'sign in for trends' });
    try {
      reply.header('Cache-Control', 'no-store');
      return await trendOf(store, request.viewer, keys, trendRequestOf(query.data), {
        basis: basisOf(query.data.basis),
      });
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

function refused(error: unknown, reply: FastifyReply) {
  if (error instanceof AccessDenied) return reply.code(403).send({ error: 'not allowed' });
  if (error instanceof StatisticsError)
    return reply.code(400).send(bad([{ path: [error.field], message: error.message }]));
  throw error;
}
