import type { FastifyInstance } from 'fastify';
import { annualPlanInput, approvalInput, approvalItem, idParam, keyListInput, nodeInput, version, yearParam } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { addKeyList, addNode, deleteNode, removeKeyList, saveApproval, savePlan, updateNode } from './parts-service';

const idParams = z.object({ id: idParam });
const keyListParams = z.object({ id: idParam, keyListId: idParam });
const planParams = z.object({ id: idParam, year: yearParam });
const nodeParams = z.object({ id: idParam, nodeId: idParam });
const approvalParams = z.object({ id: idParam, item: approvalItem });
const versionQuery = z.object({ version: z.coerce.number().pipe(version) });
const nodeUpdate = nodeInput.partial().required({ version: true });

export function projectPartRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/v1/projects/:id/key-lists', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return addKeyList(ctx, user, parse(idParams, request.params).id, parse(keyListInput, request.body));
  });

  app.delete('/api/v1/projects/:id/key-lists/:keyListId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const { id, keyListId } = parse(keyListParams, request.params);
    return removeKeyList(ctx, user, id, keyListId);
  });

  app.put('/api/v1/projects/:id/plans/:year', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const { id, year } = parse(planParams, request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    return savePlan(ctx, user, id, parse(annualPlanInput, { ...body, year }));
  });

  app.post('/api/v1/projects/:id/nodes', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return addNode(ctx, user, parse(idParams, request.params).id, parse(nodeInput, request.body));
  });

  app.patch('/api/v1/projects/:id/nodes/:nodeId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const { id, nodeId } = parse(nodeParams, request.params);
    return updateNode(ctx, user, id, nodeId, parse(nodeUpdate, request.body));
  });

  app.delete('/api/v1/projects/:id/nodes/:nodeId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const { id, nodeId } = parse(nodeParams, request.params);
    return deleteNode(ctx, user, id, nodeId, parse(versionQuery, request.query).version);
  });

  app.put('/api/v1/projects/:id/approvals/:item', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const { id, item } = parse(approvalParams, request.params);
    return saveApproval(ctx, user, id, item, parse(approvalInput, request.body));
  });
}
