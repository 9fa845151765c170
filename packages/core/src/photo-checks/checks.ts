import { addMonths, chinaDate, periodText } from '../period';
import { distanceMetres, type LngLat } from '../geo';

// The checks that make a site photo worth trusting (issue: 月报 photos): taken in the
// reporting month (or the days before the deadline), taken at the project (near its point or
// inside its outline), not a copy or near-copy of a photo already used. Each check says why
// in Chinese; a photo without EXIF is allowed and flagged. Thresholds are settings.

export interface PhotoCheckSettings {
  /** Metres from the project's point within which a photo counts as taken on site. */
  maxDistanceMetres: number;
  /** Hamming distance between 64-bit perceptual hashes at or below which two photos are "the same". */
  maxHashDistance: number;
}

export const DEFAULT_PHOTO_CHECKS: PhotoCheckSettings = { maxDistanceMetres: 1000, maxHashDistance: 6 };

export type CheckResult = { code: string; passed: boolean | null; message: string };

/** Taken in the period, or after it but no later than the deadline (reports are made early next month). */
export function checkCaptureTime(capturedAt: string | null, period: string, deadline: string): CheckResult {
  if (!capturedAt) return { code: 'time', passed: null, message: '照片没有拍摄时间信息（EXIF），无法核对拍摄日期' };
  const day = chinaDate(new Date(capturedAt));
  const start = `${period}-01`;
  const end = deadline > `${addMonths(period, 1)}-01` ? deadline : `${addMonths(period, 1)}-01`;
  if (day < start) return { code: 'time', passed: false, message: `拍摄于 ${day}，早于本期月报（${periodText(period)}）` };
  if (day > end) return { code: 'time', passed: false, message: `拍摄于 ${day}，晚于报送截止日 ${deadline}` };
  return { code: 'time', passed: true, message: `拍摄于 ${day}` };
}

