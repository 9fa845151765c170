import type { FastifyInstance } from 'fastify';
import { BULLETIN_LABELS, bulletinAction, bulletinCreate, bulletinDeleteQuery, bulletinListQuery, bulletinUpdate, idParam } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { publishBulletin, sendBulletinDocx } from './publish';
import { createBulletin, deleteBulletin, listBulletins, loadBulletin, regenerateBulletin, updateBulletin } from './service';

// 月度通报: the office drafts a month's bulletin from the data, edits and publishes it; everyone
// who reads assessments reads the published ones (and downloads the stored Word file).

const idParams = z.object({ id: idParam });

export function bulletinRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/bulletins', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return listBulletins(ctx, user, parse(bulletinListQuery, request.query, BULLETIN_LABELS));
  });

  app.post('/api/v1/bulletins', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return reply.status(201).send(await createBulletin(ctx, user, parse(bulletinCreate, request.body, BULLETIN_LABELS).period));
  });

  app.get('/api/v1/bulletins/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return loadBulletin(ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/bulletins/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return updateBulletin(ctx, user, parse(idParams, request.params).id, parse(bulletinUpdate, request.body, BULLETIN_LABELS));
  });

  app.post('/api/v1/bulletins/:id/regenerate', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return regenerateBulletin(ctx, user, parse(idParams, request.params).id, parse(bulletinAction, request.body, BULLETIN_LABELS).version);
  });

  app.post('/api/v1/bulletins/:id/publish', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return publishBulletin(ctx, user, parse(idParams, request.params).id, parse(bulletinAction, request.body, BULLETIN_LABELS).version);
  });

  app.get('/api/v1/bulletins/:id/docx', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return sendBulletinDocx(ctx, user, parse(idParams, request.params).id, reply);
  });

  app.delete('/api/v1/bulletins/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return deleteBulletin(ctx, user, parse(idParams, request.params).id, parse(bulletinDeleteQuery, request.query, BULLETIN_LABELS).version);
  });
}
