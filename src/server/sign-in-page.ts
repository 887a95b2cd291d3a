import { html } from './html.ts';
import { layout, type PageContext } from './layout.ts';

/** The sign-in form: user name, password and the six-digit code of the authenticator app. */
export function signInPage(context: PageContext, error?: string): string {
  return layout(
    'Sign in',
    context,
    html`<h2>Sign in</h2>
${error ? html`<p class="error" role="alert" id="sign-in-error">${error}</p>` : ''}
<form method="post" action="/sign-in" id="sign-in">
<input type="hidden" name="_csrf" value="${context.csrfToken}">
<label for="username">User name</label><input type="text" id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<label for="code">Code from your authenticator app</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
<button type="submit">Sign in</button>
</form>`,
  );
}
