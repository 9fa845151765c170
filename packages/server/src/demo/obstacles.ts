import { chinaDate, type ObstacleKind } from '@tuijin/core';
import { at } from './clock';
import type { AppContext, SessionUser } from '../lib/context';
import { escalateDueObstacles } from '../features/obstacles/escalation-job';
import { closeObstacle, resolveObstacle } from '../features/obstacles/transitions';
import type { Rng } from './generate';

// The demo's obstacles live their weeks as they would have: each night the ladder's job moves
// what is due (so 提醒, 督办 and 约谈 carry the days they happened), on working days an owner
// department now and then reports one solved and the office 销号 it a day or two later. A hook
// runs on given days (last month's joint meeting happens in the middle of this).

const RESOLUTION: Record<ObstacleKind, string> = {
  land: '用地指标已调剂落实，组卷材料已报省厅审批',
  funds: '银行已完成授信审批，首笔贷款已发放到位',
  approvals: '施工许可证已核发，手续全部办结',
  environment: '环评批复已取得，环保措施已落实',
  relocation: '征迁协议已全部签订，地上附着物已清除',
  utilities: '供电、供水单位已完成增容和接入，现场已恢复正常施工',
  construction: '设备已到货安装，进度已按计划追回',
  other: '经协调已解决，企业确认',
};

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

interface Cast { office: SessionUser; ownerOf: (orgId: number) => SessionUser }

export async function playObstacles(ctx: AppContext, cast: Cast, r: Rng, hooks: Map<string, () => Promise<void>> = new Map()): Promise<void> {
  const today = chinaDate(ctx.clock.now());
  const first = await ctx.db.selectFrom('obstacle').select((eb) => eb.fn.min('raisedAt').as('at')).where('regionCode', '=', cast.office.regionCode).executeTakeFirst();
  const start = first?.at ? chinaDate(new Date(first.at)) : today;
  for (let date = start; date < today; date = nextDay(date)) {
    await escalateDueObstacles(at(ctx, date, 1));
    if (!isWeekend(date)) await workDay(ctx, cast, r, date);
    await hooks.get(date)?.();
  }
  // Today the ladder has moved once already; the rest of the day is still to come.
  await escalateDueObstacles(at(ctx, today, 1));
  for (const [date, hook] of hooks) if (date >= today) await hook();
}

async function workDay(ctx: AppContext, cast: Cast, r: Rng, date: string) {
  const week = new Date(Date.parse(`${date}T00:00:00Z`) - 7 * 86_400_000).toISOString();
  const open = await ctx.db.selectFrom('obstacle').select(['id', 'version', 'status', 'kind', 'ownerOrgId', 'raisedAt', 'resolvedAt'])
    .where('regionCode', '=', cast.office.regionCode).where('status', 'in', ['open', 'resolved']).orderBy('id').execute();
  for (const o of open) {
    if (o.status === 'resolved' && o.resolvedAt! < `${date}T00:00:00` && r.next() < 0.7) {
      await closeObstacle(at(ctx, date, 10), cast.office, o.id, { version: o.version, note: '经核实已解决，同意销号' });
    } else if (o.status === 'open' && o.raisedAt < week && o.ownerOrgId && r.next() < 0.035) {
      await resolveObstacle(at(ctx, date, 15), cast.ownerOf(o.ownerOrgId), o.id, { version: o.version, resolution: RESOLUTION[o.kind as ObstacleKind] });
    }
  }
}
