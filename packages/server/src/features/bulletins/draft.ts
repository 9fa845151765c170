import {
  addMonths, chinaDay, composeBulletin, monthEnd, photoCandidates, photoRank, pickPhotos, regionPrefix, ytdThrough,
  type BulletinInput, type BulletinMilestone, type BulletinPhoto, type BulletinProjectFacts, type BulletinRankings, type BulletinSection,
  type BulletinFigures, type Category, type InspectionRating, type ObstacleStage, type RegionLevel, type WarningLevel, type WarningRule,
} from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';
import { rankingSnapshot, type RankingSnapshot } from '../assessment/snapshot';
import { runBulletinFactQueries, type FactRows } from './draft-queries';

// Drafting a month's bulletin: gather the region's facts (draft-queries.ts), reduce them to
// one line per project, and let core compose the figures, paragraphs and tables. Photos: every
// comparison the data offers is a candidate; the office's picks are kept across a regeneration.

export interface BulletinRegion { code: string; name: string; level: RegionLevel }

export interface DraftContent {
  figures: BulletinFigures;
  sections: BulletinSection[];
  photos: { chosen: BulletinPhoto[]; candidates: BulletinPhoto[] };
}

const worse = (a: WarningLevel | null | undefined, b: WarningLevel): WarningLevel => (a === 'red' || b === 'red' ? 'red' : 'yellow');

function shapeProjects(rows: FactRows, period: string, levels: Map<number, WarningLevel>): BulletinProjectFacts[] {
  const lastYear = addMonths(period, -12);
  const byProject = new Map<number, FactRows['reports']>();
  for (const r of rows.reports) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  return rows.projects.map((p) => {
    const reports = byProject.get(p.id) ?? [];
    const { ytd } = ytdThrough(period, {
      reports: reports.map((r) => ({ period: r.period, ytd: r.ytd == null ? null : Number(r.ytd) })),
      plan: p.completedThrough ? { completed: Number(p.completed ?? 0), completedThrough: p.completedThrough } : null,
    });
    const month = reports.find((r) => r.period === period);
    const before = reports.find((r) => r.period === lastYear);
    const lastYearYtd = before?.ytd != null ? Number(before.ytd) : p.completedLastYear != null ? Number(p.completedLastYear) : null;
    return {
      id: p.id, name: p.name, category: p.category as Category, nature: p.nature, regionCode: p.regionCode, regionName: p.regionName,
      departmentName: p.departmentName, totalInvestment: Number(p.totalInvestment), plan: p.plan == null ? null : Number(p.plan),
      completedYtd: ytd, thisMonth: month?.thisMonth == null ? null : Number(month.thisMonth), lastYearYtd, level: levels.get(p.id) ?? null,
    };
  });
}

/** Started (开工) and completed (竣工/投产) in the month, from the actual dates and the stage moves. */
function milestones(rows: FactRows, period: string): BulletinMilestone[] {
  const first = `${period}-01`;
  const last = monthEnd(period);
  const inMonth = (d: string | null) => d != null && d >= first && d <= last;
  const names = new Map(rows.projects.map((p) => [p.id, p.name]));
  const found = new Map<string, BulletinMilestone>();
  const add = (projectId: number, kind: 'start' | 'completion', date: string) => {
    const key = `${kind}:${projectId}`;
    const name = names.get(projectId);
    if (name && !found.has(key)) found.set(key, { projectId, name, kind, date });
  };
  for (const p of rows.projects) {
    if (inMonth(p.actualStartDate)) add(p.id, 'start', p.actualStartDate!);
    const done = [p.actualCompletionDate, p.actualProductionDate].find(inMonth);
    if (done) add(p.id, 'completion', done);
  }
  for (const t of rows.transitions) add(t.projectId, t.toStage === 'under_construction' ? 'start' : 'completion', t.date);
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date) || a.projectId - b.projectId);
}

function rankingsOf(snapshot: RankingSnapshot | null): BulletinRankings | null {
  if (!snapshot) return null;
  const rankings: BulletinRankings['rankings'] = {};
  for (const [kind, rows] of Object.entries(snapshot.rankings) as [keyof BulletinRankings['rankings'], RankingSnapshot['rankings']['project']][]) {
    rankings[kind] = (rows ?? []).map((r) => ({ subjectId: r.subjectId, name: r.name, rank: r.rank, total: r.total, previousRank: r.previousRank, flag: r.flag }));
  }
  return { schemeName: snapshot.scheme.name, rankings };
}

/** Drafts the content of a region's bulletin for a month; `keep` is the office's photo picks (already checked). */
export async function draftBulletin(db: Executor, region: BulletinRegion, period: string, generatedAt: string, keep: BulletinPhoto[] | null): Promise<DraftContent> {
  const [rows, snapshot] = await Promise.all([
    runBulletinFactQueries(db, regionPrefix(region.code, region.level), period, generatedAt),
    rankingSnapshot(db, region.code, period),
  ]);
  const levels = new Map<number, WarningLevel>();
  for (const w of rows.warnings) levels.set(w.projectId, worse(levels.get(w.projectId), w.level as WarningLevel));
  const rankings = rankingsOf(snapshot);
  const ranks = new Map((rankings?.rankings.project ?? []).map((r) => [Number(r.subjectId), r.rank]));
  const red = new Set([...levels].filter(([, l]) => l === 'red').map(([id]) => id));
  const points = new Map(rows.points.map((p) => [p.id, p]));
  const shots = rows.photos.flatMap((m) => {
    const point = points.get(m.shootingPointId!);
    // A photo of a deleted point, or of a point of another project, is no comparison.
    if (!point || point.projectId !== m.projectId) return [];
    return [{ mediaId: m.mediaId, projectId: m.projectId, projectName: point.projectName, pointId: point.id, pointName: point.name, period: m.period!, capturedAt: m.capturedAt }];
  });
  const candidates = photoCandidates(shots, period, photoRank(red, ranks));
  const chosen = keep ?? pickPhotos(candidates);
  const input: BulletinInput = {
    period, regionName: region.name, regionLevel: region.level, generatedAt,
    projects: shapeProjects(rows, period, levels),
    milestones: milestones(rows, period),
    warnings: rows.warnings.map((w) => ({ projectId: w.projectId, projectName: w.projectName, departmentName: w.departmentName, rule: w.rule as WarningRule, level: w.level as WarningLevel, reason: w.reason })),
    obstacles: rows.obstacles.map((o) => ({
      id: o.id, projectName: o.projectName, kind: o.kind, title: o.title ?? o.description, ownerName: o.ownerName,
      raisedOn: chinaDay(o.raisedAt), closedOn: o.status === 'closed' && o.closedAt ? chinaDay(o.closedAt) : null,
      dueOn: o.dueOn ?? o.deadline, stage: (o.stage ?? 'assigned') as ObstacleStage,
    })),
    escalations: {
      supervised: Number(rows.escalations.find((e) => e.toStage === 'supervised')?.n ?? 0),
      interviewed: Number(rows.escalations.find((e) => e.toStage === 'interviewed')?.n ?? 0),
    },
    findings: rows.findings.map((x) => ({
      inspectionId: x.inspectionId, projectName: x.projectName, visitedOn: x.visitedOn, booksAhead: x.booksAhead === 1,
      rating: x.rating as InspectionRating | null, demands: parseJson<{ description: string }[]>(x.demands, []).map((d) => d.description),
    })),
    rankings,
    photos: chosen,
  };
  const { figures, sections } = composeBulletin(input);
  return { figures, sections, photos: { chosen, candidates } };
}
