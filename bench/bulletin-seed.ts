import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Database } from '../packages/server/src/db/kysely';
import { rng } from '../packages/server/src/demo/generate';
import type { Storage } from '../packages/server/src/lib/storage/storage';

// The photos a county's bulletin compares, on top of bench/warnings-seed.ts: every project of the
// county photographed from a fixed shooting point (every fourth from two) in each of two months,
// stored as the media feature stores an upload — original, display JPEG (1600×1200, quality 80,
// what processPhoto makes of a phone photo) and thumbnail in the storage, a media row on the
// month's report with capture time, place and passed checks. The pictures are real JPEGs made by
// sharp from a smooth random scene with strong sensor-like grain (≈ 450 KB, a detailed site photo at that
// size is); 40 scenes are drawn and each file is made unique by a JPEG comment naming it, so no
// two stored files are the same bytes (a .docx would share identical images).

const W = 1600;
const H = 1200;
const SCENES = 40;

async function scene(seed: number): Promise<{ raw: Buffer; thumb: Buffer }> {
  const r = rng(seed);
  const cells = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < cells.length; i++) cells[i] = Math.floor(r.next() * 256);
  const raw = await sharp(cells, { raw: { width: 16, height: 12, channels: 3 } }).resize(W, H, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer();
  // Grain drawn here (a sum of three uniforms, roughly Gaussian): sharp's own noise composite takes ~1 s a picture.
  for (let i = 0; i < raw.length; i++) raw[i] = Math.max(0, Math.min(255, raw[i]! + (r.next() + r.next() + r.next() - 1.5) * 30));
  const thumb = await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).resize(320, 240).jpeg({ quality: 80 }).toBuffer();
  return { raw: await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 80 }).toBuffer(), thumb };
}

/** The JPEG with a comment segment (FF FE) right after its start marker: same picture, its own bytes. */
function named(jpeg: Buffer, name: string): Buffer {
  const text = Buffer.from(name, 'utf8');
  const head = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), head, text, jpeg.subarray(2)]);
}

export async function seedBulletinPhotos(database: Database, storage: Storage, county: string, months: [string, string]): Promise<{ points: number; photos: number; displayKb: number }> {
  const { db } = database;
  const r = rng(23);
  const at = new Date().toISOString();
  const scenes = [];
  for (let i = 0; i < SCENES; i++) scenes.push(await scene(100 + i));
  const projects = await db.selectFrom('project').select(['id']).where('regionCode', '=', county).orderBy('id').execute();
  const reports = await db.selectFrom('monthlyReport').select(['id', 'projectId', 'period']).where('projectId', 'in', projects.map((p) => p.id)).where('period', 'in', months).execute();
  const reportOf = new Map(reports.map((x) => [`${x.projectId}:${x.period}`, x.id]));
  let photos = 0;
  let bytes = 0;
  let points = 0;
  for (const [k, p] of projects.entries()) {
    const lng = 113.6 + r.next() * 0.2;
    const lat = 34.7 + r.next() * 0.2;
    const names = k % 4 === 0 ? ['东侧全景', '主体施工区'] : ['东侧全景'];
    for (const [j, name] of names.entries()) {
      const point = await db.insertInto('shootingPoint').values({ projectId: p.id, name, lng, lat, sort: j + 1, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
      points++;
      for (const period of months) {
        const n = photos++;
        const picture = scenes[n % SCENES]!;
        const display = named(picture.raw, `bench ${p.id} ${period} ${j}`);
        const sha256 = createHash('sha256').update(display).digest('hex');
        const base = `media/${county}/${period}/bench-${p.id}-${j}`;
        const keys = { original: `${base}/original`, display: `${base}/display.jpg`, thumb: `${base}/thumb.jpg` };
        // The original of an upload is the phone's file; here the display picture stands in for it (nothing here reads it).
        await storage.putBuffer(keys.original, display, { contentType: 'image/jpeg' });
        await storage.putBuffer(keys.display, display, { contentType: 'image/jpeg' });
        await storage.putBuffer(keys.thumb, named(picture.thumb, `bench ${n}`), { contentType: 'image/jpeg' });
        bytes += display.length;
        await db.insertInto('media').values({
          projectId: p.id, regionCode: county, reportId: reportOf.get(`${p.id}:${period}`) ?? null, period, kind: 'photo', format: 'jpeg', mime: 'image/jpeg',
          filename: `IMG_${period.replace('-', '')}${String(10 + j).padStart(2, '0')}_${p.id}.jpg`, size: display.length, sha256, phash: sha256.slice(0, 16),
          originalKey: keys.original, displayKey: keys.display, thumbKey: keys.thumb, width: W, height: H,
          capturedAt: new Date(`${period}-${String(r.int(10, 25)).padStart(2, '0')}T10:${String(r.int(10, 59))}:00+08:00`).toISOString(),
          lng: lng + r.next() * 0.0005, lat: lat + r.next() * 0.0005, camera: 'Xiaomi 23127PN0CC', shootingPointId: point.id,
          checks: '[]', checkStatus: 'passed', sort: j + 1, createdAt: at, updatedAt: at,
        }).execute();
      }
    }
  }
  return { points, photos, displayKb: Math.round(bytes / photos / 1024) };
}
