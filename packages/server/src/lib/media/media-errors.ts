import { AppError } from '../errors';

// The media library's refusals, each with a Chinese message that says what to do and a stable
// `reason` in details for logs, audit entries and tests (the message may be reworded).

type RefusalCode = 'unprocessable' | 'unsupported_media_type' | 'payload_too_large';

function refuse(code: RefusalCode, message: string, reason: string, extra?: Record<string, unknown>) {
  return new AppError(code, message, { reason, ...extra });
}

const ALLOWED = '照片请用 JPG、PNG、WebP 或 HEIC，视频请用 MP4 或 MOV';

export const emptyFile = (name: string) => refuse('unsupported_media_type', `「${name}」是空文件，请重新选择`, 'empty');

/** Content we refuse on principle (it can carry script or code): said plainly, so nobody retries it. */
export const hostileFile = (name: string, looksLike: string) =>
  refuse('unsupported_media_type', `「${name}」不是图片或视频文件（看起来是${looksLike}，出于安全原因不接受）`, 'hostile', { looksLike });

/** A real picture or video, just in a format we do not take. */
export const unsupportedFormat = (name: string, looksLike: string | null) =>
  refuse(
    'unsupported_media_type',
    looksLike ? `「${name}」的格式不受支持（看起来是${looksLike}）。${ALLOWED}` : `「${name}」不是可识别的图片或视频文件。${ALLOWED}`,
    'unsupported_format',
    { looksLike },
  );

export const extensionNotAllowed = (name: string) =>
  refuse('unsupported_media_type', `「${name}」的文件类型不受支持。${ALLOWED}`, 'extension');

/** The name says photo and the bytes say video, or the reverse: refused, so nothing is shown as the wrong kind. */
export const kindMismatch = (name: string, named: 'photo' | 'video', actual: string) =>
  refuse(
    'unsupported_media_type',
    `「${name}」的扩展名是${named === 'photo' ? '图片' : '视频'}，但内容是${actual}。请上传原始文件，不要修改扩展名`,
    'kind_mismatch',
    { named, actual },
  );

export const tooManyPixels = (width: number, height: number, maxPixels: number) =>
  refuse(
    'payload_too_large',
    `照片尺寸过大（${width}×${height} 像素，上限 ${Math.round(maxPixels / 1e6)} 百万像素），已拒绝。请缩小后再上传`,
    'pixels',
    { width, height, maxPixels },
  );

export const damagedPhoto = (reason: string) =>
  refuse('unprocessable', '照片文件已损坏或不完整，无法读取。请从手机相册重新选择原图上传', reason);

export const damagedVideo = (reason: string) =>
  refuse('unprocessable', '视频文件已损坏或不完整，无法读取。请确认拍摄已结束并重新上传原视频', reason);
