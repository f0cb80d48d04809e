import { getLang } from '../i18n';

/** An error answered by the server as `{ error: { code, message, details } }` (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages from `details.fields`, keyed by the field path (`honours.0.year`). */
  get fields(): Record<string, string> {
    const f = this.details?.fields;
    return f && typeof f === 'object' ? (f as Record<string, string>) : {};
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from GET /api/auth/me or the login response; it goes with every non-GET request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads). */
  form?: FormData;
  /** When false, a 401 is thrown to the caller instead of sending the browser to the login page. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

/** Builds `/api/...?a=1` leaving out empty values. */
export function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function goToLogin() {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

/** Calls the API: sends the session cookie, JSON, the CSRF header and the UI language; throws ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': getLang(),
    ...opts.headers,
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(urlOf(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', getLang() === 'en' ? 'Network error' : '网络异常，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const e = (
      data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null
    )?.error;
    const error = new ApiError(
      res.status,
      e?.code ?? `http.${res.status}`,
      e?.message ?? res.statusText,
      e?.details,
    );
    if (res.status === 401 && opts.redirectOn401 !== false) goToLogin();
    throw error;
  }
  return data as T;
}

/** Downloads a file answered by GET `path` (an Excel template or export) under `filename`. */
export async function download(path: string, filename: string, query?: Query): Promise<void> {
  const res = await fetch(urlOf(path, query), {
    credentials: 'same-origin',
    headers: { 'accept-language': getLang() },
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(
      res.status,
      data?.error?.code ?? `http.${res.status}`,
      data?.error?.message ?? res.statusText,
    );
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
