import type { Readable } from 'node:stream';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import {
  chinaDate, DEMAND_ROUTE_LABEL, INSPECTION_RATING_LABEL, OBSTACLE_KIND_LABEL, periodText, type ComparisonRow, type InspectionRating,
} from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { parseJson } from '../../lib/records';
import { projectScope } from '../projects/policy';
import { body, FONTS, gap, heading, PAGE, RED, run, SIZES, table, title, type CellSpec } from './docx-style';
import { inspectionStatus, type StoredDemand, type TeamMember } from './present';
import { findInspection } from './queries';

// 督导检查情况报告 as the office issues it: the plan (time, team, projects), the overall picture
// (ratings, where the books ran ahead of the site, demands raised), a table of every project,
// then per project its 账面地面 comparison with the differences marked in red, its demands and
// thumbnails of the site photos.

const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => (n <= 10 ? CHINESE[n - 1]! : n < 20 ? `十${CHINESE[n - 11]}` : String(n));
const dateText = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const PHOTOS_PER_PROJECT = 6;

async function gather(ctx: AppContext, user: SessionUser, id: number) {
  const i = await findInspection(ctx.db, user, id);
  if (!i) throw notFound('督导检查');
  const projects = await ctx.db.selectFrom('inspectionProject as ip')
    .innerJoin('project', 'project.id', 'ip.projectId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('finding', (j) => j.onRef('finding.inspectionId', '=', 'ip.inspectionId').onRef('finding.projectId', '=', 'ip.projectId'))
    .leftJoin('monthlyReport as mr', 'mr.id', 'finding.reportId')
    .leftJoin('appUser as inspector', 'inspector.id', 'finding.inspectorId')
    .select([
      'project.id as projectId', 'project.name', 'resp.name as responsibleOrgName', 'finding.id as findingId', 'finding.visitedOn', 'finding.rating',
      'finding.booksAhead', 'finding.comparison', 'finding.demands', 'finding.note', 'mr.period as reportPeriod', 'inspector.displayName as inspectorName',
    ])
    .where('ip.inspectionId', '=', id).where(projectScope(user)).orderBy('ip.id').execute();
  const findingIds = projects.map((p) => p.findingId).filter((v): v is number => v != null);
  const media = findingIds.length
    ? await ctx.db.selectFrom('media').select(['findingId', 'thumbKey', 'caption', 'width', 'height']).where('findingId', 'in', findingIds)
      .where('deletedAt', 'is', null).where('thumbKey', 'is not', null).orderBy('sort').orderBy('id').execute()
    : [];
  return { i, projects, media };
}

async function bytesOf(ctx: AppContext, key: string): Promise<Buffer | null> {
  try {
    const { stream } = await ctx.storage.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch {
    // A missing thumbnail leaves a gap in the pictures, not a failed report.
    return null;
  }
}

const verdictOf = (r: ComparisonRow): CellSpec => (r.direction === 'books_ahead'
  ? { text: `账面超前\n${r.note}`, bold: true, color: RED, shade: 'FDE9E7' }
  : r.differs ? { text: `不一致\n${r.note}`, bold: true, color: RED } : { text: r.note || '一致' });

export async function buildInspectionReport(ctx: AppContext, user: SessionUser, id: number) {
  const { i, projects, media } = await gather(ctx, user, id);
  const visited = projects.filter((p) => p.findingId != null);
  const demands = visited.flatMap((p) => parseJson<StoredDemand[]>(p.demands, []));
  const rating = (r: string | null) => (r ? INSPECTION_RATING_LABEL[r as InspectionRating] ?? r : '未评价');
  const count = (r: InspectionRating) => visited.filter((p) => p.rating === r).length;
  const ahead = visited.filter((p) => p.booksAhead === 1);
  const status = inspectionStatus(i.status, visited.length);
  const team = parseJson<TeamMember[]>(i.team, []).map((m) => m.name).join('、') || '（未填写）';
  const days = [...new Set(visited.map((p) => p.visitedOn!))].sort();

  const children: (Paragraph | ReturnType<typeof table>)[] = [
    title(`${i.title}${i.title.endsWith('报告') ? '' : '情况报告'}${status === 'finished' ? '' : '（检查进行中）'}`),
    body([run('检查时间：', { bold: true }), run(days.length ? days.map(dateText).join('、') : dateText(i.plannedDate))], { indent: false }),
    body([run('检查组成员：', { bold: true }), run(team)], { indent: false }),
    body([run('检查项目：', { bold: true }), run(`${projects.length} 个，已检查 ${visited.length} 个`)], { indent: false }),
    heading('一、总体情况', 1),
    body([
      `本次督导检查共检查重点项目 ${visited.length} 个，评价为「好」的 ${count('good')} 个、「一般」的 ${count('fair')} 个、「差」的 ${count('poor')} 个。`,
      run(`经账面地面对照，发现账面超前（月报或台账所报进度超过现场实际）的项目 ${ahead.length} 个`, ahead.length ? { bold: true, color: RED } : {}),
      ahead.length ? `：${ahead.map((p) => p.name).join('、')}。` : '。',
      `共提出整改要求 ${demands.length} 条，其中转问题督办 ${demands.filter((d) => d.raiseAs === 'obstacle').length} 条、列督办事项 ${demands.filter((d) => d.raiseAs === 'action').length} 条。`,
    ]),
    heading('二、项目检查情况一览', 1),
    table(['序号', '项目名称', '责任单位', '检查日期', '评价', '账面地面对照', '整改要求'], projects.map((p, k) => [
      { text: String(k + 1), align: 'center' }, { text: p.name }, { text: p.responsibleOrgName ?? '—' }, { text: p.visitedOn ?? '未检查', align: 'center' },
      { text: p.findingId ? rating(p.rating) : '—', align: 'center', ...(p.rating === 'poor' ? { color: RED, bold: true } : {}) },
      p.findingId == null ? { text: '—', align: 'center' } : p.booksAhead === 1 ? { text: '账面超前', align: 'center', color: RED, bold: true } : { text: '相符', align: 'center' },
      { text: p.findingId ? `${parseJson<unknown[]>(p.demands, []).length} 条` : '—', align: 'center' },
    ]), [6, 30, 18, 13, 8, 14, 11]),
    heading('三、各项目检查情况', 1),
  ];

  for (const [k, p] of visited.entries()) {
    children.push(heading(`（${ordinal(k + 1)}）${p.name}`, 2));
    children.push(body([`检查日期 ${p.visitedOn}，检查人 ${p.inspectorName ?? '—'}，评价「${rating(p.rating)}」。对照依据：${p.reportPeriod ? `${periodText(p.reportPeriod)}月报及项目台账` : '项目台账（无已报送月报）'}。`]));
    const rows = parseJson<ComparisonRow[]>(p.comparison, []);
    children.push(table(['对照项目', '账面（月报/台账）', '地面（现场检查）', '对照结果'], rows.map((r) => [
      { text: r.label }, { text: r.reported }, { text: r.observed, ...(r.differs ? { color: RED } : {}) }, verdictOf(r),
    ]), [18, 30, 30, 22]));
    const list = parseJson<StoredDemand[]>(p.demands, []);
    children.push(body([run('整改要求：', { bold: true }), run(list.length ? '' : '无。')]));
    for (const [n, d] of list.entries()) {
      children.push(body([`${n + 1}. 【${OBSTACLE_KIND_LABEL[d.kind] ?? d.kind}】${d.description}（${d.deadline ? `整改期限 ${d.deadline}，` : ''}${DEMAND_ROUTE_LABEL[d.raiseAs]}）`]));
    }
    if (p.note) children.push(body([run('其他情况：', { bold: true }), run(p.note)]));
    const shots = media.filter((m) => m.findingId === p.findingId).slice(0, PHOTOS_PER_PROJECT);
    const images: ImageRun[] = [];
    for (const m of shots) {
      const data = await bytesOf(ctx, m.thumbKey!);
      if (!data) continue;
      const w = 180;
      const h = m.width && m.height ? Math.round((w * m.height) / m.width) : 135;
      images.push(new ImageRun({ type: 'jpg', data, transformation: { width: w, height: Math.min(h, 240) }, altText: { name: m.caption ?? '现场照片', description: m.caption ?? '现场照片', title: m.caption ?? '现场照片' } }));
    }
    if (images.length) {
      children.push(body([run('现场照片：', { bold: true })], { indent: false }));
      children.push(new Paragraph({ spacing: { after: 120 }, children: images.flatMap((img, n) => (n ? [new TextRun({ text: ' ' }), img] : [img])) }));
    }
    children.push(gap());
  }
  const issued = i.finishedAt ? chinaDate(new Date(i.finishedAt)) : chinaDate(ctx.clock.now());
  children.push(gap(), body([`${user.regionName}重点项目推进办公室`], { align: 'right', indent: false }), body([dateText(issued)], { align: 'right', indent: false }));

  const doc = new Document({
    creator: '推进·重点项目推进系统', title: i.title, description: '督导检查情况报告',
    styles: { default: { document: { run: { font: FONTS.body, size: SIZES.body } } } },
    sections: [{ properties: { page: PAGE }, children }],
  });
  return { buffer: await Packer.toBuffer(doc), title: i.title, projects: projects.length, visited: visited.length, booksAhead: ahead.length };
}
