import { addMonths, chinaDate, formatPeriod, periodText } from '@tuijin/core';
import { at } from './clock';
import type { AppContext, SessionUser } from '../lib/context';
import { updateActionItem, createActionItem } from '../features/meetings/actions';
import { addMeetingItem, updateMeetingItem } from '../features/meetings/agenda-service';
import { createMeeting, setMeetingStatus, updateMeeting } from '../features/meetings/service';
import { createVisit } from '../features/site-visits/service';
import type { Rng } from './generate';

// The demo county's leaders at the projects last month and this month (each at a different
// pace against the commitment), and last month's joint meeting: held, its minutes final, its
// action items assigned — one done, one overdue, one still running. Through the app's services,
// each at its own moment (the meeting while the obstacles' weeks are played, so its agenda is
// what that day's ledger held).

const day = (period: string, d: number) => `${period}-${String(d).padStart(2, '0')}`;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Days each leader spends at projects in a full month: one keeps the commitment, others fall short. */
const PACE = [10, 7, 4, 11, 2];
const FOUND = ['施工进度正常，现场人员约 60 人', '二期厂房基础施工，塔吊尚未到位', '设备安装进度滞后，主要设备延期到货', '施工用电负荷不足，影响夜间施工', '项目部反映融资审批周期长'];
const DECIDED = ['要求企业倒排工期，确保按节点推进', '协调县供电公司一周内完成临时增容', '责成县金融办对接银行加快审批', '协调县住建局三日内完成塔吊备案', '由责任单位跟踪督办，下月报告进展'];

export async function seedVisits(ctx: AppContext, office: SessionUser, r: Rng) {
  const today = chinaDate(ctx.clock.now());
  const current = today.slice(0, 7);
  const leaders = await ctx.db.selectFrom('project').select(['leaderId', 'id']).where('regionCode', '=', office.regionCode).where('leaderId', 'is not', null).orderBy('id').execute();
  const byLeader = new Map<number, number[]>();
  for (const p of leaders) byLeader.set(p.leaderId!, [...(byLeader.get(p.leaderId!) ?? []), p.id]);
  for (const [i, [leaderId, projects]] of [...byLeader].entries()) {
    for (const period of [addMonths(current, -1), current]) {
      const last = period === current ? Number(today.slice(8, 10)) - 1 : 28;
      const workdays = Array.from({ length: last }, (_, d) => day(period, d + 1)).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
      const share = period === current ? last / 30 : 1;
      let days = Math.round((PACE[i % PACE.length] ?? 5) * share * 2) / 2;
      for (const date of workdays.filter(() => r.next() < 0.8)) {
        if (days <= 0) break;
        const length = days >= 1 && r.next() < 0.7 ? 1 : 0.5;
        days -= length;
        await createVisit(at(ctx, date, 18), office, {
          leaderId, projectId: projects[Math.floor(r.next() * projects.length)]!, visitedOn: date, days: length,
          found: FOUND[Math.floor(r.next() * FOUND.length)]!, decided: DECIDED[Math.floor(r.next() * DECIDED.length)]!,
        });
      }
    }
  }
}

/** Last month's joint meeting is held on its 20th. */
export function lastMeetingDay(today: string): string {
  return day(addMonths(formatPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7))), -1), 20);
}

export async function seedLastMeeting(ctx: AppContext, office: SessionUser) {
  const heldOn = lastMeetingDay(chinaDate(ctx.clock.now()));
  const period = heldOn.slice(0, 7);
  const then = at(ctx, heldOn, 9);
  const orgs = await ctx.db.selectFrom('org').select(['id', 'name']).where('regionCode', '=', office.regionCode).where('kind', 'in', ['department', 'bank']).execute();
  const org = (name: string) => orgs.find((o) => o.name === name)?.id ?? null;
  const leaders = await ctx.db.selectFrom('person').select(['id', 'name']).where('regionCode', '=', office.regionCode).where('name', 'in', ['李明', '张华']).execute();
  const person = (name: string) => leaders.find((p) => p.name === name)?.id ?? null;
  let m = await createMeeting(then, office, { title: `${periodText(period)}重点项目联席会议`, heldOn, place: '县政府第一会议室', chair: '李明' });
  m = await addMeetingItem(then, office, m.id, { title: '听取全县重点项目推进情况汇报', background: `${periodText(period)}全县重点项目投资完成情况及存在问题` });
  m = await setMeetingStatus(then, office, m.id, m.version, 'held');
  for (const item of m.items.slice(0, 3)) {
    m = await updateMeetingItem(then, office, m.id, item.id, {
      version: item.version, reporter: item.source === 'other' ? '县重点项目推进办公室' : '责任单位负责人',
      reported: item.source === 'other' ? '全县重点项目总体进展顺利，部分项目投资进度滞后于序时进度。' : '已与相关单位对接，正在加快办理。',
      decided: item.source === 'other' ? '各包保领导和责任单位对照台账逐项推进，月底前报送进展。' : '由责任单位牵头，限期办结。',
    });
  }
  const first = m.items[0]!;
  const actions = [
    { description: '协调解决重点项目用地指标，完成组卷报批', ownerOrgId: org('县自然资源局'), ownerPersonId: person('张华'), deadline: addDays(heldOn, 10), meetingItemId: first.id },
    { description: '对接银行加快项目贷款审批', ownerOrgId: org('农业银行示范县支行'), ownerPersonId: null, deadline: addDays(heldOn, 15), meetingItemId: first.id },
    { description: '督促在建项目倒排工期，确保年度投资计划完成', ownerOrgId: org('县发展和改革局'), ownerPersonId: person('李明'), deadline: addDays(heldOn, 40), meetingItemId: null },
  ];
  for (const a of actions) if (a.ownerOrgId || a.ownerPersonId) m = await createActionItem(then, office, m.id, a);
  m = await updateMeeting(then, office, m.id, {
    version: m.version,
    attendees: [{ name: '李明', unit: '常务副县长' }, { name: '王建国', unit: '县委副书记' }, { name: '张华', unit: '副县长' }, { name: '县发展和改革局', unit: '主要负责人' }, { name: '县自然资源局', unit: '主要负责人' }],
    summary: '会议听取了全县重点项目推进情况汇报，研究解决了项目建设中的困难和问题。',
  });
  m = await setMeetingStatus(at(ctx, addDays(heldOn, 2), 10), office, m.id, m.version, 'closed');
  const loan = m.actions.find((a) => a.description.startsWith('对接银行'));
  if (loan) await updateActionItem(at(ctx, addDays(heldOn, 12), 16), office, loan.id, { version: loan.version, status: 'done', doneNote: '两家银行已完成授信审批，首笔贷款已发放。' });
}
