// npm run job:absence-follow-up: runs the absence follow-up once (the app also runs it every minute), e.g. from cron
// against DATABASE_URL. Safe beside running app processes: the follow-up is created at most once per pupil and day.
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { runAbsenceFollowUp } from '../src/domain/absence/follow-up.ts';

try {
  const database = openConfiguredDatabase(loadConfig());
  try {
    console.log(
      JSON.stringify({ level: 'info', job: 'absence-follow-up', ...(await runAbsenceFollowUp(database.db)) }),
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
