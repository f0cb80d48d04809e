import type { Deps } from '../../core/context.js';
import { chinaDate } from '../ideas/engagement.js';
import { deliverImmediate, sendDigests } from './mail.service.js';
import { escalateOverdue } from './todos.service.js';

type JobDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;

/**
 * Runs the notification jobs once: escalate overdue to-dos, send pending immediate mail, and (when
 * `digest`) the daily digests. Used by the CLI (`npm run jx -- escalate | digest`) and the timer.
 */
export async function runNotificationJobs({ deps, digest }: { deps: JobDeps; digest: boolean }) {
  const escalation = await escalateOverdue({ deps });
  const immediate = await deliverImmediate({ deps });
  const digests = digest ? await sendDigests({ deps }) : { sent: 0, users: 0 };
  return { escalated: escalation.escalated, immediate: immediate.sent, digests: digests.sent };
}

/**
 * The timer `start` runs: every hour escalate overdue to-dos and flush immediate mail; once a day, at the
 * first run at or after `digestHour` (China time, default 8), send the digests. Returns a stop function.
 */
export function startNotificationTimer({
  deps,
  log,
  digestHour = Number(process.env.DIGEST_HOUR ?? 8),
  everyMs = 60 * 60_000,
}: {
  deps: JobDeps;
  log: (msg: string, err?: unknown) => void;
  digestHour?: number;
  everyMs?: number;
}): () => void {
  let lastDigestDay = '';
  const tick = async () => {
    const now = deps.clock.now();
    const day = chinaDate(now);
    const hour = new Date(now.getTime() + 8 * 3600_000).getUTCHours();
    const digest = hour >= digestHour && day !== lastDigestDay;
    try {
      const r = await runNotificationJobs({ deps, digest });
      if (digest) lastDigestDay = day;
      if (r.escalated || r.immediate || r.digests)
        log(`notifications: escalated ${r.escalated}, immediate ${r.immediate}, digests ${r.digests}`);
    } catch (err) {
      log('notification jobs failed', err);
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
