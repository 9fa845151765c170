import { it } from 'vitest';
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { withExif } from './exif-write';
it('try', async () => {
  const jpeg = await sharp('/work/shared/samples/photos/DSCN0010.jpg').resize(256, 192).jpeg({ quality: 92 }).toBuffer();
  writeFileSync('/tmp/mx/h.jpg', withExif(jpeg, { dateTimeOriginal: '2026:05:12 10:30:00', offsetTimeOriginal: '+08:00', gps: { lat: 34.7466, lng: 113.6253 }, make: 'Apple', model: 'iPhone 13' }));
  const jpeg6 = await sharp('/work/shared/samples/photos/DSCN0010.jpg').resize(256, 192).rotate(270).jpeg({ quality: 92 }).toBuffer();
  writeFileSync('/tmp/mx/h6.jpg', withExif(jpeg6, { orientation: 6, dateTimeOriginal: '2026:05:12 10:30:00' }));
});
