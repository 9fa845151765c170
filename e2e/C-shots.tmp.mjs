// Temporary: screenshots of part C's pages against the dev server on 3143 (deleted after use).
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3143';
const [user, password, path, name, wide] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const isPhone = wide !== 'desk';
const ctx = await browser.newContext({ viewport: isPhone ? { width: 390, height: 844 } : { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: isPhone, hasTouch: isPhone, deviceScaleFactor: 1 });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByTestId('login-username').fill(user);
await page.getByTestId('login-password').fill(password);
await page.getByTestId('login-submit').click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
await page.goto(base + path);
await page.waitForTimeout(2500);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
const step = isPhone ? 800 : 860;
for (let y = 0, k = 0; y < height && k < 8; y += step, k++) {
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/C-shots/${name}-${k}.png` });
}
await browser.close();
