import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, newContext, screenshot } from './testing/browser.ts';
import { type DemoServer, startDemoServer } from './testing/demo-server.ts';
import { signInAs, signOut } from './testing/sign-in.ts';

// The workspace in a real browser (Debian's Chromium) against the real server and database: a
// testimony coded by an investigator, reviewed by another user, counted in the statistics; every
// page checked against WCAG 2.1 AA with axe-core and kept as a screenshot.

/** Fails with the list of axe's findings, if any. */
async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(', ')}`),
    [],
    `WCAG 2.1 AA violations on ${what}`,
  );
}

/** Chooses an option of a search-as-you-type field by typing and pressing Enter, as a keyboard user does. */
async function choose(
  page: Page,
  label: string | RegExp,
  text: string,
  scope = page.locator('body'),
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.fill(text);
  const list = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
  await list.locator('[role="option"]:not([aria-disabled])').first().waitFor();
  await input.press('Enter');
}

describe('the workspace in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes a testimony from intake through review by another user into the statistics', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const tortureActs = async () => {
      const response = await page.request.get(
        '/api/stats/table?rows=act_type_top&measure=acts&basis=verified',
      );
      const body = (await response.json()) as { table: { rows: { key: string }[]; cells: number[][] } };
      const row = body.table.rows.findIndex((r) => r.key === 'TORTURE');
      return row < 0 ? 0 : (body.table.cells[row]?.[0] ?? 0);
    };

    await signInAs(page, 'investigator');
    await assertAccessible(page, 'the dashboard');
    await screenshot(page, 'dashboard-en');
    const before = await tortureActs();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New testimony' }).click();
    await page.getByRole('heading', { name: 'New testimony', level: 1 }).waitFor();
    await assertAccessible(page, 'the intake form');
    const interview = page.getByRole('group', { name: 'The interview' });
    await interview
      .getByRole('group', { name: 'Date of the interview' })
      .getByLabel('Date (or start)')
      .fill('2026-10-14');
    await page.getByLabel('Name in Hangul').fill('김영희');
    await page.getByLabel('Sex').selectOption('female');
    const birth = page.getByRole('group', { name: 'Birth' });
    await birth.getByLabel('Date (or start)').fill('1978');
    await birth.getByLabel('approximately').check();
    await choose(page, 'Province of origin', 'Hamgyong');
    const act = page.getByRole('group', { name: 'Act 1' });
    await choose(page, 'What was done (kind of violation)', 'beating', act);
    await choose(page, 'Where (facility)', 'Jongo', act);
    await act.getByRole('group', { name: 'When' }).getByLabel('Date (or start)').fill('2019-03');
    await choose(page, 'Law invoked', 'Reactionary', act);
    await choose(page, 'International norms breached', 'ICCPR', act);
    await act.getByLabel('What happened (Korean)').fill('취조 중 구타를 당했다.');
    // The interviewee agreed to anonymised publication and to sharing with the UN.
    await interview.getByLabel('Anonymised publication').check();
    await interview.getByLabel('Sharing with the UN').check();
    await screenshot(page, 'intake-en');
    await page.getByRole('button', { name: 'Record and send to review' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    const actLink = page.getByRole('link', { name: 'Act 1' });
    const actPath = (await actLink.getAttribute('href')) ?? '';
    const personPath = (await page.getByRole('link', { name: 'The interviewee' }).getAttribute('href')) ?? '';
    assert.match(actPath, /^\/records\/A-/);

    await page.goto(personPath);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Person' }).waitFor();
    await assertAccessible(page, 'a person page');
    await screenshot(page, 'person-en');
    assert.equal(await page.getByText('김영희').count(), 1, 'the investigator sees the name they coded');

    // Four eyes: the coder may not verify; a reviewer may.
    await page.goto(actPath);
    await page.getByText('Submitted', { exact: true }).first().waitFor();
    await signOut(page);
    await signInAs(page, 'reviewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    await page.locator('#queue').waitFor();
    await assertAccessible(page, 'the review queue');
    await page.goto(actPath);
    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: Verify' }).waitFor();
    await page.locator('[data-status="verified"]').waitFor();
    await assertAccessible(page, 'an act page');

    // It counts: on the verified basis, one more act of torture.
    assert.equal(await tortureActs(), before + 1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await page.getByLabel('On which evidence').selectOption('verified');
    await page.getByLabel('Count what').selectOption('acts');
    const cell = page.locator('#stats tr[data-key="TORTURE"] td').first();
    await cell.waitFor();
    await cell.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor();
    await assertAccessible(page, 'the analysis page');
    await screenshot(page, 'analysis-en');
    // The figure is traced to its acts: the new act is among them.
    await cell.getByRole('link').click();
    await page.getByRole('heading', { name: 'The acts behind a figure' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `: ${before + 1}.` })
      .waitFor();
    const explained = (await (
      await page.request.get(`/api/explain?${new URL(page.url()).search.slice(1)}`)
    ).json()) as {
      acts: { id: string }[];
    };
    assert.ok(
      explained.acts.some((a) => `/records/${a.id}` === actPath),
      'the new act is behind the figure',
    );
    await assertAccessible(page, 'the explanation of a figure');

    // …and in a submission generated now, by an advocate's coordinator.
    await signOut(page);
    await signInAs(page, 'coordinator');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Submission' }).click();
    await page.getByRole('button', { name: 'Generate' }).click();
    await page
      .locator('#generated')
      .filter({ hasText: `we verified ${(before + 1).toLocaleString('en-GB')} acts of torture` })
      .waitFor();
    await context.close();
  });
});
