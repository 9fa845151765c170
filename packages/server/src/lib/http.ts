import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

// The HTTP edge: one error mapping, security headers, the CSRF guard and what counts as
// a body. Everything the client did wrong is a 4xx with a Chinese message; anything else
// is a 500 that logs the request id and leaks nothing.

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), geolocation=(self), microphone=()',
};

function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } };
}

export function sendError(reply: FastifyReply, err: AppError) {
  return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
}

const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', '提交的内容过大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', '不支持的内容类型，请以 JSON 提交'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', '请求内容为空'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', '请求长度不正确'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', '请求内容不是有效的 JSON'],
};

function setSecurityHeaders(reply: FastifyReply, secure: boolean) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  if (secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/**
 * Errors Fastify raises before routing (a path with malformed percent-encoding such as
 * `/api/v1/orgs/%FF`) skip the error handler and the hooks; passed as the `frameworkErrors`
 * option, they too answer in our shape and with our headers.
 */
export function frameworkErrorHandler(options: { secure: boolean }) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(reply, options.secure);
    reply.header('cache-control', 'no-store');
    if (error.code === 'FST_ERR_BAD_URL') return reply.status(400).send(errorBody('bad_request', '请求地址不正确'));
    return reply.status(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send(errorBody('bad_request', '请求不正确'));
  };
}

export function installHttpEdge(app: FastifyInstance, options: { secure: boolean; trustProxy: boolean }) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error);
    const known = FASTIFY_ERRORS[error.code ?? ''];
    if (known) return reply.status(known[0]).send(errorBody(known[1], known[2]));
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.status(400).send(errorBody('bad_request', '请求内容不是有效的 JSON'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('bad_request', '请求不正确'));
    }
    // A unique constraint caught what a check-then-insert race let through: the same as a
    // stale save, answered as a conflict rather than an error.
    const dbCode = (error as { code?: unknown }).code;
    if (dbCode === '23505' || dbCode === 'SQLITE_CONSTRAINT_UNIQUE' || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return reply.status(409).send(errorBody('conflict', '该记录已存在（可能刚被他人保存），请刷新后再试'));
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', `服务器内部错误，请联系管理员（请求编号 ${request.id}）`));
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    setSecurityHeaders(reply, options.secure);
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Bodies are JSON only; anything else is refused before a handler sees it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value)));
    } catch {
      done(new AppError('bad_request', '请求内容不是有效的 JSON'), undefined);
    }
  });

  // Spreadsheet uploads arrive as the raw file; only the upload route accepts them (a raw
  // body anywhere else fails that route's schema).
  app.addContentTypeParser(
    ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'text/csv'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  // CSRF (SECURITY.md row 10): a state change must come from our own origin. Browsers send
  // Origin on every cross-site POST; our client also sends a header no form can set.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin) {
      // The forwarded host counts only when a trusted proxy sets it.
      const host = (options.trustProxy ? request.headers['x-forwarded-host'] : undefined) ?? request.headers.host;
      let originHost: string | null = null;
      try { originHost = new URL(origin).host; } catch { originHost = null; }
      if (originHost !== host) throw new AppError('csrf_rejected', '请求来源不被允许');
    }
    if (request.headers['x-requested-with'] !== 'tuijin') throw new AppError('csrf_rejected', '请求缺少安全校验头');
  });
}
