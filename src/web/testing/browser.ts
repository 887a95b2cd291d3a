import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: the real binary behind the `/usr/bin/chromium` wrapper script. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => path !== undefined && existsSync(path));
  if (!found)
    throw new Error(
      'Chromium not found: install Debian’s chromium (apt-get install chromium) or set CHROMIUM_PATH',
    );
  return found;
}

/** Launches headless Chromium (as root in CI, hence no sandbox). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

/**
 * A browser context as a user in a given locale. CSP is bypassed only so that the test can inject
 * axe-core; the application itself runs under the server's policy in every other respect.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  locale = 'en-GB',
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, bypassCSP: true, viewport: { width: 1280, height: 900 } });
}

/** Where screenshots go: `artifacts/screenshots/` at the root of the checkout (CI keeps it). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

/** Fields that identify someone (shown, or typed into a form): painted over in every screenshot, even of synthetic data. */
const IDENTIFYING = [
  ...['names', 'birth', 'contact'].map((field) => `[data-field="${field}"] dd`),
  '[data-identifying]',
].join(', ');

/** Saves a full-page screenshot as `artifacts/screenshots/NAME.png`, identifying fields masked. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, mask: [page.locator(IDENTIFYING)] });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One WCAG failure axe found: the rule and where. */
export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // These functions run in the page (where `globalThis` is the window), not in Node.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
