import { Readable } from 'node:stream';
import { addMonths, chinaDate, formatPeriod, type ObstacleKind, type RegionLevel, type Role } from '@tuijin/core';
import { at } from './clock';
import type { AppContext, SessionUser } from '../lib/context';
import { completeUpload } from '../features/media/ingest';
import { createUpload, putChunk } from '../features/media/uploads';
import { openPeriod, setPeriodStatus } from '../features/periods/service';
import { approveReport, returnReport } from '../features/reports/review';
import { loadReport, saveReport } from '../features/reports/service';
import { submitReport } from '../features/reports/submit';
import { createPoint } from '../features/shooting-points/service';
import { recomputeWarnings } from '../features/warnings/recompute';
import { scopePrefix } from '../lib/permissions';
import type { Rng } from './generate';
import { drawSitePhoto } from './site-photos';

// The demo county's last months as they would have happened: the office opens each month on
// the 25th, companies report in the first days of the next month with photos from their fixed
// shooting points, departments review (one report is sent back once), the office closes the
// month. The month now running is half done. Every step goes through the app's own services,
// each at its own moment (a clock set for it), so dates, lateness and history are consistent.

export interface DemoProject {
  id: number; ownerOrgId: number; responsibleOrgId: number; stage: string; totalInvestment: number;
  lng: number; lat: number; completed: number; monthsElapsed: number;
}

export interface DemoPeople {
  office: SessionUser;
  reporterOf: (orgId: number) => SessionUser;
  reviewerOf: (orgId: number) => SessionUser;
  /** The department whose account the demo prints: one of its projects reports a problem this month. */
  featuredDeptId?: number;
}

const WAN = 10_000;
/** Projects photographed from two points (the rest from one). */
const TWO_POINT_PROJECTS = 8;

export async function sessionUserOf(ctx: AppContext, userId: number): Promise<SessionUser> {
  const u = await ctx.db.selectFrom('appUser').innerJoin('region', 'region.code', 'appUser.regionCode').leftJoin('org', 'org.id', 'appUser.orgId')
    .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.role', 'appUser.regionCode', 'region.name as regionName', 'region.level as regionLevel', 'appUser.orgId', 'org.name as orgName', 'appUser.personId', 'appUser.passwordChangedAt'])
    .where('appUser.id', '=', userId).executeTakeFirstOrThrow();
  return { ...u, role: u.role as Role, regionLevel: u.regionLevel as RegionLevel, mustChangePassword: false, ip: null };
}

/** The same context at another moment (China time given as 'YYYY-MM-DD' and hour). */

const day = (period: string, d: number) => `${period}-${String(d).padStart(2, '0')}`;

