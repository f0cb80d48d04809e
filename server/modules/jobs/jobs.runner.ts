import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../core/access.js';
import { loadActor } from '../../core/auth.js';
import type { Ctx, Deps } from '../../core/context.js';
import { AppError, messageFor } from '../../core/errors.js';
import { storagePath } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import * as repo from './jobs.repository.js';

/** What a job handler produces: a file to download and/or a small JSON result. */
export interface JobOutput {
  file?: { buffer: Buffer; name: string; mime: string };
  result?: Record<string, unknown>;
}

/** Runs one job: `ctx` acts as the user who queued it; `progress(done, total)` is shown to them while it runs. */
export type JobHandler = (args: {
  ctx: Ctx;
  params: Record<string, unknown>;
  progress: (done: number, total: number | null) => Promise<void>;
}) => Promise<JobOutput>;

const handlers = new Map<string, JobHandler>();

/** Makes a kind of job runnable. Modules call this once at load time. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** The queue of an instance: runners that share a data directory (and so the file store) share the queue. */
export function queueOf(dataDir: string): string {
  return crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
}

export const INTERRUPTED = '服务重启，任务中断，请重新发起 (interrupted by a restart; start it again)';

/** Stores the bytes in the file store (content-addressed, like uploads) and records them as the job's file. */
async function storeResult(
  deps: Deps,
  job: repo.JobRow,
  file: NonNullable<JobOutput['file']>,
  orgPath: string,
) {
  const sha256 = crypto.createHash('sha256').update(file.buffer).digest('hex');
  const target = storagePath(deps.config.dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, file.buffer);
    fs.renameSync(tmp, target);
  }
  const [row] = await deps.db
    .insert(files)
    .values({
      ownerType: 'job',
      ownerId: job.id,
      orgPath,
      purpose: 'document',
      sha256,
      size: file.buffer.length,
      mime: file.mime,
      originalName: file.name,
      uploadedBy: job.createdBy,
      createdAt: deps.clock.now().toISOString(),
    })
    .returning({ id: files.id });
  return row!.id;
}

/**
 * The in-process job runner: one job at a time, oldest first, polled every `pollMs` and woken at once by
 * `kick()`. At start, and on every poll, running jobs not heard from for `staleMs` (their runner died: a
 * restart) are marked failed with a reason. A running job sends a heartbeat with each progress report.
 */
export function startJobRunner(deps: Deps, opts: { pollMs?: number; staleMs?: number } = {}) {
  const queue = queueOf(deps.config.dataDir);
  const pollMs = opts.pollMs ?? 1000;
  const staleMs = opts.staleMs ?? 120_000;
  let stopped = false;
  let busy: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const sweep = () => {
    const now = deps.clock.now();
    return repo.failStaleJobs({
      db: deps.db,
      queue,
      before: new Date(now.getTime() - staleMs).toISOString(),
      now: now.toISOString(),
      reason: INTERRUPTED,
    });
  };

  async function runOne(job: repo.JobRow) {
    const handler = handlers.get(job.kind);
    const now = () => deps.clock.now().toISOString();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const actor: Actor | null = await loadActor(deps, job.createdBy);
      if (!actor) throw new AppError('auth.forbidden', 403);
      const ctx: Ctx = { ...deps, actor, ip: null, lang: 'zh' };
      let last = 0;
      const progress = async (done: number, total: number | null) => {
        // At most a few writes a second: progress is for people, not a log.
        if (Date.now() - last < 200 && total !== null && done < total) return;
        last = Date.now();
        await repo.updateJob({ db: deps.db, id: job.id, set: { done, total, updatedAt: now() } });
      };
      const out = await handler({ ctx, params: job.params, progress });
      const orgPath = actor.grants[0]?.orgPath ?? '/';
      const fileId = out.file ? await storeResult(deps, job, out.file, orgPath) : null;
      const fresh = await repo.findJob({ db: deps.db, id: job.id });
      await repo.updateJob({
        db: deps.db,
        id: job.id,
        set: {
          status: 'done',
          resultFileId: fileId,
          result: out.result ?? null,
          done: fresh?.job.total ?? fresh?.job.done ?? 0,
          finishedAt: now(),
          updatedAt: now(),
        },
      });
    } catch (err) {
      const reason =
        err instanceof AppError ? messageFor(err.code, 'zh') : `任务执行出错：${(err as Error).message}`;
      const details = err instanceof AppError && err.details ? { details: err.details } : null;
      await repo
        .updateJob({
          db: deps.db,
          id: job.id,
          set: { status: 'failed', error: reason, result: details, finishedAt: now(), updatedAt: now() },
        })
        .catch(() => {});
    }
  }

  async function drain() {
    while (!stopped) {
      const job = await repo.claimNextJob({ db: deps.db, queue, now: deps.clock.now().toISOString() });
      if (!job) return;
      await runOne(job);
    }
  }

  function tick() {
    if (stopped || busy) return;
    busy = (async () => {
      try {
        await sweep();
        await drain();
      } catch {
        // The database may be closing (shutdown, end of a test): the next tick tries again.
      } finally {
        busy = null;
      }
    })();
  }

  const started = sweep().catch(() => 0);
  timer = setInterval(tick, pollMs);
  timer.unref();
  return {
    queue,
    /** Resolves once the start-up sweep has run; returns how many interrupted jobs it failed. */
    started,
    kick: () => setImmediate(tick),
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await busy;
    },
  };
}
export type JobRunner = ReturnType<typeof startJobRunner>;