/** Taken on the day of an inspection or a visit (a day either side allowed: late evening, an early start). */
export function checkCaptureDay(capturedAt: string | null, day: string): CheckResult {
  if (!capturedAt) return { code: 'time', passed: null, message: '照片没有拍摄时间信息（EXIF），无法核对拍摄日期' };
  const taken = chinaDate(new Date(capturedAt));
  const gap = Math.abs(Date.parse(`${taken}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
  return gap <= 1
    ? { code: 'time', passed: true, message: `拍摄于 ${taken}` }
    : { code: 'time', passed: false, message: `拍摄于 ${taken}，与检查日期 ${day} 不符` };
}

/** Ray casting: whether a point lies inside a polygon (lng/lat treated as planar at site scale). */
export function isInsidePolygon([x, y]: LngLat, polygon: LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function checkLocation(
  taken: LngLat | null,
  project: { point: LngLat | null; outline: LngLat[] | null },
  settings: PhotoCheckSettings = DEFAULT_PHOTO_CHECKS,
): CheckResult {
  if (!taken) return { code: 'location', passed: null, message: '照片没有 GPS 位置信息，无法核对拍摄地点' };
  if (project.outline && project.outline.length >= 3 && isInsidePolygon(taken, project.outline)) {
    return { code: 'location', passed: true, message: '拍摄于项目用地范围内' };
  }
  if (!project.point) {
    if (project.outline && project.outline.length >= 3) return { code: 'location', passed: false, message: '拍摄地点不在项目用地范围内' };
    return { code: 'location', passed: null, message: '项目未登记位置，无法核对拍摄地点' };
  }
  const metres = Math.round(distanceMetres(taken, project.point));
  return metres <= settings.maxDistanceMetres
    ? { code: 'location', passed: true, message: `距项目位置约 ${distanceText(metres)}` }
    : { code: 'location', passed: false, message: `距项目位置约 ${distanceText(metres)}，超过 ${distanceText(settings.maxDistanceMetres)}` };
}

/** 「120 米」 near the site, 「8.3 公里」 beyond a kilometre (a photo from another town reads as such). */
export function distanceText(metres: number): string {
  if (metres < 1000) return `${metres} 米`;
  const km = metres / 1000;
  return `${km < 100 ? Number(km.toFixed(1)) : Math.round(km)} 公里`;
}

/** Bits that differ between two 64-bit perceptual hashes written as 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) throw new RangeError('感知哈希应为 16 位十六进制');
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  while (x) {
    bits += Number(x & 1n);
    x >>= 1n;
  }
  return bits;
}

export function checkDuplicate(
  hash: string,
  sha256: string,
  used: { hash: string; sha256: string; label: string }[],
  settings: PhotoCheckSettings = DEFAULT_PHOTO_CHECKS,
): CheckResult {
  const same = used.find((u) => u.sha256 === sha256);
  if (same) return { code: 'duplicate', passed: false, message: `与已使用的照片完全相同（${same.label}）` };
  let nearest: { distance: number; label: string } | null = null;
  for (const u of used) {
    const distance = hammingDistance(hash, u.hash);
    if (!nearest || distance < nearest.distance) nearest = { distance, label: u.label };
  }
  if (nearest && nearest.distance <= settings.maxHashDistance) {
    return { code: 'duplicate', passed: false, message: `与已使用的照片几乎相同（${nearest.label}，差异 ${nearest.distance} 位）` };
  }
  return { code: 'duplicate', passed: true, message: '未发现重复照片' };
}

/** A photo's standing: every check passed, something could not be checked, or a check failed. */
export type CheckStatus = 'passed' | 'flagged' | 'failed';

export const CHECK_STATUS_LABEL: Record<CheckStatus, string> = { passed: '核验通过', flagged: '待核实', failed: '核验未通过' };
export const CHECK_LABEL: Record<string, string> = { time: '拍摄时间', location: '拍摄地点', duplicate: '重复照片', exif: '拍摄信息' };

export function overallCheckStatus(results: CheckResult[]): CheckStatus {
  if (results.some((r) => r.passed === false)) return 'failed';
  if (results.some((r) => r.passed === null)) return 'flagged';
  return 'passed';
}

export interface PhotoEvidence {
  capturedAt: string | null;
  taken: LngLat | null;
  /** Perceptual hash; null for a video without a poster frame. */
  phash: string | null;
  sha256: string;
  hasExif: boolean;
}

/**
 * All checks of one photo or video against its report's month and its project's place, and
 * the photos already used. Every result is kept and shown; none silently dropped.
 */
export function runPhotoChecks(
  evidence: PhotoEvidence,
  context: {
    /** A report's month up to its deadline, or the day of an inspection or a visit. */
    capture: { period: string; deadline: string } | { day: string };
    project: { point: LngLat | null; outline: LngLat[] | null };
    used: { hash: string | null; sha256: string; label: string }[];
  },
  settings: PhotoCheckSettings = DEFAULT_PHOTO_CHECKS,
): CheckResult[] {
  const results: CheckResult[] = [];
  // Without EXIF neither time nor place can be checked: one flag says so (allowed, shown).
  if (!evidence.hasExif && !evidence.capturedAt && !evidence.taken) {
    results.push({ code: 'exif', passed: null, message: '文件不含拍摄信息（EXIF），无法核对拍摄时间和地点；可能经过微信等软件压缩，请尽量上传原图' });
  } else {
    results.push('day' in context.capture ? checkCaptureDay(evidence.capturedAt, context.capture.day) : checkCaptureTime(evidence.capturedAt, context.capture.period, context.capture.deadline));
    results.push(checkLocation(evidence.taken, context.project, settings));
  }
  if (evidence.phash) {
    const hashed = context.used.filter((u): u is { hash: string; sha256: string; label: string } => u.hash != null);
    const exact = context.used.filter((u) => u.hash == null);
    const byBytes = exact.find((u) => u.sha256 === evidence.sha256);
    results.push(byBytes ? { code: 'duplicate', passed: false, message: `与已使用的文件完全相同（${byBytes.label}）` } : checkDuplicate(evidence.phash, evidence.sha256, hashed, settings));
  } else {
    const same = context.used.find((u) => u.sha256 === evidence.sha256);
    results.push(same ? { code: 'duplicate', passed: false, message: `与已使用的文件完全相同（${same.label}）` } : { code: 'duplicate', passed: true, message: '未发现重复文件' });
  }
  return results;
}
