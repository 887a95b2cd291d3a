import type { Viewer } from '../access/roles.ts';
import { html, type SafeHtml } from './html.ts';

/** Who is looking, and the CSRF token their forms carry. */
export type PageContext = { viewer: Viewer; csrfToken: string };

/** The frame of every page: title, styles, and the signed-in user with a sign-out button (or a sign-in link). */
export function layout(title: string, context: PageContext, main: SafeHtml): string {
  const { viewer, csrfToken } = context;
  const account =
    viewer.role === 'public'
      ? html`<a href="/sign-in">Sign in</a>`
      : html`<form method="post" action="/sign-out" class="account">Signed in as <strong>${viewer.user}</strong> (${viewer.role})
<input type="hidden" name="_csrf" value="${csrfToken}"> <button type="submit">Sign out</button></form>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Daylight</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .note { color: #555; } .error { color: #a40000; font-weight: 600; }
  label { display: block; margin: .6rem 0 .2rem; } input[type=text], input[type=password] { font: inherit; padding: .3rem; width: 18rem; }
  button { font: inherit; padding: .3rem .8rem; margin-top: .8rem; } form.account button { margin: 0; }
</style>
</head>
<body>
<header><h1><a href="/">Daylight</a></h1>${account}</header>
<main>
${main}
</main>
</body>
</html>
`.value;
}
