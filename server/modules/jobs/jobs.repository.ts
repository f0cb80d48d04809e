import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { files } from '../files/files.table.js';
import { jobs } from './jobs.table.js';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob({ db, values }: { db: Db; values: typeof jobs.$inferInsert }) {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

/** A job with its result file's name. */
export async function findJob({ db, id }: { db: Db; id: number }) {
  const [row] = await db
    .select({ job: jobs, fileName: files.originalName })
    .from(jobs)
    .leftJoin(files, eq(files.id, jobs.resultFileId))
    .where(eq(jobs.id, id));
  return row ?? null;
}

export function findUserJobs({ db, userId, kind }: { db: Db; userId: number; kind?: string }) {
  return db
    .select({ job: jobs, fileName: files.originalName })
    .from(jobs)
    .leftJoin(files, eq(files.id, jobs.resultFileId))
    .where(and(eq(jobs.createdBy, userId), kind ? eq(jobs.kind, kind) : undefined))
    .orderBy(desc(jobs.id))
    .limit(20);
}

/** Takes the oldest queued job of `queue` for this runner (SKIP LOCKED: two runners never take the same job). */
export async function claimNextJob({
  db,
  queue,
  now,
}: {
  db: Db;
  queue: string;
  now: string;
}): Promise<JobRow | null> {
  const r = (await db.execute(sql`
    UPDATE jobs SET status = 'running', started_at = ${now}, updated_at = ${now}
    WHERE id = (SELECT id FROM jobs WHERE queue = ${queue} AND status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`)) as unknown as { rows: { id: number }[] };
  const id = r.rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export async function updateJob({
  db,
  id,
  set,
}: {
  db: Db;
  id: number;
  set: Partial<typeof jobs.$inferInsert>;
}) {
  await db.update(jobs).set(set).where(eq(jobs.id, id));
}

/** Running jobs of `queue` not heard from since `before`: their runner is gone (a restart or a crash). */
export async function failStaleJobs({
  db,
  queue,
  before,
  now,
  reason,
}: {
  db: Db;
  queue: string;
  before: string;
  now: string;
  reason: string;
}) {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error: reason, finishedAt: now, updatedAt: now })
    .where(and(eq(jobs.queue, queue), eq(jobs.status, 'running'), lt(jobs.updatedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}
