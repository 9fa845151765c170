import { chinaDate, medianDaysToClose, type ObstacleStatsQuery } from '@tuijin/core';
import { sql } from 'kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { scopedObstacles } from './queries';

// Who is holding what: per 责任单位 or per 包保领导, how many obstacles are being worked on, how
// many are past their deadline, how many wait for 销号, how many are closed and in how many
// days (the median: a few long-stuck ones do not hide that most close quickly).

const dueRef = sql<string | null>`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')})`;

export async function obstacleStats(ctx: AppContext, user: SessionUser, query: ObstacleStatsQuery) {
  const today = chinaDate(ctx.clock.now());
  const key = query.by === 'department' ? 'obstacle.ownerOrgId' : 'obstacle.leaderId';
  const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const [counts, closed] = await Promise.all([
    scopedObstacles(ctx.db, user)
      .select([
        sql<number | null>`${sql.ref(key)}`.as('key'),
        count(sql`${sql.ref('obstacle.status')} = 'open'`).as('open'),
        count(sql`${sql.ref('obstacle.status')} = 'open' and ${dueRef} < ${today}`).as('overdue'),
        count(sql`${sql.ref('obstacle.status')} = 'resolved'`).as('resolved'),
        count(sql`${sql.ref('obstacle.status')} = 'closed'`).as('closed'),
        count(sql`${sql.ref('obstacle.stage')} in ('supervised', 'interviewed') and ${sql.ref('obstacle.status')} <> 'closed'`).as('escalated'),
      ])
      .groupBy(key)
      .execute(),
    scopedObstacles(ctx.db, user).select([sql<number | null>`${sql.ref(key)}`.as('key'), 'obstacle.raisedAt', 'obstacle.closedAt'])
      .where('obstacle.status', '=', 'closed').execute(),
  ]);
  const ids = counts.map((c) => c.key).filter((k): k is number => k != null);
  const names = new Map<number, string>();
  if (ids.length) {
    const rows = query.by === 'department'
      ? await ctx.db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute()
      : await ctx.db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  const spans = new Map<number | null, { raisedOn: string; closedOn: string | null }[]>();
  for (const r of closed) {
    const k = r.key == null ? null : Number(r.key);
    const list = spans.get(k) ?? [];
    list.push({ raisedOn: chinaDate(new Date(r.raisedAt)), closedOn: r.closedAt ? chinaDate(new Date(r.closedAt)) : null });
    spans.set(k, list);
  }
  const items = counts.map((c) => {
    const k = c.key == null ? null : Number(c.key);
    return {
      id: k, name: k == null ? (query.by === 'department' ? '未定责任单位' : '未定包保领导') : names.get(k) ?? `#${k}`,
      open: Number(c.open ?? 0), overdue: Number(c.overdue ?? 0), resolved: Number(c.resolved ?? 0), closed: Number(c.closed ?? 0), escalated: Number(c.escalated ?? 0),
      medianDaysToClose: medianDaysToClose(spans.get(k) ?? []),
    };
  });
  // Most overdue first, then most open: the order a meeting would go through them.
  items.sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.escalated - a.escalated || a.name.localeCompare(b.name, 'zh-CN'));
  const all = [...spans.values()].flat();
  const total = items.reduce((t, i) => ({ open: t.open + i.open, overdue: t.overdue + i.overdue, resolved: t.resolved + i.resolved, closed: t.closed + i.closed, escalated: t.escalated + i.escalated }), { open: 0, overdue: 0, resolved: 0, closed: 0, escalated: 0 });
  return { by: query.by, items, total: { ...total, medianDaysToClose: medianDaysToClose(all) } };
}
