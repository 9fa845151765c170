import { checkData } from './data-checks';
import { listFigures } from './figures';
import { writeParagraphs } from './paragraphs';
import { tally } from './tally';
import type { BasicSituation, BasicSituationInput } from './types';

// 「一、基本情况」 of the annual summary, drafted from plain figures per project (no I/O): the
// paragraphs in the office's voice, every number with its label, and the data checks that
// make a number doubtful. The rules of what counts are in counting.ts.

export function buildBasicSituation(input: BasicSituationInput): BasicSituation {
  const t = tally(input);
  return {
    paragraphs: writeParagraphs(t, input.area, input.isCurrentYear),
    figures: listFigures(t),
    byCategory: [
      ...t.byCategory,
      {
        category: 'total', label: '合计', count: t.projects, totalInvestment: t.totalInvestment,
        plan: t.annual.plan, completed: t.annual.completed,
      },
    ],
    inconsistencies: checkData(t),
  };
}
