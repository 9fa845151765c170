import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loginInput, passwordChange } from './auth';
import { listQuery, orgInput, orgUpdate, personInput, personUpdate, regionInput, regionUpdate, userInput, userUpdate } from './admin';
import { FIELD_LABELS, describeIssues } from './labels';
import { annualPlanInput, approvalInput, foreignAmount, keyListInput, ledgerQuery, nodeInput, projectCreate, projectUpdate, stageTransition, versionOnly } from './project';
import { mediaUpdate, periodClose, periodOpen, periodUpdate, reportListQuery, reportReview, reportSave, reportSettingsInput, shootingPointInput, uploadCreate } from './report';
import { ENGLISH, HAS_HAN, messagesOf } from './test-helpers';
import { inspectionCreate } from './inspection';

describe('describeIssues', () => {
  it('names nested fields and list items', () => {
    const result = annualPlanInput.safeParse({ year: 2024, plan: 100, target: 100, monthly: [101, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!.issues)).toEqual([{ field: 'monthly.11', message: '月度计划第 12 项：不能为负数' }]);
  });

  it('falls back to 请求内容 for a problem with the whole request', () => {
    expect(messagesOf(versionOnly, { version: 1, extra: true })).toEqual(['不认识的字段：extra']);
    expect(describeIssues([{ code: 'custom', path: [], message: '请求无效', input: undefined }])).toEqual([
      { field: '', message: '请求内容：请求无效' },
    ]);
  });

  it('never passes on zod\'s English default: a list member of the wrong type is named in Chinese', () => {
    const messages = messagesOf(inspectionCreate, { title: '督导', plannedDate: '2026-11-30', team: ['王五'], projectIds: [1] });
    // (This form's own labels, which the routes pass, call the list 检查组成员.)
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/第 1 项：格式不正确$/);
    for (const m of messages) expect(m).not.toMatch(ENGLISH);
  });

  it('falls back to the raw key for a field without a label', () => {
    expect(describeIssues([{ code: 'custom', path: ['mystery'], message: '不对' }])).toEqual([
      { field: 'mystery', message: 'mystery：不对' },
    ]);
  });
});

// Every key a schema accepts must have a Chinese label, or messages would name it in English.
describe('FIELD_LABELS', () => {
  const schemas: Record<string, z.ZodObject> = {
    projectCreate, projectUpdate, stageTransition, ledgerQuery, keyListInput, annualPlanInput, nodeInput, approvalInput,
    versionOnly, foreignAmount, regionInput, regionUpdate, orgInput, orgUpdate, personInput, personUpdate, userInput,
    userUpdate, listQuery, loginInput, passwordChange, periodOpen, periodUpdate, periodClose, reportSave, reportReview,
    reportListQuery, shootingPointInput, mediaUpdate, uploadCreate, reportSettingsInput,
  };
  const keys = [...new Set(Object.values(schemas).flatMap((s) => Object.keys(s.shape)))].sort();

  it('covers a real set of keys', () => {
    expect(keys).toContain('totalInvestment');
    expect(keys.length).toBeGreaterThan(60);
  });

  it.each(keys)('labels %s in Chinese', (key) => {
    expect(FIELD_LABELS[key]).toMatch(HAS_HAN);
  });

  it('labels the funding-source row fields', () => {
    expect(FIELD_LABELS.source).toBe('类别');
    expect(FIELD_LABELS.amount).toBe('金额');
  });
});

// A sweep of bad inputs: every message must be Chinese and say which field it is about.
describe('messages are Chinese', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['project with every field wrong', projectCreate, {
      name: 1, regionCode: 1, category: 1, industry: 1, nature: 1, totalInvestment: 'x', lng: 'x', lat: 'x',
      sitePolygon: 'x', foreign: 'x', fundingSources: 'x', tags: 'x', code: 1, commitStartDate: 1, stage: 1,
    }],
    ['plan with every field wrong', annualPlanInput, { year: 'x', plan: 'x', target: 'x', monthly: 'x', completedThrough: 1 }],
    ['ledger query with every field wrong', ledgerQuery, {
      q: 1, year: 'x', category: 'x', page: 'x', pageSize: 'x', sort: 'x', order: 'x', leaderId: 'x', size: 'x',
    }],
    ['user with every field wrong', userInput, { username: 1, displayName: 1, role: 1, regionCode: 1, password: 1 }],
    ['org with every field wrong', orgInput, { kind: 1, name: 1, regionCode: 1, uscc: 1, contactPhone: 1 }],
    ['monthly report with every field wrong', reportSave, {
      version: 'x', thisMonth: 1.5, ytd: -1, cumulative: 'x', funds: [{ source: 'x', amount: -1 }], progress: 1,
      nodesMet: [{ nodeId: 'x', date: '2026-02-30' }], problems: [{ kind: 'x', description: '' }], noChange: 'yes',
    }],
    ['upload with every field wrong', uploadCreate, { filename: 1, size: -5, caption: 1, shootingPointId: 'x' }],
    ['settings with every field wrong', reportSettingsInput, { version: 'x', deadlineDay: 31, autoOpen: 'x', openDay: 0, minPhotos: -1, maxDistanceMetres: 1, maxHashDistance: 99, maxImageMb: 0, maxVideoMb: 1e9 }],
  ])('%s', (_case, schema, input) => {
    const messages = messagesOf(schema, input);
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) {
      expect(message).toMatch(/^[^：]*[\u4e00-\u9fff][^：]*：/);
      expect(message).toMatch(HAS_HAN);
      expect(message).not.toMatch(ENGLISH);
    }
  });
});
