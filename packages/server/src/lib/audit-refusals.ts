import type { FastifyInstance } from 'fastify';
import { auditAlone } from './audit';
import type { AppContext } from './context';
import { actorOf } from './context';
import { AppError } from './errors';

// A refused action is an action too (SECURITY.md row 7): a logged-in user's failed write,
// and any request refused for lack of rights, leave one audit record with result 'failure'
// and the reason. Successful writes are audited inside their own transaction.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function auditRefusals(app: FastifyInstance, ctx: AppContext) {
  app.addHook('onError', async (request, _reply, error) => {
    const user = request.user;
    if (!user || !(error instanceof AppError) || error.status >= 500) return;
    const isRefusal = error.status === 403;
    if (!isRefusal && !WRITES.has(request.method)) return;
    const route = request.routeOptions.url ?? request.url.split('?')[0]!;
    try {
      await auditAlone(ctx.db, actorOf(user, request.ip), ctx.clock.now(), {
        action: `${request.method} ${route}`,
        objectType: 'request',
        objectId: (request.params as Record<string, string> | undefined)?.id ?? null,
        result: 'failure',
        after: { code: error.code, message: error.message },
      });
    } catch (err) {
      // The request has already failed; a trail that cannot be written is logged loudly.
      request.log.error({ err }, 'audit of a refused request failed');
    }
  });
}
