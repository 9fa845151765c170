// What other packages use of the annual summary: the builder, the text checks, the input
// schema and the shapes. Wording helpers stay inside (the bulletin has its own).
export type {
  BasicSituation, BasicSituationInput, CategoryRow, Figure as SummaryFigure, FigureUnit as SummaryFigureUnit,
  Inconsistency as SummaryInconsistency, SummaryArea, SummaryProject, SummaryProjectPlan,
} from './types';
export { amountText } from './wording';
export { buildBasicSituation } from './basic-situation';
export { checkSummaryText } from './text-checks';
export * from './schema';
