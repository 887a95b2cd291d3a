import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoCode } from '../../demo/demo-accounts.ts';

/** Signs in through the sign-in page as the demo account of `role`, with its current code. */
export async function signInAs(page: Page, role: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#username').fill(role);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#code').fill(demoCode());
  await page.locator('#code').press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('h1').first().waitFor();
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('header .account button').click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}
