import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { idParam, mediaUpdate, uploadCreate, UPLOAD_LABELS, version } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertCan, can, type Capability } from '../../lib/permissions';
import type { SessionUser } from '../../lib/context';
import { parse } from '../../lib/validate';
import { completeUpload } from './ingest';
import { parseVariant, serveMedia } from './serve';
import { deleteMedia, updateMedia } from './service';
import { abortUpload, createUpload, findSession, presentSession, putChunk } from './uploads';

const idParams = z.object({ id: idParam });
const uploadParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, '上传任务编号不正确') });
const chunkQuery = z.object({ offset: z.coerce.number({ error: '续传位置必须是整数' }).int('续传位置必须是整数').min(0, '续传位置不能为负数').max(Number.MAX_SAFE_INTEGER, '续传位置超出范围') });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

/**
 * Who may send and arrange evidence at all: a report's filler, an inspector (findings), a leader
 * (visits). Which target a user may add to is decided by the target itself (targets.ts), and a
 * session belongs to the user who opened it.
 */
const EVIDENCE: Capability[] = ['fillReports', 'inspect', 'recordVisits'];
function assertCanAddEvidence(user: SessionUser) {
  if (!EVIDENCE.some((c) => can(user, c))) assertCan(user, 'fillReports');
}

export function mediaRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/v1/reports/:id/uploads', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'fillReports');
    const session = await createUpload(ctx, user, { kind: 'report', id: parse(idParams, request.params).id }, parse(uploadCreate, request.body, UPLOAD_LABELS));
    return reply.status(201).send(session);
  });

  app.get('/api/v1/uploads/:id', async (request) => {
    const user = requireUser(request);
    return presentSession(await findSession(ctx.db, user, parse(uploadParams, request.params).id), ctx.clock.now());
  });

  // Chunks arrive as raw bytes and are streamed into storage, never held whole in memory:
  // this scope reads application/octet-stream as a stream instead of a buffer.
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/octet-stream');
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.put('/api/v1/uploads/:id/chunks', async (request) => {
      const user = requireUser(request);
      assertCanAddEvidence(user);
      const { id } = parse(uploadParams, request.params);
      const { offset } = parse(chunkQuery, request.query);
      if (!(request.body instanceof Readable)) throw new AppError('unsupported_media_type', '请以 application/octet-stream 上传文件内容');
      return putChunk(ctx, user, id, offset, request.body);
    });
  });

  app.post('/api/v1/uploads/:id/complete', async (request) => {
    const user = requireUser(request);
    assertCanAddEvidence(user);
    return completeUpload(ctx, user, parse(uploadParams, request.params).id);
  });

  app.delete('/api/v1/uploads/:id', async (request) => {
    const user = requireUser(request);
    return abortUpload(ctx, user, parse(uploadParams, request.params).id);
  });

  app.get('/api/v1/media/:id/:variant', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    const { id } = parse(idParams, { id: (request.params as { id: string }).id });
    return serveMedia(ctx, user, id, parseVariant((request.params as { variant: string }).variant), request, reply);
  });

  app.patch('/api/v1/media/:id', async (request) => {
    const user = requireUser(request);
    assertCanAddEvidence(user);
    return updateMedia(ctx, user, parse(idParams, request.params).id, parse(mediaUpdate, request.body));
  });

  app.delete('/api/v1/media/:id', async (request) => {
    const user = requireUser(request);
    assertCanAddEvidence(user);
    return deleteMedia(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });
}
