import { hkdfSync } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { USE_CASES } from '../access/permissions.ts';
import { PUBLIC_VIEWER, type Viewer } from '../access/roles.ts';
import { resumeSession } from '../accounts/sessions.ts';
import { explainFigure, FigureError } from '../provenance/explain-figure.ts';
import { FigureQuery } from '../provenance/figure-query.ts';
import { countRecords } from '../records/count-records.ts';
import { readRecord } from '../records/read-record.ts';
import type { Store } from '../store/store.ts';
import { UprFilter } from '../upr/upr-recommendation.ts';
import { registerAdvocacyRoutes } from './advocacy-routes.ts';
import { registerErrorHandler } from './errors.ts';
import { registerJobRoutes } from './job-routes.ts';
import { registerLinkageRoutes } from './linkage-routes.ts';
import { registerPortalRoutes } from './portal-routes.ts';
import { registerSignIn, SESSION_COOKIE } from './sign-in-routes.ts';
import { registerStatsRoutes } from './stats-routes.ts';
import { registerWebClient } from './web-client.ts';
import { registerWorkspaceRoutes } from './workspace-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: the signed-in user, or the public. Set for every request. */
    viewer: Viewer;
    /** The hash of the session token when signed in (binds CSRF tokens to the session). */
    sessionId: string | undefined;
  }
}

export type ServerOptions = {
  /** Unlocks the TOTP secrets and identifying fields the viewer may see. */
  keys: FieldKeys;
  logger?: boolean;
  /** The clock (tests move it to expire sessions). */
  now?: () => Date;
  /** Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers. */
  trustProxy?: boolean;
  /** Requests per minute per address: all routes, and sign-in attempts. */
  rateLimit?: { perMinute: number; signInPerMinute: number };
};

export const DEFAULT_RATE_LIMIT = { perMinute: 600, signInPerMinute: 10 } as const;

/**
 * The HTTP server. Routes are thin: they call use-cases with the request's viewer and present the
 * answer through a presenter that decides what may leave. Logs carry method, path and status only,
 * never record content, form fields or cookies.
 */
export async function buildServer(store: Store, options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const limits = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyRateLimit, { max: limits.perMinute, timeWindow: '1 minute' });
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', secure: 'auto' },
    getUserInfo: (request: FastifyRequest) => request.sessionId ?? 'anonymous',
    // The token's HMAC key comes from the database keys, so every server process shares it.
    csrfOpts: {
      hmacKey: Buffer.from(hkdfSync('sha256', options.keys.indexKey, Buffer.alloc(0), 'daylight csrf', 32)),
    },
    getToken: (request: FastifyRequest) =>
      ((request.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
      (request.headers['x-csrf-token'] as string | undefined),
  });

  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('sessionId', undefined);
  app.addHook('onRequest', async (request) => {
    request.viewer = PUBLIC_VIEWER;
    request.sessionId = undefined;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resumeSession(store, token, now());
    if (session) {
      request.viewer = session.viewer;
      request.sessionId = session.sessionId;
    }
  });

  registerErrorHandler(app);
  registerSignIn(app, store, { keys: options.keys, now, signInPerMinute: limits.signInPerMinute });

  // Who is signed in, and the CSRF token the browser sends with every change it asks for.
  app.get('/api/session', async (request, reply) => ({
    user: request.viewer.user,
    role: request.viewer.role,
    // What the role may do at all (the menu shows what the user can use; each route still checks).
    rights: USE_CASES.filter((useCase) => isAllowed(request.viewer, useCase)),
    csrfToken: reply.generateCsrf({ userInfo: request.sessionId ?? 'anonymous' }),
  }));

  app.get('/api/counts', async (request) => countRecords(store, request.viewer));
  registerStatsRoutes(app, store, options.keys);

  app.get<{ Params: { id: string } }>('/api/records/:id', async (request, reply) => {
    const record = await readRecord(store, request.viewer, options.keys, request.params.id);
    reply.header('Cache-Control', 'no-store');
    if (!record) return reply.code(404).send({ error: 'no such record' });
    return record;
  });

  // The UPR knowledge base is public reference data: anyone may browse it.
  app.get('/api/upr/recommendations', async (request, reply) => {
    const filter = UprFilter.safeParse(request.query);
    if (!filter.success)
      return reply.code(400).send({
        error: 'bad filter',
        problems: filter.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
    return store.searchUprRecommendations(filter.data);
  });

  app.get<{ Querystring: { state_under_review?: string; session?: string } }>(
    '/api/upr/state-claims',
    async (request) => ({
      claims: await store.uprStateClaims({
        state_under_review: request.query.state_under_review,
        session: request.query.session === undefined ? undefined : Number(request.query.session),
      }),
    }),
  );

  app.get<{ Querystring: { state_under_review?: string } }>('/api/upr/reviews', async (request) => ({
    reviews: await store.uprReviews({ state_under_review: request.query.state_under_review }),
  }));

  app.get('/api/explain', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (request.viewer.role === 'public')
      return reply.code(403).send({ error: 'sign in to explain figures' });
    const query = FigureQuery.safeParse(request.query);
    if (!query.success)
      return reply.code(400).send({
        error: 'bad figure',
        problems: query.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
    try {
      return await explainFigure(store, request.viewer, options.keys, query.data);
    } catch (error) {
      if (error instanceof FigureError)
        return reply
          .code(400)
          .send({ error: 'bad figure', problems: [{ field: 'standard', message: error.message }] });
      throw error;
    }
  });

  registerWorkspaceRoutes(app, store, options.keys);
  registerAdvocacyRoutes(app, store, options.keys);
  registerLinkageRoutes(app, store, options.keys);
  registerJobRoutes(app, store, options.keys);
  registerPortalRoutes(app, store, options.keys);
  await registerWebClient(app);
  return app;
}
