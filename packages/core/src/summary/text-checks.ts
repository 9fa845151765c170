import type { Inconsistency } from './types';

// Checks of the office's own wording of 「一、基本情况」 once it has been edited: a share that
// its counts do not give (the 2021 summary says 装备制造28、生物医药8、新能源10、新材料6 are
// 「占到项目总数57%」 of 105, which is 49.5%), category totals that do not add up to the total
// (430 + 390 + 40 = 860亿元 against 「项目总投资达到970亿元」), or a project count the ledger
// no longer has. Figures written in the text are rounded, so each comparison allows for the
// rounding of every number it uses: only a real disagreement is reported.

interface Stated {
  /** In 万元 (amounts) or units (counts, percents). */
  value: number;
  /** Half the last written digit: the rounding the written number may hide. */
  slack: number;
}

function stated(digits: string, unit: number): Stated {
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  return { value: Number(digits) * unit, slack: (0.5 * unit) / 10 ** decimals };
}

function amount(match: RegExpExecArray | RegExpMatchArray | null, from = 1): Stated | null {
  if (!match || match[from] == null) return null;
  return stated(match[from], match[from + 1] === '亿' ? 10_000 : 1);
}

/** Is `percent` (as written) within what part ÷ whole can be, given their rounding? */
function shareAgrees(percent: Stated, part: Stated, whole: Stated): boolean {
  if (whole.value - whole.slack <= 0) return true;
  const low = (100 * Math.max(0, part.value - part.slack)) / (whole.value + whole.slack);
  const high = (100 * (part.value + part.slack)) / (whole.value - whole.slack);
  const eps = 1e-9;
  return percent.value + percent.slack >= low - eps && percent.value - percent.slack <= high + eps;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const wanText = (wan: number) => (Math.abs(wan) >= 10_000 ? `${fmt(wan / 10_000)}亿元` : `${fmt(wan)}万元`);
const exact = (value: number): Stated => ({ value, slack: 0 });

/** Half-width punctuation as some offices type it (105个,其中,…;…) read as full-width. */
function normalize(text: string): string {
  return text.replace(/,(?!\d{3}(?!\d))/g, '，').replace(/;/g, '；').replace(/\(/g, '（').replace(/\)/g, '）');
}

function sentencesOf(text: string): string[] {
  return text.split(/[。\n]/).map((s) => s.trim()).filter(Boolean);
}

function totalCheck(sentences: string[], total: number | null): Inconsistency[] {
  const out: Inconsistency[] = [];
  const opening = sentences.find((s) => /共实施重点项目\d+个/.test(s));
  if (!opening || total == null) return out;
  const items = [...opening.matchAll(/项目(\d+)个，总投资([\d.]+)\s*(亿|万)元/g)];
  if (items.length >= 2) {
    const count = items.reduce((s, m) => s + Number(m[1]), 0);
    if (count !== total) out.push({ code: 'text_count_sum_mismatch', message: `文中各类项目个数合计${count}个，与「共实施重点项目${total}个」不符。` });
    const sum = items.reduce((s, m) => {
      const a = amount(m, 2)!;
      return { value: s.value + a.value, slack: s.slack + a.slack };
    }, { value: 0, slack: 0 });
    const whole = amount(sentences.join('。').match(/项目总投资达到([\d.]+)\s*(亿|万)元/));
    if (whole && Math.abs(sum.value - whole.value) > sum.slack + whole.slack + 1e-9) {
      out.push({ code: 'text_amount_sum_mismatch', message: `文中各类项目总投资合计${wanText(sum.value)}，与「项目总投资达到${wanText(whole.value)}」相差${wanText(Math.abs(whole.value - sum.value))}。` });
    }
  }
  return out;
}

function shareChecks(sentences: string[], total: number | null): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const s of sentences) {
    const share = /占到项目总数的?([\d.]+)%/.exec(s);
    if (share) {
      const before = s.slice(0, share.index);
      const listed = [...before.matchAll(/项目(?:达到)?(\d+)个/g)].map((m) => Number(m[1]));
      const summed = /合计(\d+)个/.exec(before);
      const listedSum = listed.reduce((a, b) => a + b, 0);
      const part = summed ? Number(summed[1]) : listedSum;
      if (summed && listed.length && listedSum !== part) {
        out.push({ code: 'text_count_sum_mismatch', message: `文中所列${listed.join('+')}=${listedSum}个，写的是「合计${part}个」。` });
      }
      const percent = stated(share[1]!, 1);
      if (total && listed.length && !shareAgrees(percent, exact(part), exact(total))) {
        out.push({ code: 'text_share_mismatch', message: `文中「占到项目总数${share[1]}%」与所列项目数不符：${part}÷${total}=${fmt((100 * part) / total)}%。` });
      }
    }
    const planShare = /占年度计划的?([\d.]+)%/.exec(s);
    const plan = amount(/年度计划投资([\d.]+)\s*(亿|万)元/.exec(s));
    const done = amount(/已完成投资([\d.]+)\s*(亿|万)元/.exec(s));
    if (planShare && plan && done && !shareAgrees(stated(planShare[1]!, 1), done, plan)) {
      out.push({ code: 'text_share_mismatch', message: `文中「占年度计划的${planShare[1]}%」与所写金额不符：${wanText(done.value)}÷${wanText(plan.value)}=${fmt((100 * done.value) / plan.value)}%。` });
    }
  }
  return out;
}

/**
 * Checks an edited 「一、基本情况」 against itself and against the ledger's current project
 * count (when given): sums and shares that do not match the numbers they are made of.
 */
export function checkSummaryText(original: string, ledger?: { projects: number }): Inconsistency[] {
  const text = normalize(original);
  const sentences = sentencesOf(text);
  const writtenTotal = /共实施重点项目(\d+)个/.exec(text);
  const total = writtenTotal ? Number(writtenTotal[1]) : ledger?.projects ?? null;
  const out: Inconsistency[] = [];
  if (writtenTotal && ledger && Number(writtenTotal[1]) !== ledger.projects) {
    out.push({ code: 'text_stale', message: `文中「共实施重点项目${writtenTotal[1]}个」与台账现有的${ledger.projects}个实施项目不一致：保存后台账已有变化，或文字有误。` });
  }
  return [...out, ...totalCheck(sentences, total), ...shareChecks(sentences, total)];
}
