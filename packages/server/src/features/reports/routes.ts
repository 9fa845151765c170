import type { FastifyInstance } from 'fastify';
import { idParam, period, reportListQuery, reportReview, reportSave, versionOnly } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findReportList } from './list';
import { approveReport, returnReport } from './review';
import { loadReport, saveReport, startReport } from './service';
import { submitReport } from './submit';
import { projectMedia, projectMonths } from './project-months';

const idParams = z.object({ id: idParam });
const startBody = z.strictObject({ projectId: idParam, period });

export function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/reports', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return findReportList(ctx, user, parse(reportListQuery, request.query));
  });

  app.post('/api/v1/reports', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'fillReports');
    return reply.status(201).send(await startReport(ctx, user, parse(startBody, request.body)));
  });

  app.get('/api/v1/reports/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return loadReport(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/reports/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'fillReports');
    return saveReport(ctx, user, parse(idParams, request.params).id, parse(reportSave, request.body));
  });

  app.post('/api/v1/reports/:id/submit', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'fillReports');
    return submitReport(ctx, user, parse(idParams, request.params).id, parse(versionOnly, request.body).version);
  });

  app.post('/api/v1/reports/:id/return', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'reviewReports');
    return returnReport(ctx, user, parse(idParams, request.params).id, parse(reportReview, request.body));
  });

  app.post('/api/v1/reports/:id/approve', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'reviewReports');
    return approveReport(ctx, user, parse(idParams, request.params).id, parse(reportReview, request.body));
  });
}

export function projectReportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/projects/:id/reports', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return projectMonths(ctx, user, parse(idParams, request.params).id);
  });

  app.get('/api/v1/projects/:id/media', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return projectMedia(ctx, user, parse(idParams, request.params).id);
  });
}
