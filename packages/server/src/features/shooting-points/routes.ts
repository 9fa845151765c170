import type { FastifyInstance } from 'fastify';
import { idParam, SHOOTING_POINT_LABELS, shootingPointInput, shootingPointUpdate, version } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { createPoint, deletePoint, listPoints, updatePoint } from './service';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

export function shootingPointRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/projects/:id/shooting-points', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return listPoints(ctx, user, parse(idParams, request.params).id);
  });

  app.post('/api/v1/projects/:id/shooting-points', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'managePoints');
    return reply.status(201).send(await createPoint(ctx, user, parse(idParams, request.params).id, parse(shootingPointInput, request.body, SHOOTING_POINT_LABELS)));
  });

  app.patch('/api/v1/shooting-points/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePoints');
    return updatePoint(ctx, user, parse(idParams, request.params).id, parse(shootingPointUpdate, request.body, SHOOTING_POINT_LABELS));
  });

  app.delete('/api/v1/shooting-points/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePoints');
    return deletePoint(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });
}
