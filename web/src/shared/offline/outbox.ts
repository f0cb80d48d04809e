import { ApiError, api } from '../api/client';

/**
 * The offline outbox: a POST made without a connection is kept in IndexedDB and sent when the connection
 * returns. Each entry carries a client-generated key sent as Idempotency-Key, so the server makes the record
 * once however often the entry is sent (a reply lost on a flaky line, two tabs flushing at once).
 */
export interface OutboxItem {
  /** A UUID: the Idempotency-Key, also the entry's id. */
  key: string;
  path: string;
  body: unknown;
  /** What the user sees in the pending list, e.g. the idea's title. */
  label: string;
  createdAt: number;
  /**
   * Keep the server's reply on this device (outboxResult) — for a reply the person needs later, like an
   * anonymous idea's tracking code, whichever page happens to send the entry.
   */
  keepResult?: boolean;
}

const DB_NAME = 'jx-outbox';
const STORE = 'requests';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const listeners = new Set<(pending: number) => void>();
const sentListeners = new Set<(item: OutboxItem, result: unknown) => void>();
const RESULT_PREFIX = 'jx-outbox-result:';
async function notify() {
  const n = (await pendingItems()).length;
  for (const l of listeners) l(n);
}

/** Entries not sent yet, oldest first. */
export async function pendingItems(): Promise<OutboxItem[]> {
  const items = await withStore('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

/** Keeps a request for later. */
export async function enqueue(item: Omit<OutboxItem, 'createdAt'>): Promise<void> {
  await withStore('readwrite', (s) => s.put({ ...item, createdAt: Date.now() }));
  void notify();
}

/** Calls `fn` with the number of pending entries whenever it changes; returns the unsubscribe. */
export function onOutboxChange(fn: (pending: number) => void): () => void {
  listeners.add(fn);
  void notify();
  return () => listeners.delete(fn);
}

/** Calls `fn` with each entry the outbox sends and the server's reply; returns the unsubscribe. */
export function onOutboxSent(fn: (item: OutboxItem, result: unknown) => void): () => void {
  sentListeners.add(fn);
  return () => sentListeners.delete(fn);
}

/** The kept reply of a sent `keepResult` entry, or null while it is not sent (or was not kept). */
export function outboxResult<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(RESULT_PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** A failure worth retrying later: offline, logged out, CSRF not loaded yet, rate limited or a server error. */
const retryable = (e: unknown) =>
  !(e instanceof ApiError) ||
  e.status === 0 ||
  e.status === 401 ||
  e.code === 'auth.csrf' ||
  e.status === 408 ||
  e.status === 429 ||
  e.status >= 500;

let running: Promise<number> | null = null;

/**
 * Sends the pending entries in order with their Idempotency-Key; stops at the first retryable failure.
 * An entry the server refuses for good (400, 403, 404) is dropped. Returns how many were sent. `only`
 * limits the run to some entries (the others stay queued).
 */
export function flushOutbox(opts: { only?: (item: OutboxItem) => boolean } = {}): Promise<number> {
  if (running) return running;
  running = (async () => {
    let sent = 0;
    for (const item of await pendingItems()) {
      // a page without a login sends only what needs none: an entry waiting for a login must not block it
      if (opts.only && !opts.only(item)) continue;
      try {
        const result = await api(item.path, {
          method: 'POST',
          body: item.body,
          headers: { 'idempotency-key': item.key },
          redirectOn401: false,
        });
        sent++;
        if (item.keepResult) {
          try {
            localStorage.setItem(RESULT_PREFIX + item.key, JSON.stringify(result));
          } catch {
            // storage full or blocked: the listeners below still get the reply
          }
        }
        for (const l of sentListeners) {
          try {
            l(item, result);
          } catch {
            // a listener's failure must not make a sent entry look unsent
          }
        }
      } catch (e) {
        if (retryable(e)) break;
      }
      await withStore('readwrite', (s) => s.delete(item.key));
    }
    void notify();
    return sent;
  })().finally(() => {
    running = null;
  });
  return running;
}

/** A new idempotency key (crypto.randomUUID needs a secure context; the fallback is for plain-http intranets). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * POSTs `body` with an idempotency key; without a connection (or when the request fails on the network) it is
 * queued instead and `queued: true` is returned. The same key is used for the first try and every resend.
 */
export async function postOrQueue<T>(
  path: string,
  body: unknown,
  label: string,
  opts: { keepResult?: boolean; redirectOn401?: boolean } = {},
): Promise<{ queued: true; key: string } | { queued: false; key: string; data: T }> {
  const key = newKey();
  if (navigator.onLine) {
    try {
      const data = await api<T>(path, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': key },
        ...(opts.redirectOn401 === false ? { redirectOn401: false } : {}),
      });
      return { queued: false, key, data };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e;
    }
  }
  await enqueue({ key, path, body, label, ...(opts.keepResult ? { keepResult: true } : {}) });
  return { queued: true, key };
}
