import type { FastifyInstance } from 'fastify';
import { commitmentQuery, idParam, siteVisitCreate, siteVisitListQuery, siteVisitUpdate, uploadCreate, UPLOAD_LABELS, version, VISIT_LABELS } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { createUpload } from '../media/uploads';
import { readsMeetings } from '../meetings/queries';
import { loadCommitment } from './commitment';
import { createVisit, deleteVisit, listVisits, loadVisit, updateVisit } from './service';
import { registerVisitTarget } from './target';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number({ error: '缺少版本号' }).pipe(version) });

export function siteVisitRoutes(app: FastifyInstance, ctx: AppContext) {
  registerVisitTarget();

  app.get('/api/v1/site-visits', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return listVisits(ctx, user, parse(siteVisitListQuery, request.query, VISIT_LABELS));
  });

  app.get('/api/v1/site-visits/commitment', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    // The leaders' figures are the region's: for those who see the whole region.
    if (!readsMeetings(user)) throw forbidden('领导走访情况仅对重点项目办和县级领导开放');
    return loadCommitment(ctx, user, parse(commitmentQuery, request.query, VISIT_LABELS).month);
  });

  app.post('/api/v1/site-visits', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'recordVisits');
    return reply.status(201).send(await createVisit(ctx, user, parse(siteVisitCreate, request.body, VISIT_LABELS)));
  });

  app.get('/api/v1/site-visits/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return loadVisit(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/site-visits/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'recordVisits');
    return updateVisit(ctx, user, parse(idParams, request.params).id, parse(siteVisitUpdate, request.body, VISIT_LABELS));
  });

  app.delete('/api/v1/site-visits/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'recordVisits');
    return deleteVisit(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });

  app.post('/api/v1/site-visits/:id/uploads', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'recordVisits');
    const session = await createUpload(ctx, user, { kind: 'visit', id: parse(idParams, request.params).id }, parse(uploadCreate, request.body, UPLOAD_LABELS));
    return reply.status(201).send(session);
  });
}
