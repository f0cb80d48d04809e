import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Job, JobKind } from '../../../common/schemas/jobs.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { registerFileOwner } from '../files/files.owners.js';
import { storagePath } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import * as repo from './jobs.repository.js';
import { type JobRunner, queueOf } from './jobs.runner.js';

const runners = new WeakMap<Db, JobRunner>();
/** Lets enqueueJob wake the runner of this database at once (otherwise it is picked up at the next poll). */
export function attachRunner(db: Db, runner: JobRunner) {
  runners.set(db, runner);
}

const notFound = () => new AppError('jobs.not_found', 404);

function toJob(row: NonNullable<Awaited<ReturnType<typeof repo.findJob>>>): Job {
  const j = row.job;
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as Job['status'],
    done: j.done,
    total: j.total,
    error: j.error,
    fileName: row.fileName ?? null,
    fileUrl: j.resultFileId ? `/api/jobs/${j.id}/file` : null,
    result: j.result ?? null,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}

/** Queues a job run as the actor; the caller has checked the actor may start it. Returns the job to poll. */
export async function enqueueJob({
  ctx,
  kind,
  params,
  orgId,
}: {
  ctx: Ctx;
  kind: JobKind;
  params: Record<string, unknown>;
  orgId?: number;
}): Promise<Job> {
  const row = await repo.insertJob({
    db: ctx.db,
    values: {
      queue: queueOf(ctx.config.dataDir),
      kind,
      params,
      orgId: orgId ?? null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now().toISOString(),
    },
  });
  runners.get(ctx.db)?.kick();
  return toJob({ job: row, fileName: null });
}

/** A job the actor started; anyone else's is jobs.not_found (404). */
export async function getJob({ ctx, id }: { ctx: Ctx; id: number }): Promise<Job> {
  const row = await repo.findJob({ db: ctx.db, id });
  if (!row || row.job.createdBy !== ctx.actor.userId) throw notFound();
  return toJob(row);
}

/** The actor's latest jobs (of a kind), newest first: a page reload finds its running job here. */
export async function findMyJobs({ ctx, kind }: { ctx: Ctx; kind?: string }): Promise<Job[]> {
  const rows = await repo.findUserJobs({ db: ctx.db, userId: ctx.actor.userId, kind });
  return rows.map(toJob);
}

/** The result file of a finished job of the actor: jobs.not_done (409) before it is done. */
export async function getJobFile({ ctx, id }: { ctx: Ctx; id: number }) {
  const row = await repo.findJob({ db: ctx.db, id });
  if (!row || row.job.createdBy !== ctx.actor.userId) throw notFound();
  if (row.job.status !== 'done' || !row.job.resultFileId) throw new AppError('jobs.not_done', 409);
  const [file] = await ctx.db.select().from(files).where(eqId(row.job.resultFileId));
  if (!file) throw notFound();
  const p = storagePath(ctx.config.dataDir, file.sha256);
  if (!fs.existsSync(p)) throw notFound();
  return { path: p, name: file.originalName, mime: file.mime, size: file.size };
}

const eqId = (id: number) => eq(files.id, id);

// A job's result file is readable by the user who started the job, through /api/files too.
registerFileOwner('job', async (ctx, ownerId, need) => {
  const row = await repo.findJob({ db: ctx.db, id: ownerId });
  if (!row || row.job.createdBy !== ctx.actor.userId) throw notFound();
  if (need !== 'read') throw new AppError('auth.forbidden', 403);
  return { orgPath: '/' };
});
