import type { Db } from '../db/database.ts';
import type { LetterDeps } from '../domain/letters/deps.ts';
import { dispatchLetters } from '../domain/letters/dispatch.ts';
import { startScheduler, type Job, type Scheduler, type SchedulerOptions } from './scheduler.ts';

/** The letter dispatcher as a scheduler job (add it to JOBS, or run it on its own with startLetterDispatcher). */
export function letterDispatchJob(deps: LetterDeps): Job {
  return {
    name: 'letter-dispatch',
    run: async (db, now) => {
      const { planned, digital, paper, manual, withheld, retrying, renotified } = await dispatchLetters(db, deps, now);
      return { planned, digital, paper, manual, withheld, retrying, renotified };
    },
  };
}

/**
 * Dispatches decision letters every minute in this process (timer unref'd; a failure is logged and tried again next
 * time, never crashing the process). Several processes may run it at once: dispatchLetters is safe for that.
 */
export function startLetterDispatcher(
  db: Db,
  deps: LetterDeps,
  options: Omit<SchedulerOptions, 'jobs'> = {},
): Scheduler {
  return startScheduler(db, { ...options, jobs: [letterDispatchJob({ ...deps, log: deps.log ?? options.log })] });
}
