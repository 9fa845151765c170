import type { FastifyInstance } from 'fastify';
import {
  ACTION_LABELS, actionItemCreate, actionItemListQuery, actionItemUpdate, agendaOrder, idParam, MEETING_ITEM_LABELS, MEETING_LABELS,
  meetingCreate, meetingItemCreate, meetingItemUpdate, meetingListQuery, meetingStatusInput, meetingUpdate, version, versionOnly,
} from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext, SessionUser } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { createActionItem, deleteActionItem, listActionItems, updateActionItem } from './actions';
import { addMeetingItem, rebuildAgenda, removeMeetingItem, reorderAgenda, updateMeetingItem } from './agenda-service';
import { sendMinutes } from './minutes';
import { readsMeetings } from './queries';
import { createMeeting, listMeetings, loadMeeting, setMeetingStatus, updateMeeting } from './service';

const idParams = z.object({ id: idParam });
const itemParams = z.object({ id: idParam, itemId: idParam });
const versionQuery = z.object({ version: z.coerce.number({ error: '缺少版本号' }).pipe(version) });

/** Meetings are read by those who see the whole region; a department reads its action items instead. */
function assertReadsMeetings(user: SessionUser) {
  assertCan(user, 'readSupervision');
  if (!readsMeetings(user)) throw forbidden('联席会议仅对重点项目办和县级领导开放，本单位的督办事项请在「督办事项」中查看');
}

export function meetingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/meetings', async (request) => {
    const user = requireUser(request);
    assertReadsMeetings(user);
    return listMeetings(ctx, user, parse(meetingListQuery, request.query, MEETING_LABELS));
  });

  app.post('/api/v1/meetings', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return reply.status(201).send(await createMeeting(ctx, user, parse(meetingCreate, request.body, MEETING_LABELS)));
  });

  app.get('/api/v1/meetings/:id', async (request) => {
    const user = requireUser(request);
    assertReadsMeetings(user);
    return loadMeeting(ctx, ctx.db, user, parse(idParams, request.params).id);
  });

  app.patch('/api/v1/meetings/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return updateMeeting(ctx, user, parse(idParams, request.params).id, parse(meetingUpdate, request.body, MEETING_LABELS));
  });

  app.post('/api/v1/meetings/:id/status', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    const input = parse(meetingStatusInput, request.body, MEETING_LABELS);
    return setMeetingStatus(ctx, user, parse(idParams, request.params).id, input.version, input.status);
  });

  app.post('/api/v1/meetings/:id/rebuild', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return rebuildAgenda(ctx, user, parse(idParams, request.params).id, parse(versionOnly, request.body).version);
  });

  app.put('/api/v1/meetings/:id/order', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return reorderAgenda(ctx, user, parse(idParams, request.params).id, parse(agendaOrder, request.body, MEETING_LABELS));
  });

  app.post('/api/v1/meetings/:id/items', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return reply.status(201).send(await addMeetingItem(ctx, user, parse(idParams, request.params).id, parse(meetingItemCreate, request.body, MEETING_ITEM_LABELS)));
  });

  app.patch('/api/v1/meetings/:id/items/:itemId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    const { id, itemId } = parse(itemParams, request.params);
    return updateMeetingItem(ctx, user, id, itemId, parse(meetingItemUpdate, request.body, MEETING_ITEM_LABELS));
  });

  app.delete('/api/v1/meetings/:id/items/:itemId', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    const { id, itemId } = parse(itemParams, request.params);
    return removeMeetingItem(ctx, user, id, itemId, parse(versionQuery, request.query).version);
  });

  app.post('/api/v1/meetings/:id/actions', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return reply.status(201).send(await createActionItem(ctx, user, parse(idParams, request.params).id, parse(actionItemCreate, request.body, ACTION_LABELS)));
  });

  app.get('/api/v1/meetings/:id/minutes.docx', async (request, reply) => {
    const user = requireUser(request);
    assertReadsMeetings(user);
    return sendMinutes(ctx, user, parse(idParams, request.params).id, reply);
  });

  app.get('/api/v1/action-items', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return listActionItems(ctx, user, parse(actionItemListQuery, request.query, ACTION_LABELS));
  });

  app.patch('/api/v1/action-items/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readSupervision');
    return updateActionItem(ctx, user, parse(idParams, request.params).id, parse(actionItemUpdate, request.body, ACTION_LABELS));
  });

  app.delete('/api/v1/action-items/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageMeetings');
    return deleteActionItem(ctx, user, parse(idParams, request.params).id, parse(versionQuery, request.query).version);
  });
}