export async function seedReporting(ctx: AppContext, projects: DemoProject[], people: DemoPeople, r: Rng): Promise<void> {
  const today = chinaDate(ctx.clock.now());
  const current = formatPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  // The month being reported now: this one from the 25th (the usual opening day), else the last.
  const running = Number(today.slice(8, 10)) >= 25 ? current : addMonths(current, -1);
  const closed = [3, 2, 1].map((n) => addMonths(running, -n));
  const reporting = projects.filter((p) => ['signed', 'preparing', 'under_construction', 'completed', 'operating'].includes(p.stage));
  const building = reporting.filter((p) => ['under_construction', 'completed'].includes(p.stage));
  const points = new Map<number, number[]>();
  for (const [i, p] of building.entries()) {
    const when = at(ctx, day(closed[0]!, 20), 9);
    let list = await createPoint(when, people.reporterOf(p.ownerOrgId), p.id, { name: '1号点位（大门正对）', description: '项目大门外，正对主楼' });
    if (i < TWO_POINT_PROJECTS) list = await createPoint(when, people.reporterOf(p.ownerOrgId), p.id, { name: '2号点位（东南角）', description: '东南角塔吊旁' });
    points.set(p.id, list.items.map((x) => x.id));
  }
  const months = [...closed, running];
  for (const [index, period] of months.entries()) {
    const isRunning = period === running;
    const openCtx = at(ctx, day(period, 25), 9);
    const opened = await openPeriod(openCtx, people.office, { period, deadline: day(addMonths(period, 1), 5) });
    for (const p of reporting) {
      // In the running month only some companies have reported yet.
      // The printed company account's report of this month is left for its reporter to fill.
      const demoCompany = projects.find((x) => x.stage === 'under_construction')?.ownerOrgId;
      const featured = isRunning && p === building.find((b) => b.responsibleOrgId === people.featuredDeptId && b.ownerOrgId !== demoCompany);
      const fate = featured ? 'submitted' : isRunning && p.ownerOrgId === demoCompany ? 'none' : isRunning ? r.pick(['none', 'none', 'draft', 'submitted', 'submitted', 'approved', 'returned']) : index === 1 && p === reporting[2] ? 'returned_then_approved' : 'approved';
      if (fate === 'none') continue;
      await reportMonth(ctx, p, period, fate, people, r, {
        photos: building.includes(p) ? points.get(p.id) ?? [] : null, progress: (index + 1) / (months.length + 4), problem: featured,
        days: isRunning ? runningDays(period, today, r) : closedDays(period, r),
      });
    }
    if (!isRunning) {
      const view = await ctx.db.selectFrom('reportingPeriod').select('version').where('id', '=', opened.id).executeTakeFirstOrThrow();
      await setPeriodStatus(at(ctx, day(addMonths(period, 1), 10), 17), people.office, opened.id, view.version, 'closed');
      // The warnings of that evening, from the month just approved: their history starts months back.
      await recomputeWarnings(at(ctx, day(addMonths(period, 1), 10), 18), people.office, scopePrefix(people.office));
    }
  }
}

const NO_CHANGE: Record<string, string> = {
  signed: '项目已签约，正在办理立项和用地手续，本月无实物工作量',
  preparing: '前期手续办理中（环评、施工许可），本月无实物工作量',
  operating: '项目已投产运营，本月无新增投资',
};

/** What companies write under 存在问题, each with its kind. */
const PROBLEMS: { kind: ObstacleKind; description: string }[] = [
  { kind: 'land', description: '二期用地指标尚未落实' },
  { kind: 'land', description: '项目用地组卷报批尚在省厅审核' },
  { kind: 'funds', description: '银行贷款审批进度慢，首笔贷款未到位' },
  { kind: 'funds', description: '企业自筹资金到位不足' },
  { kind: 'approvals', description: '施工许可证尚未办理' },
  { kind: 'environment', description: '环评批复尚未取得' },
  { kind: 'relocation', description: '项目红线内尚有 3 户未完成征迁' },
  { kind: 'utilities', description: '施工临时用电容量不足' },
  { kind: 'utilities', description: '项目区供水管网尚未接通' },
  { kind: 'construction', description: '主要设备延期到货，安装进度滞后' },
];

interface Days { sent: string; returned: string; fixed: string; approved: string }

/** A closed month: sent on the 1st–4th of the next month, reviewed on the 6th–8th. */
function closedDays(period: string, r: Rng): Days {
  const next = addMonths(period, 1);
  return { sent: day(next, r.int(1, 4)), returned: day(next, 6), fixed: day(next, 7), approved: day(next, 8) };
}

/** The running month: everything so far happened between its opening and today. */
function runningDays(period: string, today: string, r: Rng): Days {
  const first = today.startsWith(period) ? day(period, 25) : `${today.slice(0, 8)}01`;
  const sent = first >= today ? today : r.pick([first, today]);
  return { sent, returned: today, fixed: today, approved: today };
}

