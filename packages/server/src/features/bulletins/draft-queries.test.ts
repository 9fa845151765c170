import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { warningCounty, type WarningCounty } from '../../test/warning-fixtures';
import { runBulletinFactQueries } from './draft-queries';

// A bulletin lists the warnings standing when it is drafted: a warning that changed level since
// reads at the level and in the words it had then, and one cleared since is still listed.

const W = 10_000;

describe.each(DIALECTS)('the warnings a bulletin reads on %s', (dialect) => {
  let h: Harness;
  let c: WarningCounty;
  let behind: { id: number };
  let late: { id: number };
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await warningCounty(h);
    await c.on('2026-06-15');
    behind = await c.addProject('滞后项目', { stage: 'under_construction', actualStartDate: '2026-02-01' } as never);
    await h.request('PUT', `/api/v1/projects/${behind.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 10_000 * W, target: 10_000 * W, completed: 3_000 * W } });
    late = await c.addProject('未开工项目', { stage: 'signed', commitStartDate: '2026-05-01' } as never);
  });
  afterAll(() => h.close());

  it('reads each warning as it stood at the drafting moment', async () => {
    await c.recompute();
    const june = h.clock.now().toISOString();
    const before = await c.live(behind.id, 'investment_behind');
    expect(before).toMatchObject({ level: 'yellow' });
    // October: the pace has moved on (red), and the late project has started (its warning cleared).
    await c.on('2026-10-15');
    await h.ctx.db.updateTable('project').set({ actualStartDate: '2026-10-01', stage: 'under_construction' }).where('id', '=', late.id).execute();
    await c.recompute();
    const after = await c.live(behind.id, 'investment_behind');
    expect(after).toMatchObject({ level: 'red' });
    expect(await c.live(late.id, 'start_overdue')).toBeUndefined();

    const of = async (asOf: string) => Object.fromEntries((await runBulletinFactQueries(h.ctx.db, c.region, '2026-06', asOf)).warnings
      .map((w) => [w.rule, { projectId: w.projectId, level: w.level, reason: w.reason }]));
    expect(await of(june)).toEqual({
      investment_behind: { projectId: behind.id, level: 'yellow', reason: before!.reason },
      start_overdue: { projectId: late.id, level: 'red', reason: expect.stringContaining('2026-05-01') },
    });
    expect(await of(h.clock.now().toISOString())).toEqual({ investment_behind: { projectId: behind.id, level: 'red', reason: after!.reason } });
    expect(before!.reason).not.toBe(after!.reason);
  });
});
