import {
  CHECK_STATUS_LABEL, FUNDING_SOURCES, OBSTACLE_KIND_LABEL, REPORT_ACTION_LABEL, REPORT_STATUS_LABEL, STAGE_LABEL,
  type CheckResult, type CheckStatus, type FigureProblem, type Punctuality, type ReportAction, type ReportStatus, type Stage,
} from '@tuijin/core';
import { parseJson } from '../../lib/records';
import type { MediaRow } from '../media/present';
import type { Funds, NodeMet, ReportProblem } from '../reports/present';
import { badge, checkLine, chinaTime, esc, fileSize, monthTitle, page, safeTotal, text, wan } from './html';
import { hrefOf } from './paths';
import { archivedPunctuality, type ArchivePeriod, type ArchiveReportDetail, type ArchiveReportSummary } from './queries';

// One project's report of the month as a printable page (A4), with its photos beside it.

export interface ArchivedMedia {
  media: MediaRow;
  /** Relative to the project's folder: the display JPEG of a photo, the file of a video. */
  path: string | null;
  posterPath: string | null;
  originalPath: string | null;
  /** Files the store no longer had when the archive was built. */
  missing: string[];
}

export interface ProjectPageInput {
  period: ArchivePeriod;
  summary: ArchiveReportSummary;
  detail: ArchiveReportDetail;
  media: ArchivedMedia[];
  now: Date;
}

export const PUNCTUALITY_LABEL: Record<Punctuality, string> = {
  on_time: '按期报送', late: '逾期报送', missing: '未报送（已过截止日）', not_due: '未报送（未到截止日）',
};

export function statusLabel(r: { status: string; startedAt: string | null }): string {
  if (r.status === 'draft' && !r.startedAt) return '未填报';
  return REPORT_STATUS_LABEL[r.status as ReportStatus] ?? r.status;
}

const block = (title: string, body: string) => `<h2>${esc(title)}</h2>\n${body}`;
const para = (value: string | null | undefined) => (value ? `<div class="pre">${esc(value)}</div>` : '<p class="muted">（未填写）</p>');
const fact = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value}</dd>`;

function figures(r: ArchiveReportDetail['report']): string {
  const notes = parseJson<FigureProblem[]>(r.figureNotes, []);
  return `<table><thead><tr><th class="num">本月完成投资（万元）</th><th class="num">本年累计完成投资（万元）</th><th class="num">开工以来累计完成投资（万元）</th></tr></thead>
<tbody><tr><td class="num">${wan(r.thisMonth)}</td><td class="num">${wan(r.ytd)}</td><td class="num">${wan(r.cumulative)}</td></tr></tbody></table>
${r.noChange === 1 ? `<p><b>本月无变化。</b>原因：${text(r.noChangeReason)}</p>` : ''}
${r.explanation ? `<p>数据说明：<span class="pre">${esc(r.explanation)}</span></p>` : ''}
${notes.length ? `<ul>${notes.map((n) => `<li class="warn">${esc(n.message)}</li>`).join('')}</ul>` : ''}`;
}

function funds(json: string): string {
  const list = parseJson<Funds[]>(json, []);
  if (!list.length) return '<p class="muted">（未填写）</p>';
  const rows = list.map((f) => `<tr><td>${esc((FUNDING_SOURCES as Record<string, string>)[f.source] ?? f.source)}</td><td class="num">${wan(f.amount)}</td></tr>`);
  return `<table><thead><tr><th>资金来源</th><th class="num">本月到位（万元）</th></tr></thead><tbody>${rows.join('')}
