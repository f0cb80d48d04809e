import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, errorMessages } from '../../common/errors.js';

export type Lang = 'zh' | 'en';

/** The one error type of the application: a namespaced code, an HTTP status and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 404, details);
export const forbidden = () => new AppError('auth.forbidden', 403);
export const badRequest = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 400, details);
export const conflict = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 409, details);
/**
 * Runs a versioned write. When it fails with conflict.stale, the 409 carries the record as it is now, read after
 * the write's transaction rolled back — not the copy read before it, which a simultaneous winner made stale.
 */
export async function withCurrentOnStale<T>(
  write: () => Promise<T>,
  current: () => Promise<unknown>,
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict.stale')
      throw conflict('conflict.stale', { ...e.details, current: await current() });
    throw e;
  }
}
/** A field-level validation failure: `fields` maps a field path to a message in the request's language. */
export const invalidFields = (fields: Record<string, string>) =>
  new AppError('request.invalid', 400, { fields });

export function langOf(req: FastifyRequest): Lang {
  const h = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(h.trim()) ? 'en' : 'zh';
}

export function messageFor(code: string, lang: Lang): string {
  const m = (errorMessages as Record<string, { zh: string; en: string }>)[code];
  return m ? m[lang] : code;
}

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

/** Renders zod issues as `{ "field.path": "message" }` in the request's language. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (out[key]) continue;
    const fn = lang === 'en' ? enLocale : zhLocale;
    const r = fn(issue as never);
    const msg = typeof r === 'string' ? r : (r?.message ?? issue.message);
    out[key] = msg.replace(/[，,]\s*(实际接收|received) undefined$/, '');
  }
  return out;
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  lang: Lang,
  details?: Record<string, unknown>,
) {
  return reply
    .status(status)
    .send({ error: { code, message: messageFor(code, lang), ...(details ? { details } : {}) } });
}

/** One error handler: every failure becomes `{ error: { code, message, details } }`, never a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const lang = langOf(req);
    if (err instanceof AppError) return send(reply, err.status, err.code, lang, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
      })) as unknown as z.core.$ZodIssue[];
      const prefix = (err as FastifyError).validationContext ?? '';
      const fields = fieldErrors(issues, lang);
      return send(reply, 400, 'request.invalid', lang, { fields, ...(prefix ? { in: prefix } : {}) });
    }
    if (err instanceof z.ZodError)
      return send(reply, 400, 'request.invalid', lang, { fields: fieldErrors(err.issues, lang) });
    const fe = err as FastifyError;
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response serialization failed');
      return send(reply, 500, 'internal.error', lang);
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(reply, 413, 'files.too_large', lang);
    }
    if (fe.statusCode === 429) return send(reply, 429, 'request.rate_limited', lang);
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, fe.statusCode, 'request.invalid', lang, { reason: fe.message });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      return send(reply, 503, 'internal.unavailable', lang);
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal.error', lang);
  });
  app.setNotFoundHandler((req, reply) => send(reply, 404, 'request.not_found', langOf(req)));
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08001',
  '08003',
  '08006',
]);
const unavailableMessage =
  /Connection terminated|connection timeout|Client has encountered a connection error/i;

/**
 * The database cannot be reached or is shutting down (connection refused or reset, admin shutdown,
 * starting up): a 503 the client may retry, not a 500. Drizzle wraps the driver's error in `cause`.
 */
function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (unavailableCodes.has(e.code ?? '') || unavailableMessage.test(e.message ?? '')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Postgres unique violation on a named constraint → the given AppError; anything else rethrown. */
export function mapUniqueViolation(err: unknown, map: Record<string, () => AppError>): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgErr = e.code ? e : e.cause;
  if (pgErr?.code === '23505' && pgErr.constraint && map[pgErr.constraint]) throw map[pgErr.constraint]!();
  throw err;
}
