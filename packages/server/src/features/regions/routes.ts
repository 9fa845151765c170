import type { FastifyInstance } from 'fastify';
import { regionCode, regionInput, REGION_LABELS, regionUpdate } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { createRegion, listRegions, renameRegion } from './service';

const codeParams = z.object({ code: regionCode });

export function regionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/regions', async (request) => {
    const user = requireUser(request);
    return { items: await listRegions(ctx.db, user) };
  });

  app.post('/api/v1/regions', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageRegions');
    const input = parse(regionInput, request.body, REGION_LABELS);
    return reply.status(201).send(await createRegion(ctx, user, input));
  });

  app.patch('/api/v1/regions/:code', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageRegions');
    const { code } = parse(codeParams, request.params);
    return renameRegion(ctx, user, code, parse(regionUpdate, request.body, REGION_LABELS));
  });
}
