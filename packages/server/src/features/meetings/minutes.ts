import type { FastifyReply } from 'fastify';
import { auditAlone } from '../../lib/audit';
import { actorOf, type AppContext, type SessionUser } from '../../lib/context';
import { minutesDocx } from './minutes-docx';
import { loadMeeting } from './service';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The minutes as a Word file; an export, so audited (who took which meeting's minutes). */
export async function sendMinutes(ctx: AppContext, user: SessionUser, id: number, reply: FastifyReply) {
  const view = await loadMeeting(ctx, ctx.db, user, id);
  const region = await ctx.db.selectFrom('region').select('name').where('code', '=', view.regionCode).executeTakeFirst();
  const file = await minutesDocx(view, `${region?.name ?? ''}重点项目推进办公室`);
  await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), {
    action: 'export', objectType: 'meeting_minutes', objectId: id, after: { title: view.title, status: view.status, items: view.items.length, actions: view.actions.length, bytes: file.length },
  });
  const name = encodeURIComponent(`${view.title}纪要.docx`);
  return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="minutes.docx"; filename*=UTF-8''${name}`).send(file);
}
