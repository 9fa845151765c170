import type { FastifyInstance } from 'fastify';
import { chinaYear, idParam, ledgerQuery, projectCreate, projectUpdate, stageTransition, version } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findProjectHistory } from './history';
import { findLedgerPage, findLedgerTotals } from './ledger-queries';
import { presentLedgerRow } from './present';
import { createProject, deleteProject, loadProject, transitionStage, updateProject } from './service';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

export function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/projects', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    const query = parse(ledgerQuery, request.query);
    const filter = { ...query, year: query.year ?? chinaYear(ctx.clock.now()), yearOnly: query.year != null };
    // Pages and totals are cached per scope (not per user) until the ledger changes.
    const scope = [user.role, user.regionCode, user.orgId];
    const totalsKey = JSON.stringify(['ledger-totals', scope, { ...filter, page: 0, sort: 0, order: 0, pageSize: 0 }]);
    return ctx.cache.get(ctx.db, JSON.stringify(['ledger-page', scope, filter]), async () => {
      const [rows, totals] = await Promise.all([
        findLedgerPage(ctx.db, user, filter),
        ctx.cache.get(ctx.db, totalsKey, () => findLedgerTotals(ctx.db, user, filter)),
      ]);
      const { count, ...sums } = totals;
      return { items: rows.map(presentLedgerRow), total: count, page: query.page, pageSize: query.pageSize, year: filter.year, totals: sums };
    });
  });

  app.post('/api/v1/projects', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return reply.status(201).send(await createProject(ctx, user, parse(projectCreate, request.body)));
  });

  app.get('/api/v1/projects/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    return loadProject(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/projects/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return updateProject(ctx, user, parse(idParams, request.params).id, parse(projectUpdate, request.body));
  });

  app.delete('/api/v1/projects/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return deleteProject(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });

  app.post('/api/v1/projects/:id/stage', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return transitionStage(ctx, user, parse(idParams, request.params).id, parse(stageTransition, request.body));
  });

  app.get('/api/v1/projects/:id/history', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    const { id } = parse(idParams, request.params);
    await loadProject(ctx, ctx.db, user, id);
    return { items: await findProjectHistory(ctx.db, id) };
  });
}
