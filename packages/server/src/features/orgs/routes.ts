import type { FastifyInstance } from 'fastify';
import { idParam, listQuery, ORG_LABELS, orgInput, orgUpdate, version } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { assertCan, scopePrefix } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findOrg, findOrgs } from './queries';
import { presentOrg } from './present';
import { createOrg, deleteOrg, updateOrg } from './service';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

export function orgRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/orgs', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readDirectory');
    const query = parse(listQuery, request.query);
    const { items, total } = await findOrgs(ctx.db, { ...query, prefix: scopePrefix(user) });
    return { items: items.map((o) => presentOrg(ctx, user, o)), total };
  });

  app.get('/api/v1/orgs/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readDirectory');
    const { id } = parse(idParams, request.params);
    const org = await findOrg(ctx.db, scopePrefix(user), id);
    if (!org) throw notFound('单位');
    return presentOrg(ctx, user, org);
  });

  app.post('/api/v1/orgs', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    return reply.status(201).send(await createOrg(ctx, user, parse(orgInput, request.body, ORG_LABELS)));
  });

  app.patch('/api/v1/orgs/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    const { id } = parse(idParams, request.params);
    return updateOrg(ctx, user, id, parse(orgUpdate, request.body, ORG_LABELS));
  });

  app.delete('/api/v1/orgs/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    const { id } = parse(idParams, request.params);
    return deleteOrg(ctx, user, id, parse(versionQuery, request.query).version);
  });
}
