// Temporary screenshot script of part A (removed after use).
import { launch, login } from './browser';
const BASE = 'http://127.0.0.1:3141';
const OUT = '/tmp/a-scratch/shots';
const [user, password] = [process.argv[2]!, process.argv[3]!];
const browser = await launch();
for (const [w, hgt, tag] of [[1440, 900, 'wide'], [390, 844, 'phone']] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: hgt }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await login(page, BASE, user, password);
  const shot = async (path: string, name: string, wait = 'warning-list-page') => {
    await page.goto(BASE + path);
    await page.getByTestId(wait).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${OUT}/${user}-${tag}-${name}.png`, fullPage: name !== 'list' });
  };
  await shot('/warnings', 'list');
  await shot('/warnings?tab=department', 'dept');
  await shot('/warnings?level=red&rule=start_overdue', 'filtered');
  await shot('/warnings?tab=region', 'region');
  await shot('/warnings?tab=leader', 'leader');
  await shot('/', 'overview', 'overview-warnings');
  const first = await (await page.request.get(`${BASE}/api/v1/warnings?level=red`)).json() as { items: { projectId: number }[] };
  const pid = first.items[0]?.projectId;
  if (pid) {
    await shot(`/projects/${pid}?tab=warnings`, 'project', 'project-warnings');
    if (tag === 'wide') {
      await page.getByTestId('project-warning-tag').hover();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${OUT}/${user}-${tag}-hover.png` });
    }
  }
  await ctx.close();
}
await browser.close();
