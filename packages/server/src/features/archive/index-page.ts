import { PERIOD_STATUS_LABEL, type CheckStatus, type PeriodStatus, type Punctuality } from '@tuijin/core';
import type { PeriodCounts } from '../periods/present';
import { chinaTime, esc, monthTitle, page, text, safeTotal, wan, CHECK_MARK } from './html';
import { hrefOf } from './paths';
import { statusLabel } from './project-page';
import type { ArchivePeriod, ArchiveReportSummary } from './queries';

// The archive's contents page: the month's facts, who was late or missing, and every project
// of the month with its figures and photo checks, each linking to its own page.

export interface IndexRow {
  summary: ArchiveReportSummary;
  /** The project's folder in the archive ('projects/001-…'). */
  dir: string;
  photos: number;
  videos: number;
  checks: Record<CheckStatus, number>;
  punctuality: Punctuality;
}

export interface IndexPageInput {
  period: ArchivePeriod;
  counts: PeriodCounts;
  rows: IndexRow[];
  generatedAt: Date;
  hasOriginals: boolean;
  problems: string[];
  ledgerRows: number;
}

export const archiveTitle = (p: Pick<ArchivePeriod, 'regionName' | 'period'>) => `${p.regionName}重点项目 ${monthTitle(p.period)} 月报归档`;

const link = (row: IndexRow) => `<a href="${esc(hrefOf(`${row.dir}/index.html`))}">${esc(row.summary.projectName)}</a>`;

function nameList(rows: IndexRow[], empty: string): string {
  if (!rows.length) return `<p class="muted">${esc(empty)}</p>`;
  return `<ol>${rows.map((r) => `<li>${link(r)}<span class="muted">（${text(r.summary.ownerOrgName)}）</span></li>`).join('')}</ol>`;
}

function checkCell(r: IndexRow): string {
  const parts = (['passed', 'flagged', 'failed'] as const).filter((s) => r.checks[s] > 0);
  if (!parts.length) return '—';
  const cls = { passed: 'ok', flagged: 'warn', failed: 'bad' } as const;
  return parts.map((s) => `<span class="${cls[s]}">${CHECK_MARK[s]}${r.checks[s]}</span>`).join(' ');
}

/** A draft was never sent: its figures are the company's working copy, not the month's report. */
/** The month's word: figures of reports sent and not sent back (a draft or a returned report does not count). */
const sentFigures = (s: ArchiveReportSummary) => (s.status === 'submitted' || s.status === 'approved' ? s : { thisMonth: null, ytd: null, cumulative: null });

function projectTable(rows: IndexRow[]): string {
  const body = rows.map((r, i) => {
    const s = r.summary;
    const f = sentFigures(s);
    const rowClass = r.punctuality === 'late' || r.punctuality === 'missing' ? ' class="warn"' : '';
    return `<tr id="p${s.projectId}"><td class="num">${i + 1}</td><td>${link(r)}${s.projectCode ? `<br><span class="muted">${esc(s.projectCode)}</span>` : ''}</td>
<td>${text(s.ownerOrgName)}</td><td>${text(s.responsibleOrgName)}</td><td${rowClass}>${esc(statusLabel(s))}${r.punctuality === 'late' ? '（逾期）' : ''}</td>
<td>${chinaTime(s.firstSubmittedAt)}</td><td class="num">${wan(f.thisMonth)}</td><td class="num">${wan(f.ytd)}</td><td class="num">${wan(f.cumulative)}</td>
<td class="num">${r.photos}</td><td class="num">${r.videos}</td><td>${checkCell(r)}</td></tr>`;
  });
  const sum = (pick: (f: ReturnType<typeof sentFigures>) => number | null) => safeTotal(rows.map((r) => pick(sentFigures(r.summary))));
  return `<table id="projects"><thead><tr><th class="num">序号</th><th>项目名称</th><th>项目单位</th><th>责任单位</th><th>月报状态</th><th>首次报送</th>
<th class="num">本月完成<br>（万元）</th><th class="num">本年累计<br>（万元）</th><th class="num">开工以来累计<br>（万元）</th><th class="num">照片</th><th class="num">视频</th><th>影像核验</th></tr></thead>
<tbody>${body.join('\n')}</tbody>
<tfoot><tr><th></th><th>合计（${rows.length} 个项目，未报送的不计）</th><th colspan="4"></th><th class="num">${sum((s) => s.thisMonth)}</th><th class="num">${sum((s) => s.ytd)}</th><th class="num">${sum((s) => s.cumulative)}</th>
<th class="num">${rows.reduce((n, r) => n + r.photos, 0)}</th><th class="num">${rows.reduce((n, r) => n + r.videos, 0)}</th><th></th></tr></tfoot></table>`;
}

