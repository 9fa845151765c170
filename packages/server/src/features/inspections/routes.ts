import type { FastifyInstance } from 'fastify';
import {
  findingSave, idParam, INSPECTION_LABELS, inspectionCreate, inspectionListQuery, inspectionUpdate, uploadCreate, UPLOAD_LABELS, version, versionOnly,
} from '@tuijin/core';
import { z } from 'zod';
import { auditAlone } from '../../lib/audit';
import { requireUser } from '../../lib/auth';
import { actorOf, type AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { registerMediaTarget } from '../media/targets';
import { createUpload } from '../media/uploads';
import { loadFindingSheet, saveFinding } from './finding';
import { findingTarget } from './media-target';
import { buildInspectionReport } from './report-docx';
import { createInspection, deleteInspection, finishInspection, listInspections, loadInspection, updateInspection } from './service';

const idParams = z.object({ id: idParam });
const projectParams = z.object({ id: idParam, projectId: idParam });
const versionQuery = z.object({ version: z.coerce.number({ error: '缺少版本号' }).pipe(version) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function inspectionRoutes(app: FastifyInstance, ctx: AppContext) {
  registerMediaTarget('finding', findingTarget);

  app.get('/api/v1/inspections', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return listInspections(ctx.db, user, parse(inspectionListQuery, request.query, INSPECTION_LABELS));
  });

  app.post('/api/v1/inspections', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    return reply.status(201).send(await createInspection(ctx, user, parse(inspectionCreate, request.body, INSPECTION_LABELS)));
  });

  app.get('/api/v1/inspections/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return loadInspection(ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/inspections/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    return updateInspection(ctx, user, parse(idParams, request.params).id, parse(inspectionUpdate, request.body, INSPECTION_LABELS));
  });

  app.delete('/api/v1/inspections/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    return deleteInspection(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });

  app.post('/api/v1/inspections/:id/finish', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    return finishInspection(ctx, user, parse(idParams, request.params).id, parse(versionOnly, request.body).version);
  });

  // The inspection report (.docx) as the office issues it; every download is audited as an export.
  app.get('/api/v1/inspections/:id/report.docx', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    const { id } = parse(idParams, request.params);
    const report = await buildInspectionReport(ctx, user, id);
    await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), { action: 'export', objectType: 'inspection', objectId: id, after: { title: report.title, projects: report.projects, visited: report.visited, booksAhead: report.booksAhead } });
    const name = encodeURIComponent(`${report.title}情况报告.docx`);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="inspection-${id}.docx"; filename*=UTF-8''${name}`).send(report.buffer);
  });

  app.get('/api/v1/inspections/:id/projects/:projectId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    const { id, projectId } = parse(projectParams, request.params);
    return loadFindingSheet(ctx, ctx.db, user, id, projectId);
  });

  app.put('/api/v1/inspections/:id/projects/:projectId/finding', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    const { id, projectId } = parse(projectParams, request.params);
    return saveFinding(ctx, user, id, projectId, parse(findingSave, request.body, INSPECTION_LABELS));
  });

  app.post('/api/v1/findings/:id/uploads', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'inspect');
    const session = await createUpload(ctx, user, { kind: 'finding', id: parse(idParams, request.params).id }, parse(uploadCreate, request.body, UPLOAD_LABELS));
    return reply.status(201).send(session);
  });
}