<tr><th>合计</th><th class="num">${safeTotal(list.map((f) => f.amount))}</th></tr></tbody></table>`;
}

function nodes(json: string, names: Map<number, string>): string {
  const list = parseJson<NodeMet[]>(json, []);
  if (!list.length) return '<p class="muted">（本月无完成节点）</p>';
  return `<ul>${list.map((n) => `<li>${text(names.get(n.nodeId) ?? `节点 ${n.nodeId}`)}：${text(n.date)} 完成</li>`).join('')}</ul>`;
}

function problems(json: string): string {
  const list = parseJson<ReportProblem[]>(json, []);
  if (!list.length) return '<p class="muted">（无）</p>';
  const rows = list.map((p, i) => `<tr><td>${i + 1}</td><td>${esc(OBSTACLE_KIND_LABEL[p.kind] ?? p.kind)}</td><td class="pre">${esc(p.description)}</td></tr>`);
  return `<table><thead><tr><th>序号</th><th>类型</th><th>问题描述</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function history(events: ArchiveReportDetail['events']): string {
  if (!events.length) return '<p class="muted">（尚无报送或审核记录）</p>';
  const status = (s: string | null) => (s ? esc(REPORT_STATUS_LABEL[s as ReportStatus] ?? s) : '—');
  const rows = events.map((e) => `<tr><td>${chinaTime(e.at)}</td><td>${esc(REPORT_ACTION_LABEL[e.action as ReportAction] ?? e.action)}</td><td>${status(e.fromStatus)} → ${status(e.toStatus)}</td><td class="pre">${text(e.comment)}</td><td>${text(e.userName)}</td></tr>`);
  return `<table><thead><tr><th>时间</th><th>操作</th><th>状态</th><th>意见</th><th>操作人</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function mediaFigure(a: ArchivedMedia, n: number): string {
  const m = a.media;
  const caption = m.caption ? esc(m.caption) : '<span class="muted">（无说明）</span>';
  const checks = parseJson<CheckResult[]>(m.checks, []);
  const status = m.checkStatus as CheckStatus;
  const alt = esc(m.caption ?? m.filename);
  let picture: string;
  if (m.kind === 'video') {
    const poster = a.posterPath ? `<img src="${esc(hrefOf(a.posterPath))}" alt="${alt}">` : '<p>▶ 视频</p>';
    picture = a.path ? `<a href="${esc(hrefOf(a.path))}">${poster}</a><p><a href="${esc(hrefOf(a.path))}">▶ 播放视频</a></p>` : poster;
  } else {
    picture = a.path ? `<a href="${esc(hrefOf(a.path))}"><img src="${esc(hrefOf(a.path))}" alt="${alt}"></a>` : '';
  }
  const where = m.lng != null && m.lat != null ? `经度 ${m.lng.toFixed(6)}，纬度 ${m.lat.toFixed(6)}（WGS-84）` : '—';
  const seconds = m.durationMs != null ? `，时长 ${Math.round(m.durationMs / 1000)} 秒` : '';
  return `<figure id="m${m.id}">
${picture}
${a.missing.length ? `<p class="bad">✗ 归档时存储中找不到：${esc(a.missing.join('、'))}</p>` : ''}
<figcaption>
<div><b>${n}. ${m.kind === 'video' ? '【视频】' : ''}${caption}</b> ${badge(status, CHECK_STATUS_LABEL[status] ?? m.checkStatus)}</div>
<div>拍摄点位：${text(m.shootingPointName)}</div>
<div>拍摄时间：${chinaTime(m.capturedAt)}</div>
<div>拍摄位置：${esc(where)}</div>
<div class="muted">原文件：${esc(m.filename)}（${fileSize(m.size)}${seconds}）${a.originalPath && m.kind === 'photo' ? `，<a href="${esc(hrefOf(a.originalPath))}">原图</a>` : ''}</div>
${checks.length ? `<ul class="checks">${checks.map(checkLine).join('')}</ul>` : ''}
</figcaption>
</figure>`;
}

export function renderProjectPage(x: ProjectPageInput): string {
  const r = x.detail.report;
  const s = x.summary;
  const title = `${s.projectName} ${monthTitle(x.period.period)}月报`;
  const photos = x.media.filter((a) => a.media.kind !== 'video').length;
  const facts = [
    fact('项目代码', text(s.projectCode)), fact('项目阶段', text(STAGE_LABEL[r.stage as Stage] ?? r.stage)),
    fact('项目单位', text(s.ownerOrgName)), fact('责任单位', text(s.responsibleOrgName)),
    fact('包保县级领导', text(r.leaderName)), fact('总投资', `${wan(s.totalInvestment)} 万元`),
    fact('建设地点', text(r.address)), fact('所属地区', text(x.period.regionName)),
  ];
  const review = [
    fact('月报状态', esc(statusLabel(r))), fact('按期情况', esc(PUNCTUALITY_LABEL[archivedPunctuality(x.period, r.firstSubmittedAt, x.now)])),
    fact('首次报送', chinaTime(r.firstSubmittedAt)), fact('最近报送', chinaTime(r.submittedAt)),
    fact('报送人', text(r.submittedByName)), fact('退回次数', esc(r.returnCount)),
    fact('审核时间', chinaTime(r.reviewedAt)), fact('审核人', text(r.reviewedByName)),
  ];
  const body = `<p class="nav"><a href="../../index.html">← 返回 ${esc(monthTitle(x.period.period))}月报归档目录</a></p>
<h1>${esc(s.projectName)}</h1>
<p class="muted">${esc(x.period.regionName)} · ${esc(monthTitle(x.period.period))}重点项目月报 · 报送截止日 ${esc(x.period.deadline)}</p>
${r.status === 'draft' ? `<p class="warn"><b>本月报${r.startedAt ? '尚未报送，以下为填报单位保存的草稿，不作为报送数据' : '未填报'}。</b></p>` : ''}
${block('项目概况', `<dl class="facts">${facts.join('')}</dl>`)}
${block('报送与审核', `<dl class="facts">${review.join('')}</dl><p>审核意见：${r.reviewComment ? `<span class="pre">${esc(r.reviewComment)}</span>` : '—'}</p>`)}
${block('投资完成情况', figures(r))}
${block('到位资金', funds(r.funds))}
${block('形象进度', para(r.progress))}
${block('完成节点', nodes(r.nodesMet, x.detail.nodeNames))}
${block('存在问题', problems(r.problems))}
${block('下月计划', para(r.nextPlan))}
${block('需协调事项', para(r.coordination))}
${r.noChange === 1 ? block('无变化原因', para(r.noChangeReason)) : ''}
${block('审核记录', history(x.detail.events))}
${block(`影像资料（照片 ${photos} 张，视频 ${x.media.length - photos} 段）`, x.media.length ? `<div class="media">${x.media.map((a, i) => mediaFigure(a, i + 1)).join('\n')}</div>` : '<p class="muted">（本月未上传照片或视频）</p>')}
<p class="muted">本页由推进系统于 ${chinaTime(x.now.toISOString())} 生成。</p>`;
  return page(title, body);
}
