// Photo and video ingest for uploaded evidence (月报 photos and short videos): what a file is,
// what it says about when and where it was taken, and the derivatives the web app shows.
export { sniffMedia, detectMedia, kindOfName, safeFilename, SNIFF_BYTES, type Sniffed, type PhotoFormat, type VideoFormat } from './sniff';
export { readPhotoMeta, captureTime, type PhotoMeta } from './exif';
export { withExif, buildExifTiff, type ExifTags, type ByteOrder } from './exif-write';
export { perceptualHash, HASH_INPUT_SIZE } from './phash';
export { processPhoto, restrictImageDecoders, DEFAULT_PHOTO_LIMITS, type PhotoLimits, type ProcessedPhoto } from './image';
export { closeHeicDecoder } from './heic';
export { probeVideo, parseIso6709, type VideoProbe } from './video';
export { findFfmpeg, makePoster } from './video-poster';
