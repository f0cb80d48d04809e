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
  };
}
