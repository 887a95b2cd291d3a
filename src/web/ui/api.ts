/** A problem the server found with a request, by field. */
export type Problem = { field: string; message: string };

/** An answer other than success: the status and what the server said. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, message: string, problems: Problem[] = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

/** Who is signed in, and the token to send with changes. */
export type Session = { user: string; role: string; rights: string[]; csrfToken: string };

let csrfToken = '';

/** Asks the server who is signed in (and for a fresh CSRF token for this session). */
export async function fetchSession(): Promise<Session> {
  const session = await getJson<Session>('/api/session');
  csrfToken = session.csrfToken;
  return session;
}

/** GETs JSON from the API. */
export async function getJson<T>(
  path: string,
  params?: Record<string, string | number | undefined>,
): Promise<T> {
  const query = params
    ? new URLSearchParams(
        Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
      ).toString()
    : '';
  return answer<T>(
    await fetch(query ? `${path}?${query}` : path, { headers: { accept: 'application/json' } }),
  );
}

/** POSTs JSON to the API with the session's CSRF token. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  if (!csrfToken) await fetchSession();
  return answer<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: string;
    message?: string;
    problems?: Problem[];
  };
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.message ?? body.error ?? response.statusText,
      body.problems ?? [],
    );
  return body as T;
}

/** A record summary as the API presents it: no identifying field. */
export type RecordSummary = {
  id: string;
  type: string;
  label: string;
  label_ko: string;
  status: string;
  confidentiality: string;
  updated_at: string;
};

/** A vocabulary term. */
export type Term = { code: string; en: string; ko: string; parent?: string };

const vocabularies = new Map<string, Promise<Term[]>>();

/** A shipped vocabulary's terms (fetched once). */
export function vocabularyTerms(id: string): Promise<Term[]> {
  let terms = vocabularies.get(id);
  if (!terms) {
    terms = getJson<{ terms: Term[] }>(`/api/vocabularies/${id}`).then((v) => v.terms);
    vocabularies.set(id, terms);
  }
  return terms;
}
