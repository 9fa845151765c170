import type { FastifyInstance } from 'fastify';
import {
  ASSESSMENT_LABELS, awardCreate, awardDeleteQuery, awardListQuery, awardUpdate, chinaDate, idParam, period, schemeVersionInput,
  scoreCompute, scoreExplainQuery, scoreListQuery, scorePublish, scoreYearQuery,
} from '@tuijin/core';
import { z } from 'zod';
import { requireUser } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { assertCan } from '../../lib/permissions';
import { parse } from '../../lib/validate';
import { createAward, deleteAward, listAwards, updateAward } from './awards';
import { computeScores } from './compute';
import { saveSchemeVersion, schemeOverview } from './schemes';
import { explainScore, listScores, publishScores, yearScores } from './service';

const idParams = z.object({ id: idParam });
const schemeQuery = z.strictObject({ period: period.optional() });

export function assessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const thisMonth = () => chinaDate(ctx.clock.now()).slice(0, 7);

  app.get('/api/v1/scoring-schemes', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    const q = parse(schemeQuery, request.query, ASSESSMENT_LABELS);
    return schemeOverview(ctx.db, user, q.period ?? thisMonth());
  });

  app.post('/api/v1/scoring-schemes', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return saveSchemeVersion(ctx, user, parse(schemeVersionInput, request.body, ASSESSMENT_LABELS), thisMonth());
  });

  app.get('/api/v1/scores', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return listScores(ctx, user, parse(scoreListQuery, request.query, ASSESSMENT_LABELS));
  });

  app.post('/api/v1/scores/compute', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    const { period: p } = parse(scoreCompute, request.body, ASSESSMENT_LABELS);
    await computeScores(ctx, user, p);
    return listScores(ctx, user, { period: p, kind: 'project', page: 1, pageSize: 20 });
  });

  app.post('/api/v1/scores/publish', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    const input = parse(scorePublish, request.body, ASSESSMENT_LABELS);
    return publishScores(ctx, user, input.period, input.version);
  });

  app.get('/api/v1/scores/explain', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    const q = parse(scoreExplainQuery, request.query, ASSESSMENT_LABELS);
    return explainScore(ctx, user, q.period, q.kind, q.subjectId);
  });

  app.get('/api/v1/scores/year', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    const q = parse(scoreYearQuery, request.query, ASSESSMENT_LABELS);
    return yearScores(ctx, user, q.year, q.kind);
  });

  app.get('/api/v1/assessment-awards', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'readAssessment');
    return listAwards(ctx, user, parse(awardListQuery, request.query, ASSESSMENT_LABELS).year);
  });

  app.post('/api/v1/assessment-awards', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return createAward(ctx, user, parse(awardCreate, request.body, ASSESSMENT_LABELS));
  });

  app.patch('/api/v1/assessment-awards/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return updateAward(ctx, user, parse(idParams, request.params).id, parse(awardUpdate, request.body, ASSESSMENT_LABELS));
  });

  app.delete('/api/v1/assessment-awards/:id', async (request) => {
    const user = requireUser(request);
    assertCan(user, 'manageAssessment');
    return deleteAward(ctx, user, parse(idParams, request.params).id, parse(awardDeleteQuery, request.query).version);
  });
}
