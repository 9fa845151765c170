import type { FastifyInstance } from 'fastify';
import { idParam, WARNING_LABELS, warningListQuery, warningRecompute, warningSummaryQuery } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { recomputeForOffice } from './job';
import { listWarnings, projectWarnings, warningSummary } from './service';

const idParams = z.object({ id: idParam });

export function warningRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/warnings', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return listWarnings(ctx, user, parse(warningListQuery, request.query, WARNING_LABELS));
  });

  app.get('/api/v1/warnings/summary', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return warningSummary(ctx, user, parse(warningSummaryQuery, request.query, WARNING_LABELS));
  });

  // The office runs supervision: the capability that writes its settings runs the recompute too.
  app.post('/api/v1/warnings/recompute', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageObstacles');
    parse(warningRecompute, request.body);
    return recomputeForOffice(ctx, user);
  });

  app.get('/api/v1/projects/:id/warnings', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return projectWarnings(ctx, user, parse(idParams, request.params).id);
  });
}
