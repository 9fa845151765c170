import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { createFirstAdmin } from './bootstrap';
import type { Config } from './config';
import { openDatabase } from './db/kysely';
import { migrateToLatest } from './db/migrate';
import { loadDemo } from './demo/seed';
import { startScheduler } from './lib/jobs/scheduler';
import { restrictImageDecoders } from './lib/media';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function startServer(config: Config, options: { demo?: boolean } = {}) {
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database.db);
  const { app, ctx } = await buildApp({ config: { ...config, webDist: config.webDist ?? WEB_DIST }, database, logger: true });
  const admins = await createFirstAdmin(ctx);
  if (admins) {
    console.log('\n================ 首次启动 / First start ================');
    console.log('  三员账号及一次性密码 / administrator accounts and one-time passwords:');
    for (const a of admins) console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(9)} ${a.password}`);
    console.log('  admin 管理地区、单位与业务账号；secadmin 管理管理员账号；auditor 查看审计日志。');
    console.log('  首次登录后须修改密码。/ Change them at first login.');
    console.log('========================================================\n');
  }
  if (options.demo) {
    const demo = await loadDemo(ctx);
    if (demo) printDemo(demo);
  }
  // From here on the image library may read only the photo formats uploads are allowed to be
  // (defence in depth behind the upload sniffer; the demo loader above draws its photos from SVG).
  restrictImageDecoders();
  const stopScheduler = startScheduler(ctx, (message, err) => (err ? app.log.error({ err }, message) : app.log.info(message)));
  const close = async () => {
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`推进 Tuijin 已启动 / running: http://localhost:${config.port}  (数据库 ${database.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL'})`);
  return app;
}

export function printDemo(demo: { users: { username: string; role: string; password: string }[] }) {
  console.log('\n================ 示范县数据 / Demo county ================');
  for (const u of demo.users) console.log(`  ${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.password}`);
  console.log('==========================================================\n');
}
