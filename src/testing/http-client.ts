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

  /** Posts a urlencoded form. */
  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The CSRF token in a page's form. */
  static csrfToken(page: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(page);
    if (!match) throw new Error('no CSRF token in the page');
    return match[1] as string;
  }

  /** Opens the sign-in page, then posts the credentials with the page's CSRF token. */
  async signIn(username: string, password: string, code: string): Promise<Response> {
    const token = CookieClient.csrfToken(await (await this.get('/sign-in')).text());
    return this.post('/sign-in', { _csrf: token, username, password, code });
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
