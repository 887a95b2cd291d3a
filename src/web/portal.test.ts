import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { revealRecord } from '../access/field-cipher.ts';
import { accessibilityViolations, launchBrowser, newContext, screenshot } from './testing/browser.ts';
import { type DemoServer, startDemoServer } from './testing/demo-server.ts';
import { signInAs } from './testing/sign-in.ts';

// The public portal in a real browser: only what is published, verified, consented and
// anonymised; a restricted record is not there, whoever is signed in, and no name appears.

describe('the public portal in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows published figures and places, and never a restricted record or a name', async () => {
    const restricted = (
      await server.store.listRecords({ type: 'person', levels: ['restricted'], limit: 1 })
    )[0];
    assert.ok(restricted?.type === 'person', 'the demo has a restricted person');
    const names = (await server.store.listRecords({ type: 'person', limit: 100_000 })).flatMap((p) => {
      const person = revealRecord(p as never, server.keys) as { names?: { value: string }[] };
      return (person.names ?? []).map((n) => n.value);
    });
    assert.ok(names.length > 100);

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const texts: string[] = [];
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));

    await page.goto('/portal');
    await page.locator('#figures').waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the figures page meets WCAG 2.1 AA');
    await screenshot(page, 'portal-en');
    texts.push(await page.locator('body').innerText());
    // Small counts are hidden in what the public sees.
    const cells = await page.locator('#figures td').allInnerTexts();
    for (const cell of cells) assert.ok(cell === 'hidden' || Number(cell.replace(/\D/g, '')) >= 5, cell);

    await page.getByRole('link', { name: 'Places of detention' }).click();
    const facility = page.locator('table a').first();
    await facility.waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    texts.push(await page.locator('body').innerText());
    await facility.click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Facility' }).waitFor();
    assert.match(page.url(), /\/portal\/records\/F-/, 'a shareable address');
    assert.deepEqual(await accessibilityViolations(page), []);
    texts.push(await page.locator('body').innerText());
    // The address works on its own (a shared link).
    const shared = await (await newContext(browser, server.url)).newPage();
    await shared.goto(page.url());
    await shared.getByRole('heading', { level: 1 }).filter({ hasText: 'Facility' }).waitFor();

    // A restricted person: not by address, not by search — even for a signed-in coordinator.
    await signInAs(page, 'coordinator');
    await page.goto(`/portal/records/${restricted.id}`);
    await page.getByRole('alert').filter({ hasText: 'Not found' }).waitFor();
    assert.equal((await page.request.get(`/api/public/records/${restricted.id}`)).status(), 404);
    await page.goto(`/portal/search?q=${encodeURIComponent(restricted.code)}`);
    await page.getByRole('status').filter({ hasText: 'found' }).waitFor();
    assert.equal(await page.getByRole('link', { name: restricted.id }).count(), 0);
    assert.deepEqual(await accessibilityViolations(page), []);
    texts.push(await page.locator('body').innerText());

    const seen = `${texts.join('\n')}\n${visited.join('\n')}`;
    for (const name of names) assert.equal(seen.includes(name), false, 'a name appeared in the portal');
    await context.close();
  });
});
