import { useCallback, useEffect, useState } from 'react';
import { flushOutbox, onOutboxSent, outboxResult, pendingItems } from '../../../shared/offline/outbox';

/** What the server answers an anonymous submission with: the tracking code is the person's one handle. */
export interface AnonymousCreated {
  trackingCode: string;
  code: string;
  deadlineAt: string | null;
}

/** One anonymous idea sent (or waiting to be sent) from this device; `created` once it has arrived. */
export interface AnonymousSubmission {
  /** The outbox / Idempotency-Key. */
  key: string;
  title: string;
  at: number;
  created: AnonymousCreated | null;
  /** The server refused it for good (e.g. its photo expired while it waited): the outbox dropped it. */
  failed?: boolean;
}

export const PUBLIC_IDEAS_PATH = '/api/public/ideas';
const STORE_KEY = 'jx-anon-ideas';
/** Only the newest entries are kept: a shared phone should not pile up a long history. */
const KEEP = 20;

function load(): AnonymousSubmission[] {
  try {
    const list = JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]') as AnonymousSubmission[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function save(list: AnonymousSubmission[]) {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(list.slice(0, KEEP)));
  } catch {
    // private mode / storage full: the code is still on screen
  }
}

/** Fills in the replies the outbox kept for entries sent while this page was closed (e.g. by the app's layout). */
function settle(list: AnonymousSubmission[]): AnonymousSubmission[] {
  return list.map((s) => (s.created ? s : { ...s, created: outboxResult<AnonymousCreated>(s.key) }));
}

/**
 * The anonymous ideas of this device, kept in localStorage so a tracking code is never lost: one sent at once
 * is recorded with its code; one queued offline is recorded as waiting, sent by the outbox when the
 * connection returns (on this page: at once, on `online`, and every 30 s), and `onArrived` is called with
 * its code when it arrives.
 */
export function useAnonymousSubmissions(onArrived: (created: AnonymousCreated) => void) {
  const [list, setList] = useState<AnonymousSubmission[]>(() => settle(load()));

  const update = useCallback((change: (l: AnonymousSubmission[]) => AnonymousSubmission[]) => {
    const next = change(settle(load()));
    save(next);
    setList(next);
  }, []);

  useEffect(
    () =>
      onOutboxSent((item, result) => {
        if (item.path !== PUBLIC_IDEAS_PATH) return;
        const created = result as AnonymousCreated;
        update((l) => l.map((s) => (s.key === item.key ? { ...s, created } : s)));
        onArrived(created);
      }),
    [update, onArrived],
  );

  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    // this page has no login: it sends only anonymous ideas, so an employee's queued entry cannot block them
    const run = () => {
      flushOutbox({ only: (i) => i.path === PUBLIC_IDEAS_PATH })
        .then(() => pendingItems())
        .then((items) => {
          const waiting = new Set(items.map((i) => i.key));
          // neither answered nor still queued: refused and dropped by the outbox
          update((l) =>
            l.map((s) =>
              s.created || s.failed || waiting.has(s.key) || outboxResult(s.key) ? s : { ...s, failed: true },
            ),
          );
        })
        .catch(() => undefined);
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(() => navigator.onLine && run(), 30_000);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [update]);

  const remember = useCallback(
    (s: AnonymousSubmission) => update((l) => [s, ...l.filter((x) => x.key !== s.key)]),
    [update],
  );
  return { submissions: list, remember };
}
