import type { FastifyInstance } from 'fastify';
import { loginInput, passwordChange } from '@tuijin/core';
import { clearSessionCookie, requireUser, setSessionCookie } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { parse } from '../../lib/validate';
import { changePassword, isPasswordChangeDue, login, logout, resolveSession } from './service';
import { presentMe } from './present';

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/v1/auth/login', async (request, reply) => {
    const input = parse(loginInput, request.body);
    const { token } = await login(ctx, { ...input, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    setSessionCookie(ctx, reply, token);
    const user = await resolveSession(ctx, token, request.ip);
    return { user: presentMe(user!, isPasswordChangeDue(ctx, user!)) };
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    if (request.sessionToken) await logout(ctx, request.sessionToken, request.user);
    clearSessionCookie(ctx, reply);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (request) => {
    const user = requireUser(request);
    return { user: presentMe(user, isPasswordChangeDue(ctx, user)) };
  });

  app.post('/api/v1/auth/password', async (request) => {
    const user = requireUser(request);
    const input = parse(passwordChange, request.body);
    await changePassword(ctx, user, input.currentPassword, input.newPassword, request.sessionToken!);
    return { ok: true };
  });
}
