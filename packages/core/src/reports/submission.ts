import { blockingProblems, checkFigures, type FigureProblem, type PreviousFigures } from './figures';

// What a report must hold before it can be submitted. A report says what happened: figures
// and 形象进度 and photos, or 「本月无变化」 with the reason (a valid report, not a blank).

export interface ReportContent {
  thisMonth: number | null;
  ytd: number | null;
  cumulative: number | null;
  explanation: string | null;
  progress: string | null;
  noChange: boolean;
  noChangeReason: string | null;
}

export interface SubmissionProblem {
  field: string;
  message: string;
}

/** Figures of a 无变化 month: nothing done, the sums carried from the month before (unknown stays unknown). */
export function noChangeFigures(previous: PreviousFigures): { thisMonth: number; ytd: number | null; cumulative: number | null } {
  return { thisMonth: 0, ytd: previous.ytd, cumulative: previous.cumulative };
}

/**
 * Everything that blocks a submission, in Chinese, naming the field; an empty list means it
 * may go. Figure problems that an explanation can cover are returned as `notes` instead when
 * the reporter explained them, so the reviewer sees them beside the explanation.
 */
export function submissionProblems(
  report: ReportContent,
  context: { previous: PreviousFigures; totalInvestment: number; photoCount: number; minPhotos: number },
): { problems: SubmissionProblem[]; notes: FigureProblem[] } {
  const problems: SubmissionProblem[] = [];
  if (report.noChange) {
    if (!report.noChangeReason?.trim()) problems.push({ field: 'noChangeReason', message: '本月无变化：请说明原因' });
    return { problems, notes: [] };
  }
  for (const field of ['thisMonth', 'ytd', 'cumulative'] as const) {
    if (report[field] == null) problems.push({ field, message: `${FIGURE_LABEL[field]}：必须填写` });
  }
  if (!report.progress?.trim()) problems.push({ field: 'progress', message: '形象进度：必须填写本月完成的工程内容' });
  if (context.photoCount < context.minPhotos) {
    problems.push({ field: 'media', message: `现场照片：至少需要 ${context.minPhotos} 张，当前 ${context.photoCount} 张` });
  }
  if (problems.length) return { problems, notes: [] };
  const figures = { thisMonth: report.thisMonth!, ytd: report.ytd!, cumulative: report.cumulative! };
  const found = checkFigures(figures, context.previous, context.totalInvestment);
  const hasExplanation = Boolean(report.explanation?.trim());
  for (const p of blockingProblems(found, hasExplanation)) {
    problems.push({ field: p.field, message: p.needsExplanation ? `${p.message}；如情况属实，请在「情况说明」中说明原因` : p.message });
  }
  return { problems, notes: found.filter((p) => p.needsExplanation && hasExplanation) };
}

const FIGURE_LABEL = { thisMonth: '本月完成投资', ytd: '本年累计完成投资', cumulative: '开工以来累计完成投资' } as const;