// Optional: the page is complete without it; with it, the box narrows the table as one types.
const FILTER_SCRIPT = `(function(){var q=document.getElementById('q');if(!q)return;q.hidden=false;
q.addEventListener('input',function(){var v=q.value.trim().toLowerCase();var rows=document.querySelectorAll('#projects tbody tr');
for(var i=0;i<rows.length;i++){rows[i].hidden=v!==''&&rows[i].textContent.toLowerCase().indexOf(v)<0;}});})();`;

export function renderIndexPage(x: IndexPageInput): string {
  const p = x.period;
  const c = x.counts;
  const facts: [string, string][] = [
    ['报送月份', esc(monthTitle(p.period))], ['报送截止日', esc(p.deadline)],
    ['报期状态', esc(PERIOD_STATUS_LABEL[p.status as PeriodStatus] ?? p.status)], ['所属地区', `${esc(p.regionName)}（${esc(p.regionCode)}）`],
    ['开启时间', `${chinaTime(p.openedAt)}${p.openedBy == null ? '（按计划自动开启）' : ''}`], ['关闭时间', chinaTime(p.closedAt)],
    ['归档生成时间', chinaTime(x.generatedAt.toISOString())], ['原始文件', x.hasOriginals ? '已包含（originals 文件夹）' : '未包含（仅含显示用照片，已去除拍摄信息）'],
  ];
  const tally: [string, number][] = [
    ['应报项目', c.total], ['未填报', c.notStarted], ['草稿', c.draft], ['已报送待审核', c.submitted], ['已退回', c.returned],
    ['已审核', c.approved], ['逾期报送', c.late], ['未报送（已过截止日）', c.missing],
  ];
  const late = x.rows.filter((r) => r.punctuality === 'late');
  const missing = x.rows.filter((r) => r.punctuality === 'missing');
  const body = `<h1>${esc(archiveTitle(p))}</h1>
${p.note ? `<p class="pre">${esc(p.note)}</p>` : ''}
<h2>报期情况</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<table><thead><tr>${tally.map(([k]) => `<th class="num">${esc(k)}</th>`).join('')}</tr></thead><tbody><tr>${tally.map(([, v]) => `<td class="num">${v}</td>`).join('')}</tr></tbody></table>
<h2>逾期报送（${late.length}）</h2>
${nameList(late, '无逾期报送的项目')}
<h2>未报送（${missing.length}）</h2>
${nameList(missing, p.status === 'closed' || new Date(x.generatedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10) > p.deadline ? '所有项目均已报送' : '尚未到报送截止日')}
<h2>项目一览</h2>
<input id="q" class="filter" type="search" placeholder="输入项目名称、单位筛选" hidden>
${projectTable(x.rows)}
<h2>其他文件</h2>
<ul>
<li><a href="ledger.xlsx">ledger.xlsx</a>：${esc(p.regionName)}${esc(p.period.slice(0, 4))}年重点项目台账（${x.ledgerRows} 个项目，金额单位万元）</li>
<li><a href="manifest.json">manifest.json</a>：归档清单（每个文件的大小和 SHA-256 校验值，以及每张照片、每段视频原始文件的校验值）</li>
<li><a href="SHA256SUMS">SHA256SUMS</a>：校验文件，可在解压目录中用 <code>sha256sum -c SHA256SUMS</code> 核对归档是否完整未改动</li>
</ul>
${x.problems.length ? `<h2 class="bad">归档时发现的问题（${x.problems.length}）</h2><ul>${x.problems.map((m) => `<li class="bad">${esc(m)}</li>`).join('')}</ul>` : ''}
<p class="muted">本归档由推进系统生成，无需联网即可浏览；照片为去除拍摄信息的显示图。</p>`;
  return page(archiveTitle(p), body, FILTER_SCRIPT);
}