async function reportMonth(ctx: AppContext, p: DemoProject, period: string, fate: string, people: DemoPeople, r: Rng, shots: { photos: number[] | null; progress: number; days: Days; problem?: boolean }) {
  const reporter = people.reporterOf(p.ownerOrgId);
  const reviewer = people.reviewerOf(p.responsibleOrgId);
  const sentOn = shots.days.sent;
  const row = await ctx.db.selectFrom('monthlyReport').select(['id', 'version']).where('projectId', '=', p.id).where('period', '=', period).executeTakeFirstOrThrow();
  const isBuilding = shots.photos != null;
  const month = Number(period.slice(5, 7));
  // The ledger's completed figure runs through last month; the months reported go on at its pace.
  const ytdThrough = (m: number) => Math.round((p.completed * m) / Math.max(1, p.monthsElapsed) / WAN) * WAN;
  const ytd = ytdThrough(month);
  const lastYtd = month === 1 ? 0 : ytdThrough(month - 1);
  const before = Math.round((p.totalInvestment * 0.12) / WAN) * WAN;
  const fill = at(ctx, sentOn, 10);
  const body = isBuilding
    ? {
        version: row.version, thisMonth: ytd - lastYtd, ytd, cumulative: before + ytd,
        progress: `主体结构施工至第 ${Math.max(1, Math.round(shots.progress * 12))} 层，完成本月计划的 ${r.int(85, 110)}%`,
        funds: [{ source: 'enterprise' as const, amount: Math.round(((ytd - lastYtd) * 0.6) / WAN) * WAN }, { source: 'bank_loan' as const, amount: Math.round(((ytd - lastYtd) * 0.4) / WAN) * WAN }],
        nextPlan: '继续主体施工，同步开展设备采购', coordination: r.next() < 0.2 ? '需协调解决施工用电增容' : null,
        problems: r.next() < 0.25 || shots.problem ? [r.pick(PROBLEMS)] : [],
      }
    : { version: row.version, noChange: true, noChangeReason: NO_CHANGE[p.stage] ?? '本月无实物工作量' };
  let view = await saveReport(fill, reporter, row.id, body);
  if (shots.photos) {
    for (const [k, pointId] of shots.photos.entries()) {
      const shot = await drawSitePhoto({
        progress: shots.progress, point: k, seed: p.id, take: month,
        takenAt: { date: day(period, r.int(18, 24)), time: `${String(r.int(8, 16)).padStart(2, '0')}:${String(r.int(10, 59))}:00` },
        at: { lng: p.lng + (r.next() - 0.5) * 0.002, lat: p.lat + (r.next() - 0.5) * 0.002 },
      }, r);
      const session = await createUpload(fill, reporter, { kind: 'report', id: row.id }, { filename: `IMG_${period.replace('-', '')}_${k + 1}.jpg`, size: shot.length, caption: k === 0 ? '主楼正面' : '东南角全景', shootingPointId: pointId });
      await putChunk(fill, reporter, session.id, 0, Readable.from(shot));
      await completeUpload(fill, reporter, session.id);
    }
    view = await loadReport(fill, ctx.db, reporter, row.id);
  }
  if (fate === 'draft') return;
  view = await submitReport(fill, reporter, row.id, view.version);
  if (fate === 'submitted') return;
  const review = at(ctx, shots.days.returned, 15);
  if (fate === 'returned' || fate === 'returned_then_approved') {
    view = await returnReport(review, reviewer, row.id, { version: view.version, comment: '形象进度描述过于简单，请补充本月完成的具体工程量' });
    if (fate === 'returned') return;
    const fix = at(ctx, shots.days.fixed, 16);
    view = await saveReport(fix, reporter, row.id, { version: view.version, progress: `${view.progress ?? ''}；本月完成混凝土浇筑 1200 立方米，钢筋绑扎 180 吨` });
    view = await submitReport(fix, reporter, row.id, view.version);
  }
  await approveReport(at(ctx, shots.days.approved, 17), reviewer, row.id, { version: view.version, comment: null });
}
