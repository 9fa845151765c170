import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { readDocx } from '../packages/server/src/test/read-docx';

// Debian's Chromium driven by playwright-core, with the flags this network needs, and what
// every flow does with it: a logged-in page at a desk or on a phone, the API as that user,
// screenshots, and the check that a phone page never scrolls sideways.
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function login(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The demo's accounts log in with the passwords the demo printed; the flows' own (e2e_*) with theirs. */
function passwordOf(username: string): string {
  if (!username.startsWith('demo_')) return inject('password');
  const password = inject('demoPasswords')[username];
  if (!password) throw new Error(`the demo printed no password for ${username}`);
  return password;
}

/** A new browser context logged in as the user, at a desk or as a phone (touch, 2×), downloads and clipboard allowed. */
export async function pageFor(browser: Browser, username: string, viewport = DESK): Promise<Page> {
  const isPhone = viewport.width < 600;
  const context = await browser.newContext({
    viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: isPhone, hasTouch: isPhone, deviceScaleFactor: isPhone ? 2 : 1, acceptDownloads: true,
  });
  // 复制催报名单 and the like copy to the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
  const page = await context.newPage();
  await login(page, inject('baseUrl'), username, passwordOf(username));
  return page;
}

/** A GET of the API as the page's user. */
export const getJson = async <T>(page: Page, path: string): Promise<T> => (await (await page.request.get(`${inject('baseUrl')}/api/v1${path}`)).json()) as T;

/** A phone page fits its screen: nothing to scroll sideways. */
export async function expectPhoneFit(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A downloaded .docx as Word shows it (read as the server's own tests read one): its bytes, paragraphs, the rows of all its tables, and all its text. */
export async function readDocxFile(path: string) {
  const buf = readFileSync(path);
  const doc = await readDocx(buf);
  const allText = [...doc.xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { buf, xml: doc.xml, paragraphs: doc.paragraphs, rows: doc.tables.flat(), allText };
}
