import type { FastifyInstance } from 'fastify';
import { idParam, listQuery, userInput, userUpdate } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { assertCan, scopePrefix } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { findUser, findUsers } from './queries';
import { createUser, presentUser, resetPassword, updateUser } from './service';

const idParams = z.object({ id: idParam });

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/users', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageUsers');
    const { items, total } = await findUsers(ctx.db, { ...parse(listQuery, request.query), prefix: scopePrefix(user) });
    return { items: items.map(presentUser), total };
  });

  app.get('/api/v1/users/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageUsers');
    const found = await findUser(ctx.db, scopePrefix(user), parse(idParams, request.params).id);
    if (!found) throw notFound('用户');
    return presentUser(found);
  });

  app.post('/api/v1/users', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageUsers');
    return reply.status(201).send(await createUser(ctx, user, parse(userInput, request.body)));
  });

  app.patch('/api/v1/users/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageUsers');
    return updateUser(ctx, user, parse(idParams, request.params).id, parse(userUpdate, request.body));
  });

  app.post('/api/v1/users/:id/reset-password', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageUsers');
    return resetPassword(ctx, user, parse(idParams, request.params).id);
  });
}
