import type { FieldError } from '@tuijin/core';

// One error type for everything the user can be told about; mapped to HTTP in one place
// (lib/http.ts) and branched on by `code` in the web app.

export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  csrf_rejected: 403,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  password_rejected: 422,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('forbidden', message);
export const invalid = (details: FieldError[]) =>
  new AppError('validation_failed', details[0]?.message ?? '提交的内容不正确', details);

/** A stale save: the reply carries the record as it now is, so the user can compare. */
export const versionConflict = (current: unknown) =>
  new AppError('version_conflict', '该记录已被他人修改，请查看最新内容后再保存', { current });
