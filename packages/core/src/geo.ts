// Coordinates are stored in WGS-84, what a phone's GPS and EXIF hold (DESIGN.md §4).
// Chinese web maps (高德, 腾讯) show and hand out GCJ-02, an offset datum; coordinates
// copied from them are converted here before they are stored. Outside mainland China
// GCJ-02 equals WGS-84.

export type LngLat = [number, number];
export type Datum = 'wgs84' | 'gcj02';

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as GCJ-02 uses
const EE = 0.006693421622965943;

function isOutsideChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The published WGS-84 → GCJ-02 forward transform. */
export function wgs84ToGcj02(point: LngLat): LngLat {
  if (isOutsideChina(point)) return point;
  const [lng, lat] = point;
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 → WGS-84 by fixed-point iteration on the forward transform (error < 1e-7°, about 1 cm). */
export function gcj02ToWgs84(point: LngLat): LngLat {
  if (isOutsideChina(point)) return point;
  let guess: LngLat = [...point];
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = wgs84ToGcj02(guess);
    const dx = point[0] - fx;
    const dy = point[1] - fy;
    guess = [guess[0] + dx, guess[1] + dy];
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
  }
  return guess;
}

export function toWgs84(point: LngLat, datum: Datum): LngLat {
  return datum === 'gcj02' ? gcj02ToWgs84(point) : point;
}

/** Great-circle distance in metres (haversine on a 6,371 km sphere). */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * Reads a site outline typed or pasted as text: one point per line or separated by ';',
 * each "lng,lat" (full-width commas too). Returns the points or the 1-based number of
 * the first line it could not read.
 */
export function parseCoordinateList(text: string): { points: LngLat[] } | { badLine: number } {
  const parts = text.normalize('NFKC').split(/[;\n]+/).map((s) => s.trim()).filter(Boolean);
  const points: LngLat[] = [];
  for (let i = 0; i < parts.length; i++) {
    const m = /^(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)$/.exec(parts[i]!);
    if (!m) return { badLine: i + 1 };
    points.push([Number(m[1]), Number(m[2])]);
  }
  return { points };
}
