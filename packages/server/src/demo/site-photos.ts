import sharp from 'sharp';
import { withExif } from '../lib/media/exif-write';
import { rng, type Rng } from './generate';

// Site photos for the demo county, drawn rather than shipped: a building rising month by month
// seen from a fixed shooting point, with EXIF time and place as a phone would write them, so the
// month-by-month comparison (递进比较) has something real to compare.

export interface SiteShot {
  /** 0 … 1, how far the building has risen. */
  progress: number;
  /** Which shooting point: each looks from its own angle. */
  point: number;
  /** The project: its site keeps its look from month to month. */
  seed: number;
  /** The month: a hand-held phone never frames the same shot twice exactly. */
  take: number;
  takenAt: { date: string; time: string };
  at: { lng: number; lat: number };
}

interface Layout { horizon: number; x: number; w: number; floorH: number; wall: string; glass: string; sky: [string, string]; ground: string; hills: string; mirror: boolean }

/** Each project's site looks its own (where the building stands, its colours, the hills behind); each point its own angle. */
function layoutOf(seed: number, point: number): Layout {
  const r = rng(seed * 10 + point);
  const pick = <T>(items: readonly T[]) => items[Math.abs(seed * 7 + point * 3) % items.length]!;
  const horizon = 560 + ((seed * 37 + point * 90) % 180);
  const x = 80 + ((seed * 53 + point * 210) % 640);
  const hills = Array.from({ length: 7 }, (_, i) => `${i * 220},${horizon - 40 - Math.round(r.next() * 160)}`).join(' ');
  return {
    horizon, x, w: 300 + ((seed * 29) % 320), floorH: 22 + (seed % 4) * 4,
    wall: pick(['#cfc8b8', '#d8d2c4', '#c4b9a8', '#b8c4c9', '#d6c2a8']), glass: pick(['#5b7a99', '#4a6b5b', '#6a6a8a', '#3d556e']),
    sky: pick([['#9fc2e7', '#dfeaf5'], ['#b7c9d9', '#eef2f4'], ['#a6bfd6', '#f4e6cf'], ['#c7d3de', '#e9edf0']] as const) as [string, string],
    ground: pick(['#8c7b5e', '#7d6d52', '#9a8766', '#6f6552']), hills: `0,${horizon} ${hills} 1280,${horizon}`, mirror: point % 2 === 1,
  };
}

function building(progress: number, l: Layout, r: Rng): string {
  const floors = Math.max(1, Math.round(progress * 12));
  let svg = '';
  for (let f = 0; f < floors; f++) {
    const y = l.horizon - (f + 1) * l.floorH;
    const isTop = f === floors - 1 && progress < 0.95;
    svg += `<rect x="${l.x}" y="${y}" width="${l.w}" height="${l.floorH - 2}" fill="${isTop ? '#a9a293' : l.wall}" stroke="#8d8677" stroke-width="2"/>`;
    if (!isTop) for (let k = 0; k < l.w / 46 - 1; k++) svg += `<rect x="${l.x + 16 + k * 46}" y="${y + 5}" width="26" height="${l.floorH - 12}" fill="${r.next() > 0.2 ? l.glass : '#2e3e4e'}"/>`;
  }
  if (progress < 0.95) {
    const top = l.horizon - floors * l.floorH;
    const mast = l.x + l.w + 60;
    svg += `<line x1="${mast}" y1="${l.horizon}" x2="${mast}" y2="${top - 120}" stroke="#e0a000" stroke-width="10"/>`;
    svg += `<line x1="${l.x - 80}" y1="${top - 110}" x2="${mast + 120}" y2="${top - 110}" stroke="#e0a000" stroke-width="8"/>`;
    svg += `<line x1="${l.x + l.w / 2}" y1="${top - 110}" x2="${l.x + l.w / 2}" y2="${top - 40}" stroke="#555" stroke-width="3"/>`;
  }
  return svg;
}

/** A steady −30…30 px offset per take and axis. */
const jitter = (take: number, axis: number) => ((take * 7919 + axis * 104_729) % 61) - 30;

/** A 1280×960 JPEG of the site as seen from a shooting point, with EXIF (time, GPS, camera). */
export async function drawSitePhoto(shot: SiteShot, r: Rng): Promise<Buffer> {
  const l = layoutOf(shot.seed, shot.point);
  let clutter = '';
  for (let i = 0; i < 18; i++) {
    clutter += `<rect x="${Math.round(r.next() * 1200)}" y="${l.horizon + 20 + Math.round(r.next() * (940 - l.horizon))}" width="${20 + Math.round(r.next() * 110)}" height="${10 + Math.round(r.next() * 50)}" fill="${r.pick(['#6f6252', '#9a8a70', '#4f6b4f', '#7a5a3a', '#3a3a3a'])}"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${l.sky[0]}"/><stop offset="1" stop-color="${l.sky[1]}"/></linearGradient></defs>
    <rect width="1280" height="960" fill="${l.ground}"/><rect width="1280" height="${l.horizon}" fill="${l.sky[0]}"/>
    <g transform="translate(${jitter(shot.take, 1)},${jitter(shot.take, 2)}) scale(${1 + jitter(shot.take, 3) / 600})">
    <g${l.mirror ? ' transform="translate(1280,0) scale(-1,1)"' : ''}>
      <rect width="1280" height="${l.horizon}" fill="url(#s)"/>
      <polygon points="${l.hills}" fill="#7f8f86" opacity="0.7"/>
      <rect y="${l.horizon}" width="1280" height="${960 - l.horizon}" fill="${l.ground}"/>
      <rect x="0" y="${l.horizon - 10}" width="1280" height="14" fill="#3e6d3e"/>
      ${building(shot.progress, l, r)}
      ${clutter}
    </g>
    </g>
  </svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
  return withExif(jpeg, {
    dateTimeOriginal: `${shot.takenAt.date.replaceAll('-', ':')} ${shot.takenAt.time}`,
    offsetTimeOriginal: '+08:00',
    gps: { lat: shot.at.lat, lng: shot.at.lng },
    make: 'HUAWEI',
    model: 'Mate 60',
  });
}
