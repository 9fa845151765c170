import type { FastifyInstance } from 'fastify';
import { reportSettingsInput } from '@tuijin/core';
import { requireUser } from '../../lib/auth';
import type { Executor } from '../../db/kysely';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertCan } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';
import { parse } from '../../lib/validate';
import { loadReportSettings, storeReportSettings } from './report-settings';

async function present(db: Executor, s: Awaited<ReturnType<typeof loadReportSettings>>, regionCode: string) {
  const { version, regionCode: from, ...settings } = s;
  const region = from ? await db.selectFrom('region').select('name').where('code', '=', from).executeTakeFirst() : undefined;
  return { settings, version, inherited: from !== regionCode, from, fromName: region?.name ?? null };
}

export function settingsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/settings/reports', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readReports');
    return present(ctx.db, await loadReportSettings(ctx.db, user.regionCode), user.regionCode);
  });

  app.put('/api/v1/settings/reports', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'managePeriods');
    const { version, ...settings } = parse(reportSettingsInput, request.body);
    return inTransaction(ctx, user, async (tx, audit) => {
      const before = await loadReportSettings(tx, user.regionCode);
      const current = before.regionCode === user.regionCode ? before.version : null;
      const isStored = current === version && (await storeReportSettings(tx, user.regionCode, settings, version, nowIso(ctx)));
      if (!isStored) throw new AppError('version_conflict', '设置已被他人修改，请刷新后再保存', { current: await present(tx, before, user.regionCode) });
      const { version: _v, regionCode: _r, ...old } = before;
      await audit({ action: 'update', objectType: 'setting', objectId: `reports:${user.regionCode}`, before: old, after: settings });
      return present(tx, await loadReportSettings(tx, user.regionCode), user.regionCode);
    });
  });
}
