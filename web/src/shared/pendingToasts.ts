/**
 * Toasts for the next page: the login page has no antd `App` (kept out of the first page's JavaScript), so its
 * welcome is queued here and shown by the signed-in frame (web/src/app/feedback.tsx) when it mounts.
 */
export interface PendingToast {
  type: 'success' | 'info' | 'warning' | 'error';
  content: string;
}

const queue: PendingToast[] = [];

export function queueToast(toast: PendingToast) {
  queue.push(toast);
}

/** Empties the queue and returns what it held. */
export function takePendingToasts(): PendingToast[] {
  return queue.splice(0);
}
