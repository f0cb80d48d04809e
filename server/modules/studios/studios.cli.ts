/**
 * Cron entry for the health watch: `npx tsx server/modules/studios/studios.cli.ts notify-at-risk`.
 * Importing the app loads every module, so each one's health source is registered before the check runs.
 */
import '../../app.js';
import { loadConfig } from '../../core/config.js';
import { systemClock } from '../../core/context.js';
import { openDatabase } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { notifyAtRiskStudios } from './studios.at-risk.js';

const [cmd] = process.argv.slice(2);
if (cmd !== 'notify-at-risk') {
  console.log('Usage: npx tsx server/modules/studios/studios.cli.ts notify-at-risk');
  process.exit(cmd ? 1 : 0);
}
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrate(database);
const r = await notifyAtRiskStudios({ db: database.db, clock: systemClock });
console.log(`风险工作室 at-risk studios: ${r.studios}; 新通知 notifications written: ${r.notified}`);
await database.close();
