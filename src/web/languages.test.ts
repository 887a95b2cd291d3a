import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchBrowser, newContext, screenshot } from './testing/browser.ts';
import { type DemoServer, startDemoServer } from './testing/demo-server.ts';
import { signInAs } from './testing/sign-in.ts';

// Korean and English: Korean by default when the browser asks for it, switchable on every page,
// remembered; keyboard use; and text from records always shown as text, never run as markup.

describe('the interface languages in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts in Korean for a Korean browser, switches to English and remembers it', async () => {
    const context = await newContext(browser, server.url, 'ko-KR');
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'sign-in-ko');

    await signInAs(page, 'reviewer');
    await page.getByRole('heading', { name: '대시보드', level: 1 }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'dashboard-ko');

    const person = (
      await server.store.listRecords({ type: 'person', levels: ['internal', 'restricted'], limit: 1 })
    )[0];
    assert.ok(person);
    await page.goto(`/records/${person.id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '인물' }).waitFor();
    await page.getByText('이력', { exact: true }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'person-ko');

    await page.goto('/search?q=kyohwaso');
    await page.getByRole('status').filter({ hasText: '건 찾음' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'search-ko');

    await page.goto('/portal');
    await page.getByRole('heading', { name: '북한 구금 체계에서 기록된 인권침해' }).waitFor();
    await page.locator('#figures').waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await screenshot(page, 'portal-ko');

    // Switch on any page; the whole interface follows, and the choice survives a reload.
    await page.getByLabel('언어').selectOption('en');
    await page
      .getByRole('heading', { name: 'Documented violations in North Korea’s detention system' })
      .waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await context.close();
  });

  it('serves the intake form in Korean, and an English browser in English', async () => {
    const korean = await (await newContext(browser, server.url, 'ko-KR')).newPage();
    await signInAs(korean, 'investigator');
    await korean.goto('/intake');
    await korean.getByRole('heading', { name: '새 증언', level: 1 }).waitFor();
    assert.deepEqual(await accessibilityViolations(korean), []);
    await screenshot(korean, 'intake-ko');

    const english = await (await newContext(browser, server.url, 'en-US')).newPage();
    await english.goto('/portal');
    await english
      .getByRole('heading', { name: 'Documented violations in North Korea’s detention system' })
      .waitFor();
    assert.equal(await english.locator('html').getAttribute('lang'), 'en');
  });

  it('can be used from the keyboard: skip link, menu and search', async () => {
    const page = await (await newContext(browser, server.url)).newPage();
    await signInAs(page, 'viewer');
    // The menu offers what the role may use: a viewer reads and searches, but codes nothing.
    const menu = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await menu.getByRole('link').allTextContents(), [
      'Dashboard',
      'Search',
      'Analysis',
      'UPR recommendations',
      'Jobs',
      'Public portal',
    ]);
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document
            .activeElement.textContent,
      ),
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    // The menu is reachable with Tab; follow "Search" and search without the mouse.
    await page.getByRole('link', { name: 'Search', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await page.getByLabel('Search in Korean or English').focus();
    await page.keyboard.type('Kaechon');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'found' }).waitFor();
    assert.match(page.url(), /\/search\?q=Kaechon/, 'the search is in the address, to share');
    assert.ok((await page.locator('table a').count()) > 0);
  });

  it('shows text from records as text, never as markup', async () => {
    const attack = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';
    const facility = (
      await server.store.listRecords({ type: 'facility', levels: ['internal', 'public'], limit: 1 })
    )[0];
    assert.ok(facility?.type === 'facility');
    const page = await (await newContext(browser, server.url)).newPage();
    // (Another account than the test before: a two-factor code is accepted once.)
    await signInAs(page, 'coordinator');
    // Through the intake: a testimony whose description holds markup.
    const organisation = (await server.store.listRecords({ type: 'organisation', limit: 1 }))[0];
    const response = await page.request.post('/api/intake', {
      headers: {
        'x-csrf-token': ((await (await page.request.get('/api/session')).json()) as { csrfToken: string })
          .csrfToken,
      },
      data: {
        organisation: organisation?.id,
        interview: { date: { from: '2026-11' } },
        interviewee: { new: { roles: ['VICTIM'] } },
        acts: [
          {
            act_type: 'DETENTION',
            victims: ['interviewee'],
            connection: 'VICTIM',
            facility: facility.id,
            description: { en: attack },
          },
        ],
      },
    });
    assert.equal(response.status(), 201);
    const { acts } = (await response.json()) as { acts: string[] };
    await page.goto(`/records/${acts[0]}`);
    await page.getByText(attack).waitFor();
    assert.equal(await page.locator('main img[src="x"]').count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as { pwned?: number }).pwned), undefined);
  });
});
