import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import { verifyAuditChain } from '../../lib/audit';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';

const auditQuery = z.strictObject({
  page: z.coerce.number().int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 行').default(100),
  action: z.string().max(50).optional(),
  username: z.string().max(100).optional(),
});

// Only the audit administrator reads the whole trail (SECURITY.md row 5); nobody edits it.
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/audit', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAudit');
    const q = parse(auditQuery, request.query);
    let query = ctx.db.selectFrom('auditEvent');
    if (q.action) query = query.where('action', '=', q.action);
    if (q.username) query = query.where('username', '=', q.username);
    const [items, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  });

  app.get('/api/v1/audit/verify', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAudit');
    return verifyAuditChain(ctx.db);
  });
}
