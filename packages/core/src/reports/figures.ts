// The figures of a monthly report: investment done this month, year to date (1-N月) and
// since the start of construction (开工以来累计). The system proposes the sums from the last
// approved month; a cumulative that goes down, or exceeds the project's total investment,
// needs an explanation from the reporter (a correction, a revised budget) before it is taken.

export interface PreviousFigures {
  /** Year-to-date through the previous month of the same year (0 in January); null when unknown. */
  ytd: number | null;
  /** Since-start cumulative through the previous month; null before a project's first report. */
  cumulative: number | null;
}

export interface ReportFigures {
  /** Investment done in the reported month. */
  thisMonth: number;
  ytd: number;
  cumulative: number;
}

/** The sums the form proposes; a first report's cumulative is the reporter's own figure. */
export function proposeFigures(thisMonth: number, previous: PreviousFigures): { thisMonth: number; ytd: number | null; cumulative: number | null } {
  return { thisMonth, ytd: previous.ytd == null ? null : previous.ytd + thisMonth, cumulative: previous.cumulative == null ? null : previous.cumulative + thisMonth };
}

export type FigureProblemCode = 'negative' | 'ytd_mismatch' | 'cumulative_down' | 'above_total' | 'month_above_total' | 'ytd_above_cumulative';

export interface FigureProblem {
  code: FigureProblemCode;
  field: 'thisMonth' | 'ytd' | 'cumulative';
  /** Refused outright, or accepted only with an explanation. */
  needsExplanation: boolean;
  message: string;
}

const yuanText = (yuan: number) => `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;

/** Every problem with the figures, in Chinese; an explanation turns the explainable ones into notes. */
export function checkFigures(
  figures: ReportFigures,
  previous: PreviousFigures,
  totalInvestment: number,
): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (const field of ['thisMonth', 'ytd', 'cumulative'] as const) {
    if (figures[field] < 0) {
      problems.push({ code: 'negative', field, needsExplanation: false, message: `${FIELD[field]}不能为负数` });
    }
  }
  // A month above the whole project is nearly always 元 typed into a 万元 box.
  if (figures.thisMonth > totalInvestment) {
    problems.push({
      code: 'month_above_total', field: 'thisMonth', needsExplanation: true,
      message: `本月完成投资 ${yuanText(figures.thisMonth)} 超过项目总投资 ${yuanText(totalInvestment)}，请核对单位是否为万元`,
    });
  }
  if (previous.ytd != null && figures.ytd !== previous.ytd + figures.thisMonth) {
    problems.push({
      code: 'ytd_mismatch', field: 'ytd', needsExplanation: true,
      message: `本年累计 ${yuanText(figures.ytd)} 不等于上月累计 ${yuanText(previous.ytd)} 加本月 ${yuanText(figures.thisMonth)}`,
    });
  }
  if (previous.cumulative != null && figures.cumulative < previous.cumulative) {
    problems.push({
      code: 'cumulative_down', field: 'cumulative', needsExplanation: true,
      message: `开工以来累计 ${yuanText(figures.cumulative)} 比上月的 ${yuanText(previous.cumulative)} 还少`,
    });
  }
  if (figures.cumulative > totalInvestment) {
    problems.push({
      code: 'above_total', field: 'cumulative', needsExplanation: true,
      message: `开工以来累计 ${yuanText(figures.cumulative)} 超过项目总投资 ${yuanText(totalInvestment)}`,
    });
  }
  if (figures.ytd > figures.cumulative) {
    problems.push({ code: 'ytd_above_cumulative', field: 'ytd', needsExplanation: false, message: '本年累计不能大于开工以来累计' });
  }
  return problems;
}

const FIELD = { thisMonth: '本月完成投资', ytd: '本年累计完成', cumulative: '开工以来累计完成' } as const;

/** The problems that still block a submission, given whether the reporter explained. */
export function blockingProblems(problems: FigureProblem[], hasExplanation: boolean): FigureProblem[] {
  return problems.filter((p) => !p.needsExplanation || !hasExplanation);
}
