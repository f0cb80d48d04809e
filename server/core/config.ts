import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionTtlHours: number;
  logLevel: string;
  maxUploadMb: number;
  /** Load the demo group on first start when the database is empty. */
  seedDemo: boolean;
  /** Cookies get the Secure flag (set when served over HTTPS). */
  secureCookies: boolean;
  publicUrl: string;
  /**
   * Trust X-Forwarded-For from a reverse proxy for the client address (rate limits, audit). Only set it
   * behind a proxy that overwrites the header: trusted blindly, any client could forge its address.
   */
  trustProxy: boolean;
  /** SMTP server for mail, e.g. smtp://user:pass@mail.example.com:587; unset = mail is only written to the log. */
  smtpUrl: string | undefined;
  /** Sender of every mail, e.g. `匠心 <noreply@example.com>`. */
  mailFrom: string;
  /** Days a handler has to answer an idea when its routing rule sets none. */
  ideaAnswerDays: number;
  /**
   * Login attempts per minute from one address (per user name it is always 10). Raise it where a whole
   * workshop reaches the server through one NAT address.
   */
  loginLimitPerAddress: number;
}

/** Reads configuration from the environment; every value has a working default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadMb: Number(env.MAX_UPLOAD_MB ?? 20),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    secureCookies: env.SECURE_COOKIES === 'true',
    publicUrl: env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    trustProxy: env.TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? '匠心 Jiangxin <noreply@localhost>',
    ideaAnswerDays: Number(env.IDEA_ANSWER_DAYS ?? 15),
    loginLimitPerAddress: Number(env.LOGIN_LIMIT_PER_ADDRESS ?? 10),
  };
}
