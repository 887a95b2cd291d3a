import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Words as the server counts them (src/advocacy/word-count.ts): runs between spaces holding a letter or digit. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}

/**
 * The words a paragraph with tags prints, as far as the browser can tell: a figure is one number
 * (the server's count, taken at each build, corrects "fewer than 5"), a source footnote is added by
 * the server, a note prints its text.
 */
export function printedWords(text: string): number {
  const printed = text
    .replace(/\{\{\s*figure:[^}]*\}\}/g, ' 0 ')
    .replace(/\{\{\s*source:[^}]*\}\}/g, ' ')
    .replace(/\{\{\s*note:([^}]*)\}\}/g, ' $1 ');
  return countWords(printed);
}

/** Paragraphs written one after another with a blank line between them. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Lines, each one item (recommendations, organisations). */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Problems the server named, by field, or the message of a failure. */
export function ProblemList({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <div role="alert" className="error">
      <p>
        {status === 403
          ? t('error.forbidden')
          : t('error.generic', { message: error instanceof Error ? error.message : String(error) })}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              <span className="code">{p.field}</span>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** POSTs JSON with the CSRF token and saves the answer (a file) under `name`. */
export async function downloadPosted(path: string, body: unknown, csrfToken: string, name: string) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as {
      error?: string;
      problems?: { field: string; message: string }[];
    };
    throw new ApiError(response.status, answer.error ?? response.statusText, answer.problems ?? []);
  }
  saveBlob(await response.blob(), name);
}

/** Offers a file to the browser's downloads. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The document as generated, shown in the page (Markdown text, as it will be downloaded). */
export function GeneratedText({ markdown, label }: { markdown: string; label: string }) {
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <pre className="generated" id="generated" tabIndex={0}>
        {markdown}
      </pre>
    </section>
  );
}

/**
 * A document form's buttons: generate (the form's submit), download as Word (the server renders
 * it; needs a session for the CSRF token) and as Markdown (built afresh, then saved); and the
 * notice while a build runs.
 */
export function GenerateButtons({
  busy,
  signedIn,
  downloadWord,
  downloadMarkdown,
}: {
  busy: boolean;
  signedIn: boolean;
  downloadWord: () => void;
  downloadMarkdown: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {t('advocacy.generate')}
        </button>
        <button type="button" disabled={busy || !signedIn} onClick={downloadWord}>
          {t('advocacy.downloadWord')}
        </button>
        <button type="button" disabled={busy} onClick={downloadMarkdown}>
          {t('advocacy.downloadMarkdown')}
        </button>
      </div>
      {busy && (
        <p role="status" className="note">
          {t('advocacy.building')}
        </p>
      )}
    </>
  );
}

/** The last generated document with its word and figure counts, once there is one. */
export function BuiltDocument({
  built,
}: {
  built: { words: number; figures: readonly unknown[]; markdown: string } | undefined;
}) {
  const { t, number } = useI18n();
  if (!built) return null;
  return (
    <>
      <p className="done" role="status">
        {t('advocacy.generated', { words: number(built.words), figures: built.figures.length })}
      </p>
      <GeneratedText markdown={built.markdown} label={t('advocacy.generatedText')} />
    </>
  );
}
