import type { ReportSummary } from '../reports/types';
import { dateLabel, daysOverdue, periodLabel } from './period-format';

// 催报名单: the text an office pastes into the companies' WeChat group, where the month's
// reminding happens today. Grouped by company, so each sees its own line at once.

const STATE: Record<string, string> = {
  未填报: '未填报',
  草稿: '已填写未报送',
  已退回: '已退回，请按审核意见修改后重新报送',
};

export function buildRemindText(input: { period: string; deadline: string; today: string; regionName: string; reports: ReportSummary[] }): string {
  const { period, deadline, today, regionName, reports } = input;
  const late = daysOverdue(deadline, today);
  const when = late > 0 ? `已逾期 ${late} 天` : deadline === today ? '今天截止' : `距截止还有 ${daysOverdue(today, deadline)} 天`;
  const byCompany = new Map<string, ReportSummary[]>();
  for (const r of reports) {
    const company = r.ownerOrgName ?? '未登记项目单位';
    byCompany.set(company, [...(byCompany.get(company) ?? []), r]);
  }
  const lines = [
    `【${regionName}重点项目${periodLabel(period)}月报催报】`,
    `报送截止日：${dateLabel(deadline)}（${when}）。以下 ${byCompany.size} 家单位 ${reports.length} 个项目尚未报送：`,
  ];
  let n = 0;
  for (const [company, list] of [...byCompany].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'))) {
    for (const r of list) {
      n += 1;
      lines.push(`${n}. ${company}：${r.projectName}（${STATE[r.statusLabel] ?? r.statusLabel}）`);
    }
  }
  lines.push('请以上单位填报员尽快登录重点项目推进系统，报送本月投资完成、形象进度和现场照片。');
  lines.push(`——${regionName}重点项目推进办公室`);
  return lines.join('\n');
}

/** Copies text; the clipboard API needs https, so plain-http intranets fall back to execCommand. */
export async function copyText(value: string): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // refused (permissions): try the old way below
  }
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
