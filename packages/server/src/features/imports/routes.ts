import type { FastifyInstance } from 'fastify';
import { CURRENCIES, IMPORT_FIELDS, idParam, regionCode, yearParam, year } from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertCan, scopePrefix } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { commitImport, discardImport, previewImport, repreviewImport, type ImportOptions } from './service';

/** A spreadsheet upload is the raw file as the request body (≤ 20 MB, SECURITY.md row 13). */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

const uploadQuery = z.strictObject({
  filename: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
  year: yearParam.optional(),
  regionCode: regionCode.optional(),
});
const correction = z.strictObject({
  year: year.optional(),
  mapping: z.record(z.string().regex(/^\d{1,3}$/, '列号无效'), z.enum(IMPORT_FIELDS, { error: '字段无效' }).nullable()).optional(),
  rates: z.partialRecord(z.enum(CURRENCIES.ids, { error: '币种无效' }), z.string().regex(/^\d{1,4}(\.\d{1,6})?$/, '汇率格式应为数字，如 7.1')).optional(),
});
const idParams = z.object({ id: idParam });

/** Only what the user sent: an absent correction must not erase one the preview remembered. */
function toOptions(input: z.infer<typeof correction>): ImportOptions {
  const options: ImportOptions = {};
  if (input.year !== undefined) options.year = input.year;
  if (input.mapping) options.mapping = Object.fromEntries(Object.entries(input.mapping).map(([k, v]) => [Number(k), v]));
  if (input.rates) options.rates = input.rates;
  return options;
}

export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/v1/imports/ledger', { bodyLimit: UPLOAD_LIMIT }, async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const query = parse(uploadQuery, request.query);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
      throw new AppError('bad_request', '请上传 .xlsx 或 .csv 文件（以文件内容作为请求正文）');
    }
    return previewImport(ctx, user, { buffer: request.body, filename: query.filename, regionCode: query.regionCode }, { year: query.year });
  });

  app.post('/api/v1/imports/:id/preview', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return repreviewImport(ctx, user, parse(idParams, request.params).id, toOptions(parse(correction, request.body)));
  });

  app.post('/api/v1/imports/:id/commit', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return commitImport(ctx, user, parse(idParams, request.params).id, toOptions(parse(correction, request.body)));
  });

  app.delete('/api/v1/imports/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    return discardImport(ctx, user, parse(idParams, request.params).id);
  });

  app.get('/api/v1/imports', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'editLedger');
    const items = await ctx.db
      .selectFrom('importBatch')
      .innerJoin('appUser', 'appUser.id', 'importBatch.userId')
      .select(['importBatch.id', 'importBatch.filename', 'importBatch.status', 'importBatch.year', 'importBatch.summary', 'importBatch.createdAt', 'importBatch.committedAt', 'appUser.displayName as userName'])
      .where('importBatch.regionCode', 'like', `${scopePrefix(user)}%`)
      .orderBy('importBatch.id', 'desc')
      .limit(100)
      .execute();
    return { items: items.map((i) => ({ ...i, summary: i.summary ? JSON.parse(i.summary) as unknown : null })) };
  });
}
