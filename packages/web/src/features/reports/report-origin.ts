// Where a report was opened from, carried in the router's location state (it survives a
// reload): a report opened from a project's 月报 tab leads back to that project, and the menu
// keeps 项目台账 lit, instead of sending the reader to the office's month board.

export type ReportOrigin = { from: 'project' };

export const FROM_PROJECT: ReportOrigin = { from: 'project' };

export function isFromProject(state: unknown): boolean {
  return typeof state === 'object' && state != null && (state as Partial<ReportOrigin>).from === 'project';
}
