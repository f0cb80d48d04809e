import type { Actor } from './access.js';
import type { Config } from './config.js';
import type { Db, DbKind } from './db.js';
import type { Lang } from './errors.js';
import type { Mailer } from './mailer.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What the app is built with: explicit dependencies, substituted by real local ones in tests. */
export interface Deps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  /** Outgoing mail (SMTP, or the log when none is configured). */
  mailer: Mailer;
}

/** What a service call needs: the dependencies and who is asking. */
export interface Ctx extends Deps {
  actor: Actor;
  ip: string | null;
  lang: Lang;
}
