import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { restoreBackup, writeBackup } from './core/backup.js';
import { loadConfig } from './core/config.js';
import { systemClock } from './core/context.js';
import { openDatabase } from './core/db.js';
import { createMailer } from './core/mailer.js';
import { migrate } from './core/migrate.js';
import { startRateLimitSweep } from './core/rate-limit.js';
import { DEMO_PASSWORD, demoAccounts, isEmpty, seedDemo } from './db/seed/demo.js';
import { seedUser } from './db/seed/factories.js';
import { runNotificationJobs, startNotificationTimer } from './modules/notifications/jobs.js';
import { findOrgByCode } from './modules/orgs/orgs.repository.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = `Usage: npm run jx -- <command>
  start                 migrate, seed the demo on first start, build the web app if needed, serve
  migrate               apply database migrations
  seed                  load the demo group into an empty database
  reset-demo            DELETE the embedded database folder and reload the demo (PGlite only)
  create-admin <username> <password> <orgCode>   create a group admin on an org
  escalate              flag overdue to-dos and notify the handlers' admins (start does this hourly)
  digest                send the daily notification digest mails now (start does this daily at DIGEST_HOUR)
  backup <file>         write the database (one consistent snapshot) and the files under DATA_DIR to <file>
  restore <file>        load a backup into an EMPTY database and DATA_DIR (stop the server first)
Environment: PORT, HOST, DATA_DIR, DATABASE_URL, SESSION_TTL_HOURS, MAX_UPLOAD_MB, SEED_DEMO, LOG_LEVEL,
  SMTP_URL (unset: mail only logged), MAIL_FROM, IDEA_ANSWER_DAYS (15), DIGEST_HOUR (8, China time)`;

/** Builds web/dist when it is missing or older than the web sources, so `npm start` needs no build step. */
function ensureWebBuilt() {
  // a build made elsewhere (the browser tests build their own) is served as it is
  if (process.env.WEB_DIST) return;
  const dist = path.join(root, 'web/dist/index.html');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const srcTime = Math.max(newest(path.join(root, 'web/src')), newest(path.join(root, 'common')));
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= srcTime) return;
  console.log('构建前端 Building the web app (first start only, ~1 min)…');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

async function main() {
  const [cmd = 'start', ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (cmd === 'reset-demo') {
    if (config.databaseUrl)
      throw new Error('reset-demo only resets the embedded database; drop the PostgreSQL database yourself');
    fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true, force: true });
  }
  if (
    ![
      'start',
      'migrate',
      'seed',
      'reset-demo',
      'create-admin',
      'escalate',
      'digest',
      'backup',
      'restore',
    ].includes(cmd)
  ) {
    console.log(usage);
    process.exit(cmd === 'help' || cmd === '--help' ? 0 : 1);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database);
  if (applied.length) console.log(`已应用迁移 applied migrations: ${applied.join(', ')}`);
  if (cmd === 'backup' || cmd === 'restore') {
    const file = args[0];
    if (!file) throw new Error(`${cmd} <file>`);
    const run = cmd === 'backup' ? writeBackup : restoreBackup;
    const s = await run({ database, dataDir: config.dataDir, file: path.resolve(file) });
    console.log(
      `${cmd === 'backup' ? '已备份 backed up' : '已恢复 restored'} ${s.tables} tables, ${s.rows} rows, ${s.files} files (${file})`,
    );
    await database.close();
    return;
  }
  const fresh = await isEmpty(database.db);
  if ((cmd === 'start' && fresh && config.seedDemo) || ((cmd === 'seed' || cmd === 'reset-demo') && fresh)) {
    console.log('正在加载示例数据 Loading demo data “示例重工集团”…');
    await seedDemo(database.db);
  } else if (cmd === 'seed' && !fresh) {
    console.log('数据库非空，跳过示例数据 The database is not empty; demo data not loaded.');
  }
  if (cmd === 'create-admin') {
    const [username, password, orgCode] = args;
    if (!username || !password || !orgCode) throw new Error('create-admin <username> <password> <orgCode>');
    const org = await findOrgByCode({ db: database.db, code: orgCode });
    if (!org) throw new Error(`org ${orgCode} not found`);
    await seedUser(database.db, {
      username,
      password,
      displayName: username,
      grants: [{ role: 'group_admin', orgId: org.id }],
    });
    console.log(`created group admin ${username} on ${org.name}`);
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const jobDeps = { db: database.db, clock: systemClock, mailer, config };
  if (cmd === 'escalate' || cmd === 'digest') {
    const r = await runNotificationJobs({ deps: jobDeps, digest: cmd === 'digest' });
    console.log(`督办 escalated ${r.escalated} · 即时 immediate ${r.immediate} · 汇总 digests ${r.digests}`);
  }
  if (cmd !== 'start') {
    mailer.close();
    await database.close();
    return;
  }
  ensureWebBuilt();
  const app = await buildApp({ database, config, logger: true, mailer });
  const stopTimer = startNotificationTimer({
    deps: jobDeps,
    log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)),
  });
  // Expired rate-limit counters (the counters themselves live in the database, shared by every process).
  const stopSweep = startRateLimitSweep({
    db: database.db,
    clock: systemClock,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`\n匠心 Jiangxin 已启动 running at ${config.publicUrl}  (database: ${database.kind})`);
  if (!config.databaseUrl || fresh) {
    console.log(`示例账号 Demo accounts (password 密码: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(11)} ${a.note}`);
  }
  const stop = async () => {
    stopTimer();
    stopSweep();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
