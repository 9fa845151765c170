import type { FastifyInstance } from 'fastify';
import {
  idParam, OBSTACLE_LABELS, obstacleConfirm, obstacleCreate, obstacleEscalate, obstacleListQuery, obstacleReopen, obstacleResolve,
  obstacleStatsQuery, obstacleUpdate,
} from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { presentObstacleSummary } from './present';
import { findObstacleList } from './queries';
import { createObstacle, loadObstacle, updateObstacle } from './service';
import { obstacleStats } from './stats';
import { closeObstacle, escalateObstacle, reopenObstacle, resolveObstacle } from './transitions';

const idParams = z.object({ id: idParam });
const L = OBSTACLE_LABELS;

export function obstacleRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/obstacles', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    const query = parse(obstacleListQuery, request.query, L);
    const now = ctx.clock.now();
    const { rows, total } = await findObstacleList(ctx.db, user, query, now);
    return { items: rows.map((r) => presentObstacleSummary(r, now)), total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/v1/obstacles/stats', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return obstacleStats(ctx, user, parse(obstacleStatsQuery, request.query, L));
  });

  app.post('/api/v1/obstacles', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    return reply.status(201).send(await createObstacle(ctx, user, parse(obstacleCreate, request.body, L)));
  });

  app.get('/api/v1/obstacles/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return loadObstacle(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/obstacles/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    return updateObstacle(ctx, user, parse(idParams, request.params).id, parse(obstacleUpdate, request.body, L));
  });

  app.post('/api/v1/obstacles/:id/escalate', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    return escalateObstacle(ctx, user, parse(idParams, request.params).id, parse(obstacleEscalate, request.body, L));
  });

  app.post('/api/v1/obstacles/:id/resolve', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'resolveObstacles');
    return resolveObstacle(ctx, user, parse(idParams, request.params).id, parse(obstacleResolve, request.body, L));
  });

  app.post('/api/v1/obstacles/:id/close', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    return closeObstacle(ctx, user, parse(idParams, request.params).id, parse(obstacleConfirm, request.body, L));
  });

  app.post('/api/v1/obstacles/:id/reopen', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    return reopenObstacle(ctx, user, parse(idParams, request.params).id, parse(obstacleReopen, request.body, L));
  });
}
