import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { withExif } from '../../lib/media/exif-write';
import { PHOTOS, VIDEOS } from './fixtures';

// Rebuilds the media fixtures we made ourselves (photo.heic and the clips), as SOURCE.md
// describes: `npx tsx packages/server/src/test/media/make-fixtures.ts`. Needs Debian's
// heif-enc (libheif-examples) and ffmpeg. Not run by the tests: the outputs are committed.

const work = mkdtempSync(join(tmpdir(), 'tuijin-fixtures-'));

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status})`);
}

// photo.heic: DSCN0010 at 256×192, with EXIF as an iPhone would write it, HEVC-encoded.
const small = await sharp(PHOTOS.dscn0010).resize(256, 192).jpeg({ quality: 92 }).toBuffer();
const source = join(work, 'photo.jpg');
writeFileSync(source, withExif(small, { dateTimeOriginal: '2026:05:12 10:30:00', offsetTimeOriginal: '+08:00', gps: { lat: 34.7466, lng: 113.6253 }, make: 'Apple', model: 'iPhone 13' }));
run('heif-enc', ['-q', '50', '-o', PHOTOS.heic, source]);

// The clips: ffmpeg's test pattern, 2 s at 160×120 and 10 fps, small enough to commit.
const clip = (output: string, extra: string[]) =>
  run('ffmpeg', [
    '-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=10',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'veryslow', '-crf', '38', '-g', '20',
    '-metadata', 'creation_time=2026-05-12T02:30:00Z', ...extra, output,
  ]);
clip(VIDEOS.mp4, ['-movflags', '+faststart', '-metadata', 'location=+34.7466+113.6253/']);
clip(VIDEOS.mp4MoovAtEnd, []);
clip(VIDEOS.mov, ['-metadata', 'location=+31.2304+121.4737/']);
clip(VIDEOS.appleMov, [
  '-movflags', 'use_metadata_tags',
  '-metadata', 'com.apple.quicktime.location.ISO6709=+31.2304+121.4737+004.500/',
  '-metadata', 'com.apple.quicktime.creationdate=2026-05-12T10:31:00+0800',
]);

// ffmpeg 5.1 no longer writes a rotation from metadata, so clip.mov gets the 90° display
// matrix a phone held upright writes (a=0, b=1, c=-1, d=0 in 16.16; w=1 in 2.30), by hand.
const mov = readFileSync(VIDEOS.mov);
const tkhd = mov.indexOf('tkhd', 0, 'latin1');
if (tkhd < 0 || mov[tkhd + 4] !== 0) throw new Error('expected a version 0 tkhd');
const matrix = tkhd + 4 + 4 + 20 + 16;
[0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000].forEach((v, i) => mov.writeInt32BE(v, matrix + i * 4));
writeFileSync(VIDEOS.mov, mov);

rmSync(work, { recursive: true, force: true });
console.log('fixtures written');
