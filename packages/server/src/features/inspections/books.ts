import type { BookNode, Books, Stage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';
import type { NodeMet } from '../reports/present';

// 账面: what the books say about a project when the inspector arrives — its latest monthly
// report sent (报送, whether approved yet or not; a returned one is not the month's word) and
// the ledger (stage, key nodes with the dates they were met).

export interface BooksView extends Books {
  report: (NonNullable<Books['report']> & { status: string; ytd: number | null; thisMonth: number | null; submittedAt: string | null; noChange: boolean }) | null;
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
  // A report sent but not yet approved has not reached the ledger: its nodes count as claimed.
  const claimed = new Map(parseJson<NodeMet[]>(report?.nodesMet, []).map((n) => [n.nodeId, n.date]));
  const bookNodes: BookNode[] = nodes.map((n) => ({ id: n.id, name: n.name, plannedDate: n.plannedDate, reportedMetOn: n.actualDate ?? claimed.get(n.id) ?? null }));
  return {
    stage: project.stage as Stage,
    nodes: bookNodes,
    report: report
      ? {
          id: report.id, period: report.period, status: report.status, progress: report.progress, cumulative: report.cumulative,
          ytd: report.ytd, thisMonth: report.thisMonth, submittedAt: report.submittedAt, noChange: report.noChange === 1,
        }
      : null,
  };
}
