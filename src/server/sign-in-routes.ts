import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldKeys } from '../access/field-cipher.ts';
import { endSession, SESSION_POLICY, startSession } from '../accounts/sessions.ts';
import { signIn } from '../accounts/sign-in.ts';
import { LOCKOUT } from '../accounts/user-account.ts';
import type { Store } from '../store/store.ts';

/** The session cookie: an opaque random token, HttpOnly, SameSite=Strict, Secure over TLS. */
export const SESSION_COOKIE = 'daylight_session';

const SignInForm = z.object({
  username: z.string().max(64),
  password: z.string().max(1024),
  code: z.string().max(16),
});

/**
 * `POST /api/sign-in` (user name, password and two-factor code) and `POST /api/sign-out`, both with
 * the CSRF token of `GET /api/session` in the `X-CSRF-Token` header. Refusals say why without
 * saying which of the three was wrong.
 */
export function registerSignIn(
  app: FastifyInstance,
  store: Store,
  options: { keys: FieldKeys; now: () => Date; signInPerMinute: number },
): void {
  app.post(
    '/api/sign-in',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const form = SignInForm.safeParse(request.body);
      if (!form.success)
        return reply
          .code(400)
          .send({ error: 'missing', message: 'Enter your user name, password and code.' });
      const outcome = await signIn(store, options.keys, { ...form.data, now: options.now() });
      if (!outcome.ok) {
        const message =
          outcome.refusal === 'locked'
            ? `Too many failed attempts: this account is locked for ${LOCKOUT.minutes} minutes.`
            : 'The user name, password or code is wrong (or the account is disabled).';
        return reply.code(401).send({ error: outcome.refusal === 'locked' ? 'locked' : 'wrong', message });
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
        .send({ user: outcome.viewer.user, role: outcome.viewer.role });
    },
  );

  app.post('/api/sign-out', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(store, token);
    await store.appendAudit({
      at: options.now().toISOString(),
      actor: request.viewer.user,
      action: 'sign-out',
    });
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).send({ user: 'anonymous', role: 'public' });
  });
}
