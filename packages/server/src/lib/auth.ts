import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, SessionUser } from './context';
import { readCookie, sessionCookie } from './cookies';
import { AppError } from './errors';
import { isPasswordChangeDue, resolveSession } from '../features/auth/service';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

/** Routes a user with an expired or temporary password may still call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

export function cookieName(ctx: AppContext): string {
  // __Host- binds the cookie to this exact origin over TLS (SECURITY.md row 3).
  return ctx.config.secureCookies ? '__Host-tuijin_sid' : 'tuijin_sid';
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.header('set-cookie', sessionCookie(cookieName(ctx), token, { secure: ctx.config.secureCookies }));
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply) {
  reply.header('set-cookie', sessionCookie(cookieName(ctx), '', { secure: ctx.config.secureCookies, maxAgeSeconds: 0 }));
}

export function installAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = readCookie(request.headers.cookie, cookieName(ctx));
    if (!token) return;
    request.sessionToken = token;
    request.user = await resolveSession(ctx, token, request.ip);
    const path = request.url.split('?')[0]!;
    if (request.user && !PASSWORD_CHANGE_ROUTES.has(path) && isPasswordChangeDue(ctx, request.user)) {
      throw new AppError('password_change_required', '密码已过期或为初始密码，请先修改密码');
    }
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('unauthenticated', '请先登录，或登录已超时');
  return request.user;
}
