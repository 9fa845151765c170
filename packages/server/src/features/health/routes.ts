import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../lib/context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/health', async (_request, reply) => {
    // Degraded when either the database or the photo store cannot be reached (SECURITY.md reliability 7).
    const [database, storage] = await Promise.all([
      sql`select 1`.execute(ctx.db).then(() => ctx.dialect, () => 'unreachable'),
      ctx.storage.check().then(() => ctx.storage.kind, () => 'unreachable'),
    ]);
    const isOk = database !== 'unreachable' && storage !== 'unreachable';
    return reply.status(isOk ? 200 : 503).send({ status: isOk ? 'ok' : 'degraded', database, storage });
  });
}
