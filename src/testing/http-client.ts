/**
 * A minimal HTTP client for tests that keeps cookies like a browser (per name, set by the server)
 * and never follows redirects, so that tests see every status and header.
 */
export class CookieClient {
  readonly base: string;
  readonly cookies = new Map<string, string>();
  /** Extra headers sent with every request (e.g. X-Forwarded-Proto). */
  readonly headers: Record<string, string>;

  constructor(base: string, headers: Record<string, string> = {}) {
    this.base = base;
    this.headers = headers;
  }

  async get(path: string): Promise<Response> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts JSON with the CSRF token (from `csrfToken()`) in its header, if given. */
  async post(path: string, body: unknown, csrfToken?: string): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify(body),
    });
  }

  /** The CSRF token the server gives this browser for its current session. */
  async csrfToken(): Promise<string> {
    const session = (await (await this.get('/api/session')).json()) as { csrfToken: string };
    return session.csrfToken;
  }

  /** Who the server says is signed in. */
  async session(): Promise<{ user: string; role: string }> {
    const { user, role } = (await (await this.get('/api/session')).json()) as { user: string; role: string };
    return { user, role };
  }

  /** Signs in as the browser does: a CSRF token first, then the credentials. */
  async signIn(username: string, password: string, code: string): Promise<Response> {
    return this.post('/api/sign-in', { username, password, code }, await this.csrfToken());
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string>),
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return response;
  }
}
