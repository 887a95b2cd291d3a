import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FieldKeys } from '../access/field-cipher.ts';
import { PUBLIC_VIEWER } from '../access/roles.ts';
import { facilityMapSvg, tableChart } from '../analysis/render-charts.ts';
import { tabulate } from '../analysis/statistics.ts';
import { publishedView } from '../consent/published-view.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import { readRecord } from '../records/read-record.ts';
import { searchRecords } from '../records/search-records.ts';
import type { Store } from '../store/store.ts';
import { parseRequest } from './errors.ts';
import { summarise, tally } from './record-summary.ts';

/** The figures the portal offers: one dimension each, always on verified acts, always protected. */
const PUBLIC_ROWS = ['act_type_top', 'facility_type', 'year', 'law', 'victim_sex'] as const;

const FigureRequest = z.object({
  rows: z.enum(PUBLIC_ROWS).default('act_type_top'),
  measure: z.enum(['acts', 'victims']).default('victims'),
  lang: z.enum(['en', 'ko']).default('en'),
});

const PublicSearch = z.object({ q: z.string().trim().min(1).max(200) });

/**
 * The public portal's API, `/api/public/…`: always answered as the public, whoever is signed in,
 * so a staff member checking the portal sees exactly what the world sees. Only verified records
 * that consent lets out, anonymised; counts always disclosure-controlled. Cacheable for a minute,
 * so a news-day surge is served from caches in front of the server.
 */
export function registerPortalRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  const cacheable = (reply: FastifyReply) => reply.header('Cache-Control', 'public, max-age=60');

  const figure = async (query: unknown) => {
    const asked = parseRequest(FigureRequest, query);
    const tabulation = await tabulate(
      store,
      PUBLIC_VIEWER,
      keys,
      { measure: asked.measure, rows: asked.rows, filter: FigureQuery.parse({}), dating: 'first-year' },
      { basis: 'verified', protect: true },
    );
    return { asked, tabulation };
  };

  app.get('/api/public/figures', async (request, reply) => {
    const { tabulation } = await figure(request.query);
    cacheable(reply);
    return { basis: tabulation.basis, published: tabulation.published };
  });

  app.get('/api/public/chart.svg', async (request, reply) => {
    const { asked, tabulation } = await figure(request.query);
    return cacheable(reply).type('image/svg+xml').send(tableChart(tabulation, asked.lang));
  });

  app.get('/api/public/map.svg', async (request, reply) => {
    const asked = parseRequest(FigureRequest, request.query);
    const map = await facilityMapSvg(store, PUBLIC_VIEWER, keys, {
      measure: asked.measure,
      basis: 'verified',
      protect: true,
      lang: asked.lang,
    });
    return cacheable(reply).type('image/svg+xml').send(map.svg);
  });

  app.get('/api/public/facilities', async (_request, reply) => {
    const { plan } = await publishedView(store);
    const facilities = await store.listRecords({
      type: 'facility',
      limit: 500,
      levels: ['public'],
      verifiedOnly: true,
    });
    cacheable(reply);
    return { facilities: facilities.filter((f) => plan.leaves(f)).map(summarise) };
  });

  app.get('/api/public/search', async (request, reply) => {
    const { q } = parseRequest(PublicSearch, request.query);
    const hits = await searchRecords(store, PUBLIC_VIEWER, keys, q, { limit: 50 });
    cacheable(reply);
    return {
      total: hits.length,
      facets: { type: tally(hits.map((h) => h.type)), status: {} },
      hits: hits.map(summarise),
    };
  });

  app.get<{ Params: { id: string } }>('/api/public/records/:id', async (request, reply) => {
    const record = await readRecord(store, PUBLIC_VIEWER, keys, request.params.id);
    if (!record) return reply.code(404).send({ error: 'not published' });
    cacheable(reply);
    return record;
  });
}
