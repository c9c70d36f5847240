import { lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { lockSync } from 'proper-lockfile';

export class DataDirLockedError extends Error {}

/** A lock whose mtime has not moved for this long belongs to a process that is gone (killed, crashed). */
export const LOCK_STALE_MS = 10_000;
/** How often the holder touches its lock; a second start that sees the mtime move knows the holder lives. */
const LOCK_UPDATE_MS = 2_000;
const POLL_MS = 200;
/** Directories this process holds (its own renewals cannot run while a start here waits synchronously). */
const held = new Set<string>();

export interface DataDirLockOptions {
  /** Called when another process took the lock over (this process stalled past the stale time): stop writing. */
  onCompromised?: (error: Error) => void;
}

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose data.
 * We hold `<dir>.lock` (beside the directory, so a refused start touches nothing inside it): a directory made
 * atomically by proper-lockfile, whose mtime the holder renews every 2 s. A PID cannot fool it (after a restart
 * in a container the old PID often belongs to another live process). A start that finds the lock watches it:
 * when the mtime moves, the holder is alive and the start is refused; when it stays still for 10 s, the holder
 * is gone (kill -9, power loss) and the lock is taken over. So a restart after a crash waits at most 10 s.
 */
export function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): () => void {
  const dir = path.resolve(dataDir);
  const lockPath = `${dir}.lock`;
  if (held.has(dir)) throw inUse(dir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  removeLegacyPidLock(lockPath);
  const deadline = Date.now() + LOCK_STALE_MS + 2 * LOCK_UPDATE_MS;
  let seenMtime: number | undefined;
  for (;;) {
    try {
      const release = lockSync(dir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        onCompromised: (error) => {
          held.delete(dir);
          (options.onCompromised ?? exitOnCompromised(dir))(error);
        },
      });
      held.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (held.delete(dir)) release(); // not after a compromise: then the lock is another process's
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const mtime = mtimeOf(lockPath);
    if (mtime !== undefined && seenMtime !== undefined && mtime !== seenMtime) throw inUse(dir);
    seenMtime = mtime ?? seenMtime;
    if (Date.now() > deadline) throw inUse(dir);
    sleepSync(POLL_MS);
  }
}

/**
 * Before proper-lockfile, `<dir>.lock` was a file holding a PID. That PID proves nothing (it may be any process's
 * now), so such a file is removed; a running process of that older version must be stopped before upgrading.
 */
function removeLegacyPidLock(lockPath: string) {
  try {
    if (lstatSync(lockPath).isFile()) rmSync(lockPath, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function mtimeOf(lockPath: string): number | undefined {
  try {
    return statSync(lockPath).mtimeMs;
  } catch {
    return undefined; // released meanwhile: the next attempt takes it
  }
}

function inUse(dir: string) {
  return new DataDirLockedError(
    `The data directory ${dir} is in use by another Skolebro process.\n` +
      `Stop that process first, or set DATA_DIR to another directory, or DATABASE_URL to use PostgreSQL.`,
  );
}

/** Another process now holds the lock: writing on would lose data, so this process stops at once. */
function exitOnCompromised(dir: string) {
  return (error: Error) => {
    console.error(`Lost the lock on the data directory ${dir} (${error.message}); stopping.`);
    process.exit(1);
  };
}

/** Start-up only, before anything else runs: a plain wait without giving up the synchronous call. */
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
