import { createHash, randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Harness } from '../../test/harness';
import { reportingCounty } from '../../test/report-fixtures';

// A month worth archiving: a county with three projects — one sent on time and approved, with
// photos (one captioned with a script), a video and a shooting point; one sent late; one left
// as a draft, never sent — and a neighbouring county with a month of its own that must never show up in it.

export const W = 10_000;
export const XSS = '<script>alert(1)</script>';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const jpeg = (width: number, height: number, r: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g: 120, b: 60 } } }).jpeg({ quality: 80 }).toBuffer();

interface MediaInput {
  kind: 'photo' | 'video';
  caption: string | null;
  shootingPointId?: number | null;
  checks: { code: string; passed: boolean | null; message: string }[];
  checkStatus: 'passed' | 'flagged' | 'failed';
}

export async function archiveMonth(h: Harness) {
  const c = await reportingCounty(h, { name: '城南污水处理厂' });
  const company2 = await c.f.org('company', c.region, '城北物流有限公司');
  const late = await c.f.project(c.region, { name: '城北物流园/二期 <仓储>..', stage: 'under_construction', ownerOrgId: company2.id, responsibleOrgId: c.dept.id, totalInvestment: 200_000_000 });
  const silent = await c.f.project(c.region, { name: '高新区标准化厂房', stage: 'preparing', ownerOrgId: company2.id, responsibleOrgId: c.dept.id, totalInvestment: 80_000_000 });
  for (const p of [late, silent]) {
    const res = await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 50_000_000, target: 60_000_000 } });
    if (res.statusCode !== 200) throw new Error(`plan failed: ${res.statusCode} ${res.body}`);
  }
  const far = await c.f.county('外县');
  const farOffice = await c.f.session('office', far.county);
  const farProject = await c.f.project(far.county, { name: '外县保密项目', stage: 'under_construction' });

  const open = async (cookie: string, body: Record<string, unknown>) => {
    const res = await h.request('POST', '/api/v1/periods', { cookie, body });
    if (res.statusCode !== 201) throw new Error(`open failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: number; version: number };
  };
  const period = await open(c.office.cookie, { period: '2026-05', deadline: '2026-06-20' });
  const farPeriod = await open(farOffice.cookie, { period: '2026-05' });
  const reportOf = async (projectId: number) =>
    (await h.ctx.db.selectFrom('monthlyReport').select('id').where('projectId', '=', projectId).where('periodId', '=', period.id).executeTakeFirstOrThrow()).id;
  const reports = { onTime: await reportOf(c.project.id), late: await reportOf(late.id), silent: await reportOf(silent.id) };

  const at = h.clock.now().toISOString();
  const { id: pointId } = await h.ctx.db.insertInto('shootingPoint')
    .values({ projectId: c.project.id, name: '东南角塔吊', sort: 0, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();

  /** Stored objects by key, to compare with what the archive holds. */
  const objects = new Map<string, Buffer>();
  const media: { id: number; kind: string; sha256: string; originalKey: string; displayKey: string | null }[] = [];
  const addMedia = async (projectId: number, reportId: number, m: MediaInput) => {
    const base = `media/${c.region}/2026-05/${randomUUID()}`;
    const original = m.kind === 'video' ? Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), randomBytes(40_000)]) : await jpeg(320, 240, 30 + media.length * 40);
    const display = await jpeg(160, 120, 200 - media.length * 30);
    const keys = { originalKey: `${base}/original`, displayKey: `${base}/display.jpg` };
    await h.ctx.storage.putBuffer(keys.originalKey, original, { contentType: m.kind === 'video' ? 'video/mp4' : 'image/jpeg' });
    await h.ctx.storage.putBuffer(keys.displayKey, display, { contentType: 'image/jpeg' });
    objects.set(keys.originalKey, original).set(keys.displayKey, display);
    const { id } = await h.ctx.db.insertInto('media').values({
      projectId, regionCode: c.region, reportId, period: '2026-05', kind: m.kind, format: m.kind === 'video' ? 'mp4' : 'jpeg',
      mime: m.kind === 'video' ? 'video/mp4' : 'image/jpeg', filename: m.kind === 'video' ? '现场航拍.MP4' : `IMG_${media.length + 1}.JPG`,
      size: original.length, sha256: sha256(original), originalKey: keys.originalKey, displayKey: keys.displayKey, thumbKey: null,
      width: 320, height: 240, durationMs: m.kind === 'video' ? 12_000 : null, capturedAt: '2026-05-28T03:15:00.000Z',
      lng: 116.3601, lat: 37.4402, caption: m.caption, shootingPointId: m.shootingPointId ?? null, checks: JSON.stringify(m.checks),
      checkStatus: m.checkStatus, sort: media.length + 1, uploadedBy: c.reporter.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    media.push({ id, kind: m.kind, sha256: sha256(original), ...keys });
  };
  await addMedia(c.project.id, reports.onTime, {
    kind: 'photo', caption: XSS, checks: [{ code: 'time', passed: true, message: '拍摄于 2026-05-28' }, { code: 'location', passed: false, message: '距项目位置 3.2 公里' }], checkStatus: 'failed',
  });
  await addMedia(c.project.id, reports.onTime, { kind: 'photo', caption: '主体结构施工', shootingPointId: pointId, checks: [{ code: 'exif', passed: null, message: '缺少拍摄设备信息' }], checkStatus: 'flagged' });
  await addMedia(c.project.id, reports.onTime, { kind: 'video', caption: null, checks: [], checkStatus: 'passed' });
  await addMedia(late.id, reports.late, { kind: 'photo', caption: '场地平整', checks: [{ code: 'time', passed: true, message: '拍摄于 2026-05-28' }], checkStatus: 'passed' });

  const send = async (cookie: string, id: number, fields: Record<string, unknown>) => {
    const view = (await h.request('GET', `/api/v1/reports/${id}`, { cookie })).json() as { version: number };
    const saved = await h.request('PATCH', `/api/v1/reports/${id}`, { cookie, body: { version: view.version, ...fields } });
    if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
    const sent = await h.request('POST', `/api/v1/reports/${id}/submit`, { cookie, body: { version: saved.json().version } });
    if (sent.statusCode !== 200) throw new Error(`submit failed: ${sent.statusCode} ${sent.body}`);
    return sent.json() as { version: number };
  };
  const sent = await send(c.reporter.cookie, reports.onTime, {
    thisMonth: 800 * W, ytd: 3000 * W, cumulative: 9000 * W, progress: '主体结构施工至三层\n二次结构开始', funds: [{ source: 'enterprise', amount: 500 * W }],
    problems: [{ kind: 'land', description: '二期用地指标未落实 & 待协调' }], nextPlan: '主体封顶', coordination: '协调供电',
  });
  const approved = await h.request('POST', `/api/v1/reports/${reports.onTime}/approve`, { cookie: c.reviewer.cookie, body: { version: sent.version, comment: '同意。<b>注意</b>安全' } });
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.statusCode} ${approved.body}`);

  // After the deadline: the second company sends late, the third never does.
  h.clock.set('2026-06-22T02:00:00Z');
  const reporter2 = await c.f.session('reporter', c.region, { orgId: company2.id });
  await send(reporter2.cookie, reports.late, { thisMonth: 100 * W, ytd: 100 * W, cumulative: 100 * W, progress: '场地平整' });
  // A draft saved but never sent: its figures are not the month's.
  const draft = (await h.request('GET', `/api/v1/reports/${reports.silent}`, { cookie: reporter2.cookie })).json() as { version: number };
  const saved = await h.request('PATCH', `/api/v1/reports/${reports.silent}`, { cookie: reporter2.cookie, body: { version: draft.version, thisMonth: 777 * W, progress: '草稿中的进度' } });
  if (saved.statusCode !== 200) throw new Error(`draft failed: ${saved.statusCode} ${saved.body}`);
  const office = { ...c.office, cookie: await c.f.login(c.office.username) };
  return { c, office, far, farOffice, farProject, farPeriod, period, reports, projects: { onTime: c.project, late, silent }, media, objects };
}
export type ArchiveMonth = Awaited<ReturnType<typeof archiveMonth>>;
