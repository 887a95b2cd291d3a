import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` (Vite) writes the browser application. */
export const WEB_CLIENT_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * Serves the browser application: its built files, and its one page for every other address that
 * is not the API (the application routes in the browser, so shared links work). The page is the
 * same for everyone; what it shows comes from the API, which decides what may leave.
 */
export async function registerWebClient(app: FastifyInstance, dir = WEB_CLIENT_DIR): Promise<void> {
  const indexFile = `${dir}index.html`;
  const built = existsSync(indexFile);
  if (built)
    await app.register(fastifyStatic, {
      root: dir,
      index: false,
      wildcard: false,
      // Built files carry a content hash in their names: cache them for good.
      immutable: true,
      maxAge: '365d',
    });
  const page = built
    ? readFileSync(indexFile, 'utf8')
    : '<!doctype html><html lang="en"><title>Daylight</title><p>The web application is not built: run <code>npm run build:web</code>.</p></html>';
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path))
      return reply.code(404).send({ error: 'not found' });
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(page);
  });
}
