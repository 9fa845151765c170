import type { FastifyInstance } from 'fastify';
import { id, idParam, periodClose, periodOpen, periodUpdate, versionOnly } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import { actorOf, type AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { archiveInBackground, sendArchive } from '../archive/service';
import { presentPeriod } from './present';
import { findPeriods } from './queries';
import { loadPeriod, openPeriod, remindPeriod, setPeriodStatus, updatePeriod } from './service';

const idParams = z.object({ id: idParam });
const remindBody = z.strictObject({ reportIds: z.array(id, { error: '必须是月报编号列表' }).max(5000, '一次最多 5000 份').optional() });

export function periodRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/periods', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    const rows = await findPeriods(ctx.db, user);
    return { items: await Promise.all(rows.map((p) => presentPeriod(ctx, ctx.db, user, p))) };
  });

  app.post('/api/v1/periods', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    return reply.status(201).send(await openPeriod(ctx, user, parse(periodOpen, request.body)));
  });

  app.get('/api/v1/periods/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return loadPeriod(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/periods/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    return updatePeriod(ctx, user, parse(idParams, request.params).id, parse(periodUpdate, request.body));
  });

  app.post('/api/v1/periods/:id/close', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    const { id: periodId } = parse(idParams, request.params);
    const input = parse(periodClose, request.body);
    const period = await setPeriodStatus(ctx, user, periodId, input.version, 'closed');
    // The archive (the month's "CD") is built after the answer; the page shows it when ready.
    if (input.archive) void archiveInBackground(ctx, actorOf(user, request.ip), periodId, request.log);
    return period;
  });

  app.post('/api/v1/periods/:id/reopen', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    return setPeriodStatus(ctx, user, parse(idParams, request.params).id, parse(versionOnly, request.body).version, 'open');
  });

  app.post('/api/v1/periods/:id/remind', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    return remindPeriod(ctx, user, parse(idParams, request.params).id, parse(remindBody, request.body).reportIds ?? null);
  });

  app.post('/api/v1/periods/:id/archive', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    const { id: periodId } = parse(idParams, request.params);
    // An office archives the months it runs; a county sees its city's month but does not rebuild it.
    const period = await loadPeriod(ctx, ctx.db, user, periodId);
    if (!period.canManage) throw notFound('报期');
    void archiveInBackground(ctx, actorOf(user, request.ip), periodId, request.log);
    return reply.status(202).send({ accepted: true });
  });

  app.get('/api/v1/periods/:id/archive', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readArchives');
    return sendArchive(ctx, user, parse(idParams, request.params).id, reply);
  });
}
