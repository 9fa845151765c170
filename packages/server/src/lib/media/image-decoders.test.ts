import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PHOTOS, tempDir } from '../../test/media/fixtures';
import { closeHeicDecoder } from './heic';
import { processPhoto, restrictImageDecoders } from './image';
import { sniffMedia } from './sniff';

// A file of its own: restrictImageDecoders changes libvips for the whole process.
const tmp = tempDir();
afterAll(async () => {
  sharp.unblock({ operation: ['VipsForeignLoad'] });
  tmp.cleanup();
  await closeHeicDecoder();
});

describe('restrictImageDecoders', () => {
  it('leaves libvips only the loaders uploads need', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#080' } }).gif().toBuffer();
    expect((await sharp(svg).metadata()).format).toBe('svg');
    restrictImageDecoders();
    await expect(sharp(svg).metadata()).rejects.toThrow(/unsupported image format/);
    await expect(sharp(gif).metadata()).rejects.toThrow(/unsupported image format/);
    for (const [file, name] of [[PHOTOS.dscn0010, 'a.jpg'], [PHOTOS.heic, 'a.heic']] as const) {
      expect((await processPhoto(file, sniffMedia(readFileSync(file), name))).phash).toMatch(/^[0-9a-f]{16}$/);
    }
    const png = await sharp(PHOTOS.dscn0010).png().toBuffer();
    const webp = await sharp(PHOTOS.dscn0010).webp().toBuffer();
    expect((await tmp.ingest(png, 'a.png')).format).toBe('png');
    expect((await tmp.ingest(webp, 'a.webp')).format).toBe('webp');
  });
});
