import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { reportSettingsInput, supervisionSettingsInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertCan, type Capability } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';
import { parse } from '../../lib/validate';
import type { Loaded, regionSettings } from './region-settings';
import { supervisionSettings } from './report-settings';
import { loadReportSettings, storeReportSettings } from './report-settings';

type Store<T extends object> = Pick<ReturnType<typeof regionSettings<T>>, 'load' | 'store'>;

async function present<T extends object>(db: Executor, s: Loaded<T>, regionCode: string) {
  const { version, regionCode: from, ...settings } = s;
  const region = from ? await db.selectFrom('region').select('name').where('code', '=', from).executeTakeFirst() : undefined;
  return { settings, version, inherited: from !== regionCode, from, fromName: region?.name ?? null };
}

/** GET and PUT of one kind of region settings: read by those who use them, saved by the office. */
function settingsRoutes<T extends object>(app: FastifyInstance, ctx: AppContext, path: string, name: string, store: Store<T>, input: z.ZodType<T & { version: number | null }>, rights: { read: Capability; write: Capability }) {
  app.get(`/api/v1/settings/${path}`, async (request) => {
    const user = requireUser(request);
    assertCan(user, rights.read);
    return present(ctx.db, await store.load(ctx.db, user.regionCode), user.regionCode);
  });

  app.put(`/api/v1/settings/${path}`, async (request) => {
    const user = requireUser(request);
    assertCan(user, rights.write);
    const { version, ...settings } = parse(input, request.body);
    return inTransaction(ctx, user, async (tx, audit) => {
      const before = await store.load(tx, user.regionCode);
      const current = before.regionCode === user.regionCode ? before.version : null;
      const isStored = current === version && (await store.store(tx, user.regionCode, settings as unknown as T, version, nowIso(ctx)));
      if (!isStored) throw new AppError('version_conflict', '设置已被他人修改，请刷新后再保存', { current: await present(tx, before, user.regionCode) });
      const { version: _v, regionCode: _r, ...old } = before;
      await audit({ action: 'update', objectType: 'setting', objectId: `${name}:${user.regionCode}`, before: old, after: settings });
      return present(tx, await store.load(tx, user.regionCode), user.regionCode);
    });
  });
}

export function allSettingsRoutes(app: FastifyInstance, ctx: AppContext) {
  settingsRoutes(app, ctx, 'reports', 'reports', { load: loadReportSettings, store: storeReportSettings }, reportSettingsInput, { read: 'readReports', write: 'managePeriods' });
  settingsRoutes(app, ctx, 'supervision', 'supervision', supervisionSettings, supervisionSettingsInput, { read: 'readSupervision', write: 'manageObstacles' });
}
