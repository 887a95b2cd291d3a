import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldKeys } from '../access/field-cipher.ts';
import { endSession, SESSION_POLICY, startSession } from '../accounts/sessions.ts';
import { signIn } from '../accounts/sign-in.ts';
import { LOCKOUT } from '../accounts/user-account.ts';
import type { Store } from '../store/store.ts';
import type { PageContext } from './layout.ts';
import { signInPage } from './sign-in-page.ts';

/** The session cookie: an opaque random token, HttpOnly, SameSite=Strict, Secure over TLS. */
export const SESSION_COOKIE = 'daylight_session';

const SignInForm = z.object({
  username: z.string().max(64),
  password: z.string().max(1024),
  code: z.string().max(16),
});

/** GET/POST /sign-in and POST /sign-out. Both posts need the form's CSRF token. */
export function registerSignIn(
  app: FastifyInstance,
  store: Store,
  options: {
    keys: FieldKeys;
    now: () => Date;
    pageContext: (request: FastifyRequest, reply: FastifyReply) => PageContext;
    signInPerMinute: number;
  },
): void {
  const page = (request: FastifyRequest, reply: FastifyReply, status: number, error?: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(signInPage(options.pageContext(request, reply), error));

  app.get('/sign-in', async (request, reply) => page(request, reply, 200));

  app.post(
    '/sign-in',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const form = SignInForm.safeParse(request.body);
      if (!form.success) return page(request, reply, 400, 'Enter your user name, password and code.');
      const outcome = await signIn(store, options.keys, { ...form.data, now: options.now() });
      if (!outcome.ok) {
        const message =
          outcome.refusal === 'locked'
            ? `Too many failed attempts: this account is locked for ${LOCKOUT.minutes} minutes.`
            : 'The user name, password or code is wrong (or the account is disabled).';
        return page(request, reply, 401, message);
      }
      const token = await startSession(store, outcome.viewer.user, options.now());
      return reply
        .setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: 'auto',
          path: '/',
          maxAge: SESSION_POLICY.absoluteHours * 3600,
        })
        .redirect('/', 303);
    },
  );

  app.post('/sign-out', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(store, token);
    await store.appendAudit({
      at: options.now().toISOString(),
      actor: request.viewer.user,
      action: 'sign-out',
    });
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect('/', 303);
  });
}
