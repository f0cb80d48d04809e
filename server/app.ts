import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './core/auth.js';
import { type Config, loadConfig } from './core/config.js';
import { type Clock, type Deps, systemClock } from './core/context.js';
import type { Database } from './core/db.js';
import { registerErrorHandler } from './core/errors.js';
import { createMailer, type Mailer } from './core/mailer.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { studioLifeRoutes } from './modules/activities/studio-life.routes.js';
import { namingRoutes } from './modules/applications/naming.routes.js';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { engagementRoutes } from './modules/ideas/engagement.routes.js';
import { innovationRoutes } from './modules/innovation/innovation.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { orgsRoutes } from './modules/orgs/orgs.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { showcaseRoutes } from './modules/showcase/showcase.routes.js';
import { insightRoutes } from './modules/stats/insight.routes.js';
import { studiosRoutes } from './modules/studios/studios.routes.js';

/** The built web app: web/dist, or WEB_DIST (the browser tests build one of their own). */
export const webDist = process.env.WEB_DIST
  ? path.resolve(process.env.WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  database: Database;
  config?: Partial<Config>;
  clock?: Clock;
  logger?: boolean;
  /** Where the log goes when `logger` is on (default stdout); tests read it to prove secrets stay out. */
  logStream?: NodeJS.WritableStream;
  /** Outgoing mail; defaults to SMTP_URL (or the log when unset). */
  mailer?: Mailer;
}

const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
};

/** Builds the HTTP app with explicit dependencies: the database, configuration and clock. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const config = { ...loadConfig(), ...opts.config };
  const mailer = opts.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const deps: Deps = {
    db: opts.database.db,
    dbKind: opts.database.kind,
    config,
    clock: opts.clock ?? systemClock,
    mailer,
  };
  const app = Fastify({
    logger: opts.logger
      ? { level: config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) }
      : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadMb * 1024 * 1024, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Jiangxin 匠心 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(securityHeaders)) {
      if (k === 'content-security-policy' && req.url.startsWith('/api/docs')) continue;
      reply.header(k, v);
    }
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerAuth(app, deps);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.db.execute('select 1' as never);
      return { status: 'ok' as const, db: deps.dbKind };
    },
  );
  r.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  accountsRoutes(app, deps);
  namingRoutes(app);
  orgsRoutes(app);
  peopleRoutes(app);
  auditRoutes(app);
  filesRoutes(app);
  notificationsRoutes(app, deps);
  studiosRoutes(app);
  engagementRoutes(app, deps);
  studioLifeRoutes(app);
  insightRoutes(app, deps);
  innovationRoutes(app);
  assessmentsRoutes(app);
  showcaseRoutes(app, deps);

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    // preCompressed: the build writes .br/.gz beside each file (web/vite.config.ts); a browser gets ~⅓ the bytes.
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h', preCompressed: true });
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    });
  }
  return app;
}
