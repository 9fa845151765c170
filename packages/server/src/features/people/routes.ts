import type { FastifyInstance } from 'fastify';
import { idParam, listQuery, PERSON_LABELS, personInput, personUpdate, version } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { assertCan, scopePrefix } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findPeople, findPerson } from './queries';
import { createPerson, deletePerson, presentPerson, updatePerson } from './service';

const idParams = z.object({ id: idParam });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

export function peopleRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/people', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readDirectory');
    const query = parse(listQuery, request.query);
    const { items, total } = await findPeople(ctx.db, { ...query, prefix: scopePrefix(user) });
    return { items: items.map((p) => presentPerson(ctx, user, p)), total };
  });

  app.get('/api/v1/people/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readDirectory');
    const person = await findPerson(ctx.db, scopePrefix(user), parse(idParams, request.params).id);
    if (!person) throw notFound('人员');
    return presentPerson(ctx, user, person);
  });

  app.post('/api/v1/people', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    return reply.status(201).send(await createPerson(ctx, user, parse(personInput, request.body, PERSON_LABELS)));
  });

  app.patch('/api/v1/people/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    return updatePerson(ctx, user, parse(idParams, request.params).id, parse(personUpdate, request.body, PERSON_LABELS));
  });

  app.delete('/api/v1/people/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageOrgs');
    return deletePerson(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });
}
