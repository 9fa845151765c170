import type { FastifyInstance } from 'fastify';
import { id } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction, nowIso } from '../../lib/records';
import { parse } from '../../lib/validate';
import { countUnread, listNotifications, markRead } from './service';

const listQuery = z.strictObject({ unread: z.enum(['1', '0'], { error: '只能是 1 或 0' }).optional() });
const readBody = z.strictObject({ ids: z.union([z.literal('all'), z.array(id).max(500, '一次最多 500 条')], { error: '必须是编号列表或 all' }) });

export function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/notifications', async (request) => {
    const user = requireUser(request);
    const { unread } = parse(listQuery, request.query);
    const [items, unreadCount] = await Promise.all([
      listNotifications(ctx.db, user, { unreadOnly: unread === '1', limit: 50 }),
      countUnread(ctx.db, user),
    ]);
    return { items, unread: unreadCount };
  });

  app.post('/api/v1/notifications/read', async (request) => {
    const user = requireUser(request);
    const { ids } = parse(readBody, request.body);
    await inTransaction(ctx, user, async (tx, audit) => {
      await markRead(tx, user, ids, nowIso(ctx));
      await audit({ action: 'read', objectType: 'notification', after: { ids } });
    });
    return { unread: await countUnread(ctx.db, user) };
  });
}
