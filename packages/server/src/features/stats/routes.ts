import type { FastifyInstance } from 'fastify';
import { buildOverview, chinaYear, yearParam } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { readOverviewInput } from './queries';

const overviewQuery = z.strictObject({ year: yearParam.optional() });

export function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/stats/overview', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    const { year = chinaYear(ctx.clock.now()) } = parse(overviewQuery, request.query);
    const key = JSON.stringify(['overview', user.role, user.regionCode, user.orgId, year]);
    return ctx.cache.get(ctx.db, key, async () => buildOverview(await readOverviewInput(ctx.db, user, year)));
  });
}
