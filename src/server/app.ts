import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import { homePage } from './home-page.ts';
import { summarise } from './record-summary.ts';

/**
 * The HTTP server. Routes are thin: read through the store, present through a presenter that
 * decides what may leave. Logs carry method, path and status only, never record content.
 */
export function buildServer(store: Store, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    );
    reply.header('Referrer-Policy', 'no-referrer');
  });

  app.get('/', async (_request, reply) => {
    const [counts, recent] = await Promise.all([store.countByType(), store.listRecords({ limit: 20 })]);
    reply.type('text/html; charset=utf-8');
    return homePage(counts, recent.map(summarise));
  });

  app.get('/api/counts', async () => store.countByType());

  return app;
}
