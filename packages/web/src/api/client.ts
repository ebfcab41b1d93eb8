// The one way the web talks to the server: JSON over fetch with the session cookie. Every failure
// becomes an ApiError with the server's code and its Chinese message (which already names the field).
import type { ErrorCode, ErrorDetail } from '@zhibu/contracts/errors';
import { errorCodes } from '@zhibu/contracts/errors';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly code: ErrorCode | string;
  readonly status: number;
  readonly details: ErrorDetail[];
  /** The whole error body: some codes carry more (IMPORT_INVALID has `problems` and `reportId`). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const code = typeof body.code === 'string' ? body.code : status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
    const known = (errorCodes as Record<string, { message: string } | undefined>)[code];
    const message = typeof body.message === 'string' && body.message ? body.message : (known?.message ?? `请求失败（${status}）`);
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = Array.isArray(body.details) ? (body.details as ErrorDetail[]) : [];
    this.body = body;
  }
}

/** The message to show for any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

type AuthRedirect = (kind: 'login' | 'password', message?: string) => void;

// The app registers how to leave for the login or password page (router navigate); before that,
// a full page load does it.
let redirect: AuthRedirect = (kind) => {
  const here = window.location.pathname + window.location.search;
  if (kind === 'password') window.location.assign('/account/password');
  else if (!window.location.pathname.startsWith('/login')) window.location.assign(`/login?next=${encodeURIComponent(here)}`);
};

export function setAuthRedirect(fn: AuthRedirect): void {
  redirect = fn;
}

/** Requests that answer 401 as part of their own flow (login) and must not redirect. */
const noRedirectPaths = new Set(['/auth/login']);

function toQueryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, query?: Record<string, unknown>): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

let lastServerContact = Date.now();
/** When the server last saw us (the idle timer uses it to decide whether to keep the session alive). */
export function getLastServerContact(): number {
  return lastServerContact;
}

async function handleFailure(res: Response, path: string): Promise<never> {
  let body: Record<string, unknown>;
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  const error = new ApiError(res.status, body);
  if (res.status === 401 && !noRedirectPaths.has(path)) redirect('login', error.message);
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') redirect('password', error.message);
  throw error;
}

export async function request<T>(method: string, path: string, opts: { body?: unknown; query?: Record<string, unknown>; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  lastServerContact = Date.now();
  if (!res.ok) return handleFailure(res, path);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, unknown>) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  upload: <T>(path: string, form: FormData, query?: Record<string, unknown>) => request<T>('POST', path, { form, query }),
};

function readFileName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Downloads a file (export, template, report) with the server's Chinese file name. */
export async function downloadFile(path: string, query: Record<string, unknown> | undefined, fallbackName: string): Promise<string> {
  const res = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  lastServerContact = Date.now();
  if (!res.ok) return handleFailure(res, path);
  const blob = await res.blob();
  const name = readFileName(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Lists come as {items, total}; a bare array is accepted too. */
export function itemsOf<T>(data: { items: T[] } | T[] | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
