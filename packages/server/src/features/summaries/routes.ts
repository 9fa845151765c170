import type { FastifyInstance, FastifyReply } from 'fastify';
import { chinaDate, SUMMARY_LABELS, summarySave, summaryVersionQuery, yearParam } from '@tuijin/core';
import { z } from 'zod';
import { auditAlone } from '../../lib/audit';
import { requireUser } from '../../lib/auth';
import { actorOf, type AppContext, type SessionUser } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { dropBasicSummary, loadBasicSummary, saveBasicSummary, summaryText } from './service';
import { summaryDocx, summaryFilename } from './summary-docx';

// 年度总结 · 一、基本情况: read by everyone who reads assessment results in the region, edited and
// reset by the office, downloaded as Word.

const yearParams = z.object({ year: yearParam });
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The document is an export of the region's summary: audited (who took which year's text). */
async function sendDocx(ctx: AppContext, user: SessionUser, year: number, reply: FastifyReply) {
  const view = await loadBasicSummary(ctx, ctx.db, user, year);
  const issuer = `${user.regionName}重点项目推进办公室`;
  const paragraphs = summaryText(view);
  const file = await summaryDocx({ year, regionName: user.regionName, issuer, date: chinaDate(ctx.clock.now()), paragraphs, byCategory: view.generated.byCategory });
  await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), {
    action: 'export', objectType: 'annual_summary', objectId: `${user.regionCode}:${year}`,
    after: { year, source: view.saved ? `saved v${view.saved.version}` : 'generated', paragraphs: paragraphs.length, bytes: file.length },
  });
  const name = encodeURIComponent(summaryFilename(year));
  return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="summary-${year}.docx"; filename*=UTF-8''${name}`).send(file);
}

export function summaryRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/v1/summaries/:year/basic', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return loadBasicSummary(ctx, ctx.db, user, parse(yearParams, request.params, SUMMARY_LABELS).year);
  });

  app.put('/api/v1/summaries/:year/basic', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    const { year } = parse(yearParams, request.params, SUMMARY_LABELS);
    return saveBasicSummary(ctx, user, year, parse(summarySave, request.body, SUMMARY_LABELS));
  });

  app.delete('/api/v1/summaries/:year/basic', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    const { year } = parse(yearParams, request.params, SUMMARY_LABELS);
    return dropBasicSummary(ctx, user, year, parse(summaryVersionQuery, request.query, SUMMARY_LABELS).version);
  });

  app.get('/api/v1/summaries/:year/basic.docx', async (request, reply) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return sendDocx(ctx, user, parse(yearParams, request.params, SUMMARY_LABELS).year, reply);
  });
}
