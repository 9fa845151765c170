import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness';
import { reportingCounty } from '../../test/report-fixtures';
import { DuplicateIndex } from './duplicate-index';

// Two near() calls that overlap (two uploads of one county at once, e.g. right after a restart)
// share one refresh: the index holds each photo once.

describe('duplicate index under concurrent refresh', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness('sqlite'); });
  afterAll(() => h.close());

  it('keeps one entry per photo', async () => {
    const c = await reportingCounty(h);
    const at = h.clock.now().toISOString();
    for (let i = 0; i < 3; i++) {
      await h.ctx.db.insertInto('media').values({
        projectId: c.project.id, regionCode: c.region, kind: 'photo', format: 'jpeg', mime: 'image/jpeg', filename: `${i}.jpg`, size: 1,
        sha256: String(i).repeat(64), phash: 'ffff0000ffff0000', originalKey: `media/x/${i}/original`, checkStatus: 'passed', createdAt: at, updatedAt: at,
      }).execute();
    }
    const index = new DuplicateIndex();
    await Promise.all([index.near(h.ctx.db, c.region, 'ffff0000ffff0000', 0), index.near(h.ctx.db, c.region, 'ffff0000ffff0000', 0)]);
    const found = await index.near(h.ctx.db, c.region, 'ffff0000ffff0000', 0);
    expect(found.map((f) => f.id)).toEqual([...new Set(found.map((f) => f.id))]);
  });
});
