import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Actor } from '../../lib/audit';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';

// Placeholder until the archive builder lands (see archive.ts).
export function archiveInBackground(_ctx: AppContext, _actor: Actor, _periodId: number, _log: FastifyBaseLogger): void {}

export async function sendArchive(_ctx: AppContext, _user: SessionUser, _id: number, _reply: FastifyReply): Promise<never> {
  throw new AppError('not_found', '归档尚未生成');
}
