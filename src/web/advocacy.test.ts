import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { minutesAndSeconds } from '../advocacy/statement-timing.ts';
import { testMeta, testRecords } from '../testing/factories.ts';
import { accessibilityViolations, launchBrowser, newContext, screenshot } from './testing/browser.ts';
import { type DemoServer, startDemoServer } from './testing/demo-server.ts';
import { signInAs } from './testing/sign-in.ts';

// The advocacy pages, linkage review and jobs in a real browser (Debian's Chromium) against the
// real server over the demo database: filters, live counts while typing, forms, a job's progress;
// every page checked against WCAG 2.1 AA with axe-core and kept as a screenshot.

async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(', ')}`),
    [],
    `WCAG 2.1 AA violations on ${what}`,
  );
}

/** Types at the very end of a text area, as a user does. */
async function typeAtEnd(page: Page, label: string, text: string): Promise<void> {
  const area = page.getByLabel(label, { exact: true });
  await area.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function numberAttribute(page: Page, selector: string, name: string): Promise<number> {
  const locator = page.locator(`${selector}[${name}]`);
  await locator.waitFor();
  return Number(await locator.getAttribute(name));
}

describe('advocacy pages in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    context = await newContext(browser, server.url);
    page = await context.newPage();
    await signInAs(page, 'coordinator');
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('filters UPR recommendations and pages through them; lists the reviews', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'UPR recommendations' })
      .click();
    const all = await numberAttribute(page, '#upr-total', 'data-total');
    assert.ok(all > 100, `the shipped data holds the DPRK's recommendations (${all})`);
    await page.getByLabel('Recommending state').fill('Germany');
    await page.getByLabel('Response', { exact: true }).selectOption('noted');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator(`#upr-total:not([data-total="${all}"])`).waitFor();
    const some = await numberAttribute(page, '#upr-total', 'data-total');
    assert.ok(some > 0 && some < all, `${some} of ${all}`);
    const rows = page.locator('#upr-table tbody tr');
    assert.equal(await rows.count(), Math.min(some, 20));
    for (const text of await rows.locator('td:nth-child(2)').allTextContents()) assert.match(text, /Germany/);
    for (const text of await rows.locator('td:nth-child(4)').allTextContents()) assert.equal(text, 'Noted');
    await page.getByRole('heading', { name: 'Reviews of the DPRK' }).waitFor();
    await assertAccessible(page, 'the UPR browser');
    await screenshot(page, 'upr-en');
    // Paging, by keyboard.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator(`#upr-total[data-total="${all}"]`).waitFor();
    await page.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`21–40 of ${all.toLocaleString('en-GB')} recommendations`).waitFor();
  });

  it('counts the submission’s words while typing, and generates it with figures from the verified acts', async () => {
    await page.goto('/submission');
    const words = await numberAttribute(page, '#word-count', 'data-words');
    assert.ok(words > 200, String(words));
    await typeAtEnd(
      page,
      'The organisation and its methodology (paragraphs separated by a blank line)',
      '\n\nFive more words are here.',
    );
    await page.locator(`#word-count[data-words="${words + 5}"]`).waitFor();
    assert.match(await page.locator('#word-count').innerText(), /of 2,815 words/);
    await page.getByRole('button', { name: 'Generate' }).click();
    const generated = page.locator('#generated');
    await generated.filter({ hasText: 'Five more words are here.' }).waitFor();
    assert.match(await generated.innerText(), /we verified [\d,]+ acts of torture/);
    // The server's count of the generated document is what the page now shows.
    const done = await page.getByRole('status').filter({ hasText: 'Generated:' }).innerText();
    assert.match(done, new RegExp(`Generated: ${(words + 5).toLocaleString('en-GB')} words`));
    await assertAccessible(page, 'the submission builder');
    await screenshot(page, 'submission-en');
  });

  it('times the statement as it is typed against the five-minute slot', async () => {
    await page.goto('/statement');
    const words = await numberAttribute(page, '#speaking-time', 'data-words');
    await typeAtEnd(
      page,
      'Closing',
      ' We thank the Council for its attention to these survivors and their families today.',
    );
    const now = words + 14;
    await page.locator(`#speaking-time[data-words="${now}"]`).waitFor();
    const text = await page.locator('#speaking-time').innerText();
    assert.ok(text.includes(`${minutesAndSeconds(now / 130)} at 130 words per minute`), text);
    assert.match(text, /shorter than the slot: \d+ words to spare/);
    await assertAccessible(page, 'the statement builder');
    await screenshot(page, 'statement-en');
  });

  it('records one of our recommendations, a meeting and an ask in the delegation tracker', async () => {
    await page.goto('/delegations');
    const ours = page.locator('#add-ours');
    await ours.getByLabel('Id').fill('R1');
    await ours.getByLabel('Text').fill('Grant the Special Rapporteur access to all places of detention.');
    await ours.getByRole('button', { name: 'Save' }).click();
    await page.locator('#ours tbody tr').filter({ hasText: 'R1' }).waitFor();

    const meeting = page.locator('#add-meeting');
    await meeting.getByLabel('State').fill('Germany');
    await meeting.getByLabel('Date').fill('2026-11-20');
    await meeting.getByLabel('Place').fill('Geneva');
    await meeting.getByLabel('Notes (sealed with the data key)').fill('Met the deputy head of mission.');
    await meeting.getByRole('button', { name: 'Save' }).click();
    await page.locator('#meetings tbody tr').filter({ hasText: 'Geneva' }).waitFor();
    assert.equal(await page.getByText('Met the deputy head of mission.').count(), 1, 'only in the form');

    const ask = page.locator('#add-ask');
    await ask.getByLabel('Our recommendation').selectOption('R1');
    await ask.getByRole('button', { name: 'Save' }).click();
    await ask.getByRole('alert').filter({ hasText: 'state' }).waitFor();
    await ask.getByLabel('State').fill('Germany');
    await ask.getByLabel('At meeting').selectOption('1');
    await ask.getByLabel('Status').selectOption('agreed');
    await ask.getByLabel('Follow up by').fill('2026-12-15');
    await ask.getByRole('button', { name: 'Save' }).click();
    const row = page.locator('#asks tbody tr').filter({ hasText: 'Agreed to make it' });
    await row.waitFor();
    assert.match(await row.innerText(), /Germany[\s\S]*R1[\s\S]*2026-12-15/);
    await assertAccessible(page, 'the delegation tracker');
    await screenshot(page, 'delegations-en');
  });

  it('imports a file uploaded from the browser as a job whose progress reaches 100%', async () => {
    await page.goto('/jobs');
    const t = testRecords();
    const persons = Array.from({ length: 30 }, (_, i) => ({
      ...t.victim,
      ...testMeta(`P-WEB-${i}`),
      code: `V-8${String(i).padStart(5, '0')}`,
    }));
    await page.getByLabel('JSON Lines (.jsonl) or CSV (.csv) file').setInputFiles({
      name: 'people.jsonl',
      mimeType: 'application/json',
      buffer: Buffer.from(persons.map((p) => JSON.stringify(p)).join('\n')),
    });
    await page.getByRole('button', { name: 'Start the import' }).click();
    const job = page.locator('ul.jobs > li[data-state="done"]').first();
    await job.waitFor();
    const progress = job.locator('progress');
    assert.equal(await progress.getAttribute('value'), '30');
    assert.equal(await progress.getAttribute('max'), '30');
    assert.match(await job.innerText(), /Done · 30 \/ 30 \(100%\)/);
    assert.match(await job.innerText(), /New records\s+30/);
    assert.ok(await server.store.getRecord('P-WEB-29'));
    await assertAccessible(page, 'the jobs page');
    await screenshot(page, 'jobs-en');
  });

  it('shows the linkage review queue with explained weights and no names', async () => {
    await page.goto('/jobs');
    await page.getByRole('button', { name: 'Run linkage (persons and facilities)' }).click();
    await page
      .locator('ul.jobs > li[data-state="done"]')
      .filter({ hasText: 'Linkage run' })
      .waitFor({ timeout: 60_000 });
    await page.goto('/linkage');
    await page.getByRole('heading', { name: /pairs waiting/ }).waitFor();
    const pairs = page.locator('article.pair');
    if ((await pairs.count()) > 0) {
      const first = pairs.first();
      await first.getByRole('table').getByText('Total weight').waitFor();
      const pair = (await first.getAttribute('data-pair')) ?? '';
      await first.getByRole('button', { name: 'Merge: the same' }).click();
      await page.getByRole('status').filter({ hasText: 'Recorded: the same' }).waitFor();
      await page
        .locator('#decisions tbody tr')
        .filter({ hasText: pair.split('|')[0] as string })
        .waitFor();
      await page
        .locator('#decisions')
        .getByRole('button', { name: /^Undo decision/ })
        .first()
        .click();
      await page.getByRole('status').filter({ hasText: 'Undone' }).waitFor();
    }
    await assertAccessible(page, 'the linkage review queue');
    await screenshot(page, 'linkage-en');
  });

  it('shows the UPR browser in Korean', async () => {
    const korean = await newContext(browser, server.url, 'ko-KR');
    const ko = await korean.newPage();
    await signInAs(ko, 'advocate');
    await ko.goto('/upr');
    await ko.getByRole('heading', { name: 'UPR 권고', level: 1 }).waitFor();
    await ko.locator('#upr-total[data-total]').waitFor();
    await ko.getByLabel('북한의 답변').selectOption('supported');
    await ko.getByRole('button', { name: '거르기' }).click();
    await ko.locator('#upr-table tbody tr td:nth-child(4)').filter({ hasText: '수용' }).first().waitFor();
    await assertAccessible(ko, 'the UPR browser in Korean');
    await screenshot(ko, 'upr-ko');
    await korean.close();
  });
});
