import { CHECK_LABEL, formatAmount, sumYuan, type CheckResult, type CheckStatus } from '@tuijin/core';

// The archive's pages are opened from a disc or a folder (file://), years later, with no
// server: each page carries its own styles, links only to files beside it, and needs no script.
// Everything a person typed is escaped here, so a caption like <script> shows as text.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  return value == null ? '' : String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escaped text, or a dash when empty. */
export const text = (value: string | number | null | undefined) => (value == null || value === '' ? '—' : esc(value));

/** 万元 with two decimals, as the office's tables show money. */
export const wan = (yuan: number | null | undefined) => (yuan == null ? '—' : esc(formatAmount(yuan, 'wan', 2)));

/** A total in 万元 that never stops the archive: beyond exact integers it reads 「超出范围」. */
export function safeTotal(values: (number | null | undefined)[]): string {
  try {
    return wan(sumYuan(values));
  } catch {
    return '超出范围';
  }
}

/** A UTC timestamp as China time ('2026-06-03 14:05'). */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return esc(iso);
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** '39 KB', '12.50 MB': the size a person reads. */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** '2026-05' → '2026年5月'. */
export const monthTitle = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

export const CHECK_MARK: Record<CheckStatus, string> = { passed: '✓', flagged: '?', failed: '✗' };
const RESULT_CLASS: Record<CheckStatus, string> = { passed: 'ok', flagged: 'warn', failed: 'bad' };

export function checkStatusOf(c: CheckResult): CheckStatus {
  return c.passed === true ? 'passed' : c.passed === false ? 'failed' : 'flagged';
}

/** One check as a line: mark, what was checked, and what was found. */
export function checkLine(c: CheckResult): string {
  const status = checkStatusOf(c);
  return `<li class="${RESULT_CLASS[status]}"><b>${CHECK_MARK[status]}</b> ${esc(CHECK_LABEL[c.code] ?? c.code)}：${esc(c.message)}</li>`;
}

export function badge(status: CheckStatus, label: string): string {
  return `<span class="badge ${RESULT_CLASS[status]}">${CHECK_MARK[status]} ${esc(label)}</span>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif;color:#1f1f1f;margin:0 auto;max-width:1200px;padding:16px 24px;line-height:1.6;font-size:14px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:17px;border-bottom:2px solid #1f4e79;padding-bottom:2px;margin:20px 0 8px;color:#1f4e79}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #bfbfbf;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef3f8;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:9em 1fr 9em 1fr;gap:2px 12px;margin:6px 0}dl.facts dt{color:#555}dl.facts dd{margin:0}
.pre{white-space:pre-wrap;word-break:break-word}.muted{color:#777}.nav{margin:4px 0 12px}
.ok{color:#1a7f37}.warn{color:#9a6700}.bad{color:#cf222e}
.badge{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 4px;font-size:12px;white-space:nowrap}
.media{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
figure{margin:0;border:1px solid #d0d0d0;padding:8px;break-inside:avoid;page-break-inside:avoid}
figure img{display:block;max-width:100%;max-height:420px;margin:0 auto}figcaption{font-size:13px}
ul.checks{margin:4px 0;padding-left:1.2em}ul.checks li{list-style:none;margin-left:-1.2em}
input.filter{font-size:14px;padding:4px 8px;width:20em;margin:6px 0}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;padding:0;font-size:11pt}.nav,input.filter{display:none}a{color:inherit;text-decoration:none}
h2{break-after:avoid;page-break-after:avoid}tr,figure{break-inside:avoid;page-break-inside:avoid}.media{display:block}figure{margin-bottom:8px}}
`;

export function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tuijin">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}
