import type { BookNode, Books, Stage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';
import type { NodeMet } from '../reports/present';

// 账面: what the books say about a project when the inspector arrives — its latest monthly
// report sent (报送, whether approved yet or not; a returned one is not the month's word) and
// the ledger (stage, key nodes with the dates they were met). A latest report of 「本月无变化」
// says the last figures still stand: 形象进度 and the money are those of the last report that
// gave them (figuresFrom names its month).

export interface BooksView extends Books {
  report: (NonNullable<Books['report']> & { status: string; ytd: number | null; thisMonth: number | null; submittedAt: string | null; noChange: boolean; figuresFrom: string | null }) | null;
}

export async function gatherBooks(db: Executor, projectId: number): Promise<BooksView> {
  const [project, report, nodes] = await Promise.all([
    db.selectFrom('project').select('stage').where('id', '=', projectId).executeTakeFirstOrThrow(),
    db.selectFrom('monthlyReport')
      .select(['id', 'period', 'status', 'progress', 'thisMonth', 'ytd', 'cumulative', 'nodesMet', 'submittedAt', 'noChange'])
      .where('projectId', '=', projectId).where('status', 'in', ['submitted', 'approved'])
      .orderBy('period', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('projectNode').select(['id', 'name', 'plannedDate', 'actualDate']).where('projectId', '=', projectId).orderBy('plannedDate').orderBy('id').execute(),
  ]);
  const figures = report?.noChange === 1
    ? await db.selectFrom('monthlyReport').select(['period', 'progress', 'cumulative', 'ytd'])
      .where('projectId', '=', projectId).where('status', 'in', ['submitted', 'approved']).where('noChange', '=', 0).where('period', '<', report.period)
      .orderBy('period', 'desc').limit(1).executeTakeFirst()
    : null;
  // A report sent but not yet approved has not reached the ledger: its nodes count as claimed.
  const claimed = new Map(parseJson<NodeMet[]>(report?.nodesMet, []).map((n) => [n.nodeId, n.date]));
  const bookNodes: BookNode[] = nodes.map((n) => ({ id: n.id, name: n.name, plannedDate: n.plannedDate, reportedMetOn: n.actualDate ?? claimed.get(n.id) ?? null }));
  return {
    stage: project.stage as Stage,
    nodes: bookNodes,
    report: report
      ? {
          id: report.id, period: report.period, status: report.status, submittedAt: report.submittedAt, noChange: report.noChange === 1,
          progress: figures ? figures.progress : report.progress, cumulative: figures ? figures.cumulative : report.cumulative,
          ytd: figures ? figures.ytd : report.ytd, thisMonth: figures ? 0 : report.thisMonth, figuresFrom: figures?.period ?? null,
        }
      : null,
  };
}
