import { isConnectionLost } from '../db/connection-lost.ts';
import type { Db } from '../db/database.ts';
import { runAbsenceFollowUp } from '../domain/absence/follow-up.ts';
import { todayInOslo } from '../domain/access/actor.ts';
import { deleteExpiredLoginRequests } from '../domain/identity/login.ts';
import { refreshStaleMonths } from '../domain/statistics/months.ts';

/** A recurring background job: gets the database and the time, returns counts worth logging. */
export interface Job {
  name: string;
  run(db: Db, now: Date): Promise<Record<string, number>>;
}

/** A job's counts are logged when one is above zero, so a quiet minute writes nothing. */
export const JOBS: readonly Job[] = [
  {
    name: 'absence-follow-up',
    run: async (db, now) => {
      const { followUps, notifications } = await runAbsenceFollowUp(db, now);
      return { followUps, notifications };
    },
  },
  {
    // Statistics (issue 14): the monthly aggregates the registers of the last minutes made stale, every ten minutes.
    name: 'statistics-refresh',
    run: async (db, now) => ({
      months: now.getUTCMinutes() % 10 === 0 ? await refreshStaleMonths(db, todayInOslo(now)) : 0,
    }),
  },
  {
    // Housekeeping: login requests whose IdP round trip never came back (15 minutes).
    name: 'login-request-expiry',
    run: async (db, now) => ({ deleted: await deleteExpiredLoginRequests(db, now) }),
  },
];

export interface SchedulerOptions {
  intervalMs?: number;
  clock?: () => Date;
  /** One JSON line per event, like the request log; default console. */
  log?: (line: Record<string, unknown>) => void;
  jobs?: readonly Job[];
}

export interface Scheduler {
  /** Runs every job once now (the timer does the same each interval). Never throws. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can be closed after. */
  stop(): Promise<void>;
}

const defaultLog = (line: Record<string, unknown>) =>
  (line.level === 'error' ? console.error : console.log)(JSON.stringify(line));

/**
 * The log line for a failed run. A lost database connection (a restart, a failover, a terminated backend) is not a
 * fault of the job: a warning, and the next run tries again with a new connection.
 */
export function jobFailure(job: string, error: unknown): Record<string, unknown> {
  if (isConnectionLost(error))
    return {
      level: 'warn',
      job,
      msg: 'database connection lost; trying again at the next run',
      error: error instanceof Error ? error.message : String(error),
    };
  return { level: 'error', job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/**
 * Runs the jobs every minute in this process (timer unref'd: it never keeps the process alive). A job that fails is
 * logged and tried again next time; it never crashes the process. A run still going when the next is due is not
 * started twice. Several app processes may run the jobs at once: each job is safe for that (see the job).
 */
export function startScheduler(db: Db, options: SchedulerOptions = {}): Scheduler {
  const { clock = () => new Date(), log = defaultLog, jobs = JOBS } = options;
  let running: Promise<void> | null = null;
  const runAll = async () => {
    for (const job of jobs) {
      const started = performance.now();
      try {
        const counts = await job.run(db, clock());
        if (Object.values(counts).some((n) => n > 0))
          log({ level: 'info', job: job.name, ...counts, ms: Math.round(performance.now() - started) });
      } catch (error) {
        log(jobFailure(job.name, error));
      }
    }
  };
  const tick = () => {
    if (!running)
      running = runAll().finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
