import { formatAmountAuto, formatPercent } from '../money';
import { METRIC_LABEL, type Formula, type SchemeItem } from './scheme';
import type { ItemScore } from './score';

// Why a score is what it is, in the words a department reads when it disputes its rank: the
// formula, the figures, and what each point was taken or given for.

const pts = (n: number) => `${Math.round(n * 100) / 100}分`;
const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

export function formulaText(formula: Formula, weight: number): string {
  switch (formula.kind) {
    case 'ratio':
      return formula.full === 1 ? `满分${pts(weight)}，按完成比例得分` : `满分${pts(weight)}，达到${pct(formula.full)}得满分，以下按比例得分`;
    case 'bands':
      return `满分${pts(weight)}，分档：${formula.bands.map((b) => `达${pct(b.atLeast)}得${pts(weight * b.share)}`).join('，')}，不足${pct(formula.bands.at(-1)!.atLeast)}不得分`;
    case 'deduction':
      return `满分${pts(weight)}，每次扣${pts(formula.per)}${formula.max != null && formula.max < weight ? `，最多扣${pts(formula.max)}` : '，扣完为止'}`;
    case 'bonus':
      return `每次加${pts(formula.per)}，最多加${pts(formula.max)}`;
  }
}

/** What was measured, in words with the figures (the sentence after the item's name). */
export function valueText(item: SchemeItem, s: ItemScore): string {
  const f = s.figures;
  if (!s.applicable) return '本月不适用';
  switch (item.metric) {
    case 'investment_pace':
      return `本年累计完成${formatAmountAuto(Number(f.completed))}，年度计划${formatAmountAuto(Number(f.plan))}，按序时（${f.months}/12）应完成${formatAmountAuto(Number(f.due))}，完成序时进度的${formatPercent(s.value)}`;
    case 'nodes_on_time':
      return `截至月末应完成关键节点${f.due}个，按期完成${f.onTime}个${Number(f.missed) ? `，逾期或延期完成${f.missed}个` : ''}`;
    case 'start_on_time':
    case 'completion_on_time': {
      const what = item.metric === 'start_on_time' ? '开工' : '竣工投产';
      return f.actual ? `承诺${what}日期${f.commit}，实际${f.actual}${s.events ? '，未按期' : '，按期'}` : `承诺${what}日期${f.commit}，至月末尚未${what}`;
    }
    case 'report_on_time':
      return f.sentOn ? `报送截止${f.deadline}，${f.sentOn}报送${s.events ? '，逾期' : '，按时'}` : `报送截止${f.deadline}，至今未报送`;
    case 'report_complete':
      return [Number(f.returned) ? `被退回${f.returned}次` : '未被退回', Number(f.noPhotos) ? '未附影像资料' : ''].filter(Boolean).join('，');
    case 'photos_pass':
      return `影像资料${f.photos}张，核验未通过${f.failed}张，通过率${formatPercent(s.value)}`;
    case 'obstacles_resolved':
      return `本月应解决问题${f.due}个，按期解决${f.onTime}个${Number(f.overdue) ? `，月末仍逾期${f.overdue}个` : ''}`;
    case 'inspection_findings':
      return Number(f.findings) ? `本月督导检查${f.findings}次，发现问题${f.bad}次` : '本月未发现问题';
    case 'milestones':
      return Number(f.events) ? `本月${s.refs.map((r) => r.label).join('、')}` : '本月无开工、竣工或投产';
  }
}

/** The whole sentence: what was measured and how it became the score. */
export function explainItem(item: SchemeItem, s: ItemScore): string {
  if (!s.applicable) return `${METRIC_LABEL[item.metric]}：本月不适用，不计入（其余适用项折算为百分制）`;
  const measured = valueText(item, s);
  switch (item.formula.kind) {
    case 'deduction':
      return s.events ? `${measured}；${s.events}次×${pts(item.formula.per)}，扣${pts(item.weight - s.score)}，得${pts(s.score)}` : `${measured}；不扣分，得${pts(s.score)}`;
    case 'bonus':
      return s.events ? `${measured}；加${pts(s.score)}` : `${measured}；不加分`;
    default:
      return `${measured}；得${pts(s.score)}（满分${pts(item.weight)}）`;
  }
}
