import type { FieldKeys } from '../access/field-cipher.ts';
import type { Role } from '../access/roles.ts';
import { addDemoAccounts, DEMO_PASSWORD, demoCode } from '../demo/demo-accounts.ts';
import { buildServer } from '../server/app.ts';
import type { Store } from '../store/store.ts';
import { CookieClient } from './http-client.ts';

/** A browser signed in as one role's demo account, with the CSRF token of its session. */
export type SignedIn = {
  client: CookieClient;
  token: string;
  get: (path: string) => Promise<Response>;
  post: (path: string, body: unknown) => Promise<Response>;
};

/**
 * A real server over `store` on a free loopback port, with one demo account per staff role (named
 * after the role), and browsers signed in as them (each role signs in once: codes are not reused).
 */
export async function serveWithAccounts(store: Store, keys: FieldKeys) {
  await addDemoAccounts(store, keys, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const app = await buildServer(store, { keys, rateLimit: { perMinute: 100_000, signInPerMinute: 1000 } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const signedIn = new Map<Role, Promise<SignedIn>>();
  const signIn = async (role: Role): Promise<SignedIn> => {
    const client = new CookieClient(url);
    const response = await client.signIn(role, DEMO_PASSWORD, demoCode());
    if (response.status !== 200) throw new Error(`sign-in as ${role}: ${response.status}`);
    const token = await client.csrfToken();
    return {
      client,
      token,
      get: (path) => client.get(path),
      post: (path, body) => client.post(path, body, token),
    };
  };
  return {
    app,
    url,
    /** A browser signed in as the demo account of `role`. */
    as(role: Role): Promise<SignedIn> {
      let session = signedIn.get(role);
      if (!session) {
        session = signIn(role);
        signedIn.set(role, session);
      }
      return session;
    },
    /** A browser that has not signed in. */
    anonymous: () => new CookieClient(url),
    close: () => app.close(),
  };
}

/** The JSON body of a response (typed loosely, for assertions). */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
