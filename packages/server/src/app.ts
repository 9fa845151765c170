import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from './config';
import type { Database } from './db/kysely';
import { installAuth } from './lib/auth';
import { auditRefusals } from './lib/audit-refusals';
import { systemClock, type Clock } from './lib/clock';
import type { AppContext } from './lib/context';
import type { Storage } from './lib/storage/storage';
import { createCryptoBox, loadOrCreateKey } from './lib/crypto-box';
import { frameworkErrorHandler, installHttpEdge } from './lib/http';
import { DEFAULT_COST, type ScryptCost } from './lib/passwords';
import { commonPasswordChecker } from './lib/common-passwords';
import { ReadCache } from './lib/read-cache';
import { openStorage } from './lib/storage/open-storage';
import { authRoutes } from './features/auth/routes';
import { regionRoutes } from './features/regions/routes';
import { orgRoutes } from './features/orgs/routes';
import { peopleRoutes } from './features/people/routes';
import { userRoutes } from './features/users/routes';
import { projectRoutes } from './features/projects/routes';
import { projectPartRoutes } from './features/projects/parts-routes';
import { statsRoutes } from './features/stats/routes';
import { auditRoutes } from './features/audit/routes';
import { healthRoutes } from './features/health/routes';
import { importRoutes } from './features/imports/routes';
import { mediaRoutes } from './features/media/routes';
import { notificationRoutes } from './features/notifications/routes';
import { periodRoutes } from './features/periods/routes';
import { projectReportRoutes, reportRoutes } from './features/reports/routes';
import { allSettingsRoutes } from './features/settings/routes';
import { shootingPointRoutes } from './features/shooting-points/routes';
import { obstacleRoutes } from './features/obstacles/routes';
import { warningRoutes } from './features/warnings/routes';
import { inspectionRoutes } from './features/inspections/routes';
import { meetingRoutes } from './features/meetings/routes';
import { siteVisitRoutes } from './features/site-visits/routes';
import { assessmentRoutes } from './features/assessment/routes';
import { bulletinRoutes } from './features/bulletins/routes';
import { summaryRoutes } from './features/summaries/routes';

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  scryptCost?: ScryptCost;
  logger?: boolean;
  /** Tests and tools may hand in a store; otherwise it follows config.storageUrl. */
  storage?: Storage;
}

export function buildContext(options: AppOptions): AppContext {
  const key = loadOrCreateKey({ keyBase64: options.config.dataKey, keyFile: options.config.keyFile });
  return {
    ...options.database,
    clock: options.clock ?? systemClock,
    config: options.config,
    box: createCryptoBox(key),
    isCommonPassword: commonPasswordChecker(),
    scryptCost: options.scryptCost ?? DEFAULT_COST,
    cache: new ReadCache(process.env.TUIJIN_READ_CACHE !== '0'),
    storage: options.storage ?? openStorage(options.config.storageUrl, options.config.dataDir),
  };
}

/** Builds the whole HTTP app; main.ts listens on it, tests call app.inject on it. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const ctx = buildContext(options);
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: options.config.bodyLimit,
    trustProxy: options.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler({ secure: options.config.secureCookies }),
  });
  installHttpEdge(app, { secure: options.config.secureCookies, trustProxy: options.config.trustProxy });
  installAuth(app, ctx);
  auditRefusals(app, ctx);

  for (const routes of [
    healthRoutes, authRoutes, regionRoutes, orgRoutes, peopleRoutes, userRoutes,
    projectRoutes, projectPartRoutes, statsRoutes, auditRoutes, importRoutes,
    periodRoutes, reportRoutes, projectReportRoutes, mediaRoutes, shootingPointRoutes, allSettingsRoutes, notificationRoutes,
    obstacleRoutes, warningRoutes, inspectionRoutes, meetingRoutes, siteVisitRoutes, assessmentRoutes, summaryRoutes, bulletinRoutes,
  ]) {
    routes(app, ctx);
  }

  const webDist = options.config.webDist;
  const index = webDist ? join(webDist, 'index.html') : null;
  if (webDist && index && existsSync(index)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
    const html = readFileSync(index, 'utf8');
    app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html));
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: '接口不存在', details: null } });
      }
      // A file the build does not have (an old page asking for assets of a previous build) is a
      // 404, not the app shell served as script.
      if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) {
        return reply.status(404).type('text/plain; charset=utf-8').send('文件不存在（页面可能来自旧版本，请刷新）');
      }
      // Client-side routes (/projects/12) all serve the app shell.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: '接口不存在', details: null } }),
    );
  }
  return { app, ctx };
}
