import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { RECORD_TYPES, type RecordType } from '../domain/record.ts';
import { REVIEW_STATUSES } from '../domain/record-meta.ts';
import { VOCABULARY_IDS, vocabulary } from '../domain/vocabulary.ts';
import { recordTestimony } from '../intake/record-testimony.ts';
import { TestimonyIntake } from '../intake/testimony-intake.ts';
import { dashboardFigures } from '../records/dashboard-figures.ts';
import { listRecent } from '../records/list-recent.ts';
import { readScopeOf } from '../records/read-scope.ts';
import { searchRecords } from '../records/search-records.ts';
import { recordHistory } from '../review/record-history.ts';
import { reviewQueue } from '../review/review-queue.ts';
import { reviewRecord } from '../review/review-record.ts';
import { REVIEW_ACTION_NAMES } from '../review/workflow.ts';
import type { Store } from '../store/store.ts';
import { parseRequest } from './errors.ts';
import { summarise, tally } from './record-summary.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  type: z.enum(RECORD_TYPES).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
});

const LookupQuery = z.object({
  q: z.string().trim().max(100).default(''),
  type: z.enum(['person', 'facility', 'organisation', 'source']),
});

const ReviewStep = z.object({
  action: z.enum(REVIEW_ACTION_NAMES as [string, ...string[]]),
  version: z.int().min(1),
  comment: z.string().max(4000).optional(),
});

/** How many hits a search looks at to count its facets, and how many it shows. */
const SEARCH_WINDOW = 500;
const SEARCH_SHOWN = 50;

/**
 * The researchers' workspace API: dashboard, search with facets, look-ups for the intake form,
 * vocabularies, record history, the review queue and review steps, and testimony intake. Every
 * answer is what the viewer may see, presented as summaries that carry no identifying field.
 */
export function registerWorkspaceRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  app.addHook('onSend', async (request, reply) => {
    // Nothing from the API is cached unless a route says it may be (public reference data, the portal).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/dashboard', async (request) => {
    const [{ counts, waiting }, recent] = await Promise.all([
      dashboardFigures(store, request.viewer),
      listRecent(store, request.viewer, 10),
    ]);
    return { counts, waiting, recent: recent.map(summarise) };
  });

  app.get('/api/search', async (request) => {
    const query = parseRequest(SearchQuery, request.query);
    const hits = await searchRecords(store, request.viewer, keys, query.q, {
      type: query.type,
      limit: SEARCH_WINDOW,
    });
    const facets = { type: tally(hits.map((h) => h.type)), status: tally(hits.map((h) => h.status)) };
    const chosen = query.status ? hits.filter((h) => h.status === query.status) : hits;
    return { total: chosen.length, facets, hits: chosen.slice(0, SEARCH_SHOWN).map(summarise) };
  });

  app.get('/api/lookup', async (request) => {
    const query = parseRequest(LookupQuery, request.query);
    const found =
      query.q === ''
        ? await listLatest(store, request.viewer, query.type)
        : await searchRecords(store, request.viewer, keys, query.q, { type: query.type, limit: 10 });
    return { options: found.map(summarise) };
  });

  app.get<{ Params: { id: string } }>('/api/vocabularies/:id', async (request, reply) => {
    const id = VOCABULARY_IDS.find((v) => v === request.params.id);
    if (!id) return reply.code(404).send({ error: 'no such vocabulary' });
    const { title, source, terms } = vocabulary(id);
    reply.header('Cache-Control', 'public, max-age=3600');
    return { id, title, source, terms: terms.map(({ code, en, ko, parent }) => ({ code, en, ko, parent })) };
  });

  app.get<{ Params: { id: string } }>('/api/records/:id/history', async (request, reply) => {
    const history = await recordHistory(store, request.viewer, keys, request.params.id);
    return history ?? reply.code(404).send({ error: 'no such record' });
  });

  // Provenance the other way: which records rest on, or point to, this one (at the viewer's levels).
  app.get<{ Params: { id: string } }>('/api/records/:id/referencing', async (request, reply) => {
    const target = await store.getRecord(request.params.id);
    const { levels, verifiedOnly } = readScopeOf(request.viewer, 'read-records');
    if (!target || !levels.includes(target.confidentiality) || request.viewer.role === 'public')
      return reply.code(404).send({ error: 'no such record' });
    const referencing = (await store.listReferencing(request.params.id)).filter(
      (r) => !r.deleted && levels.includes(r.confidentiality) && (!verifiedOnly || r.status === 'verified'),
    );
    return { records: referencing.slice(0, 200).map(summarise), total: referencing.length };
  });

  app.get('/api/review/queue', async (request) => ({ queue: await reviewQueue(store, request.viewer, 200) }));

  app.post<{ Params: { id: string } }>(
    '/api/review/:id',
    { preHandler: app.csrfProtection },
    async (request) => {
      const step = parseRequest(ReviewStep, request.body);
      return reviewRecord(store, request.viewer, keys, {
        id: request.params.id,
        action: step.action as Parameters<typeof reviewRecord>[3]['action'],
        version: step.version,
        comment: step.comment,
      });
    },
  );

  app.post('/api/intake', { preHandler: app.csrfProtection }, async (request, reply) => {
    const intake = parseRequest(TestimonyIntake, request.body);
    return reply.code(201).send(await recordTestimony(store, request.viewer, keys, intake));
  });
}

/** The latest records of one type the viewer may read (what a look-up offers before anything is typed). */
async function listLatest(store: Store, viewer: Viewer, type: RecordType) {
  const { levels, verifiedOnly } = readScopeOf(viewer, 'read-records');
  if (levels.length === 0 || viewer.role === 'public') return [];
  return store.listRecords({ type, limit: 10, levels, verifiedOnly });
}
