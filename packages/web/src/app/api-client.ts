// The one way the web app talks to the server: JSON over fetch, same-origin session cookie,
// the CSRF marker header on every request, and one error type the UI branches on by `code`.

export const API_BASE = '/api/v1';

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** `validation_failed` details: one entry per wrong field. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d != null && typeof (d as FieldIssue).field === 'string',
    );
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code == null || error.code === code);
}

/** The message a person should read for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=x,y`; empty values are left out, lists are comma-separated (api.md). */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
      continue;
    }
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const STATUS_MESSAGE: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '无权执行此操作',
  404: '记录不存在或无权查看',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
  502: '服务器暂时不可用，请稍后再试',
  503: '服务器暂时不可用，请稍后再试',
  504: '服务器响应超时，请稍后再试',
};

/** The error a failed reply stands for: the server's `{error}` body, else a message for its status. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(status, typeof error.code === 'string' ? error.code : 'error', error.message, error.details);
  }
  const message = STATUS_MESSAGE[status] ?? `服务器错误（${status}），请稍后重试`;
  return new ApiError(status, `http_${status}`, message);
}

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's HTML page): fall back to the status text
  }
  return toApiError(response.status, body);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (an uploaded file), instead of `body`. */
  raw?: Blob;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'tuijin' };
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(API_BASE + path + toQueryString(options.query), { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await parseError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  /** A file as the request body (`application/octet-stream`); options travel in the query string. */
  postRaw: <T>(path: string, raw: Blob, query?: QueryParams) => request<T>('POST', path, { raw, query }),
  /** Raw bytes with PUT (an upload chunk). */
  putRaw: <T>(path: string, raw: Blob, query?: QueryParams) => request<T>('PUT', path, { raw, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: QueryParams) => request<T>('DELETE', path, { query }),
};

/** Most lists answer `{items, total}`. */
export interface ListResult<T> {
  items: T[];
  total: number;
}
