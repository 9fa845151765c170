import type { FastifyInstance } from 'fastify';
import { chinaYear, idParam, ledgerQuery, projectCreate, projectUpdate, stageTransition, version } from '@tuijin/core';
import { z } from 'zod';
import { auditAlone } from '../../lib/audit';
import { requireUser } from '../../lib/auth';
import { actorOf, type AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findProjectHistory } from './history';
import { exportLedger } from './ledger-export';
import { findLedgerPage, findLedgerTotals } from './ledger-queries';
import { presentLedgerRow } from './present';
import { createProject, deleteProject, loadProject, transitionStage, updateProject } from './service';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });
const exportUnit = z.object({ unit: z.enum(['wan', 'yi'], { error: '金额单位只能是 wan（万元）或 yi（亿元）' }).default('wan') });

export function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/projects', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    const query = parse(ledgerQuery, request.query);
    const filter = { ...query, year: query.year ?? chinaYear(ctx.clock.now()), yearOnly: query.year != null };
    // Pages and totals are cached per scope (not per user) until the ledger changes.
    const scope = [user.role, user.regionCode, user.orgId];
    const totalsKey = JSON.stringify(['ledger-totals', scope, { ...filter, page: 0, sort: 0, order: 0, pageSize: 0 }]);
    const page = async () => {
      const [rows, totals] = await Promise.all([
        findLedgerPage(ctx.db, user, filter),
        ctx.cache.get(ctx.db, totalsKey, () => findLedgerTotals(ctx.db, user, filter)),
      ]);
      const { count, ...sums } = totals;
      return { items: rows.map(presentLedgerRow), total: count, page: query.page, pageSize: query.pageSize, year: filter.year, totals: sums };
    };
    // Only screen-sized pages are kept: a reader asking for 500-row pages must not fill memory.
    return query.pageSize <= 100 ? ctx.cache.get(ctx.db, JSON.stringify(['ledger-page', scope, filter]), page) : page();
  });

  // The filtered ledger as the office prints it (.xlsx); every export is audited.
  app.get('/api/v1/projects/export.xlsx', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readLedger');
    const { unit, ...rest } = (request.query ?? {}) as Record<string, unknown>;
    const { unit: moneyUnit } = parse(exportUnit, { unit });
    const query = parse(ledgerQuery, rest);
    const filter = { ...query, year: query.year ?? chinaYear(ctx.clock.now()), yearOnly: query.year != null };
    const { stream, done, rows } = await exportLedger(ctx, user, filter, moneyUnit, user.regionName);
    await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), { action: 'export', objectType: 'ledger', after: { filter: rest, rows } });
    const name = encodeURIComponent(`${user.regionName}${filter.year}年重点项目台账.xlsx`);
    void done.catch((err: unknown) => request.log.error({ err }, 'ledger export failed'));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${name}`)
      .send(stream);
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
