import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { createDeliveryChannels } from '../domain/delivery/setup.ts';
import { runOutbox, type DeliveryDeps } from '../domain/delivery/worker.ts';
import { homePaths } from '../paths/home.ts';
import { jobFailure } from './scheduler.ts';

export interface OutboxWorkerOptions {
  /** Pause when there is nothing to do (default 2 s). */
  pollMs?: number;
  /** How long a claimed delivery stays leased (default 2 min); tests shorten it. */
  leaseMs?: number;
  /** Test knob: wait this long before each send, so a test can kill the process mid-batch. */
  sendDelayMs?: number;
  /** A process that runs only the worker needs its timer to keep it alive; beside the web server it is unref'd. */
  keepProcessAlive?: boolean;
  clock?: () => Date;
  log?: (line: Record<string, unknown>) => void;
}

export interface OutboxWorker {
  /** Runs batches now until there is nothing due (the loop does the same after each pause). Never throws. */
  drain(): Promise<void>;
  /** Stops after the batch in progress and closes the gateways; then the database may be closed. */
  stop(): Promise<void>;
}

const defaultLog = (line: Record<string, unknown>) =>
  (line.level === 'error' ? console.error : console.log)(JSON.stringify(line));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The notification delivery worker (G18, D5, D6) in this process: plans new outbox rows and delivers due ones in
 * batches, back to back while there is work, else every `pollMs`, in OUTBOX_LOOPS loops at once. Safe to run in several processes at once
 * (SKIP LOCKED); a process killed mid-batch loses nothing (its leases expire and another run takes them).
 */
export async function startOutboxWorker(
  db: Db,
  config: Config,
  options: OutboxWorkerOptions = {},
): Promise<OutboxWorker> {
  const { clock = () => new Date(), log = defaultLog, pollMs = 2000 } = options;
  const channels = await createDeliveryChannels(db, config, log);
  const delay = options.sendDelayMs ?? 0;
  const slow = <T extends { send(x: never): Promise<unknown> }>(gateway: T | null): T | null =>
    gateway && delay > 0
      ? ({ ...gateway, send: async (x: never) => (await pause(delay), gateway.send(x)) } as T)
      : gateway;
  const deps: DeliveryDeps = {
    sms: slow(channels.sms),
    mailer: slow(channels.mailer),
    link: `${config.baseUrl}${homePaths.start}`,
    smsSender: config.sms.sender,
    mailFrom: config.smtp.from,
    workerId: `${hostname()}:${process.pid}`,
    leaseMs: options.leaseMs,
    batchSize: config.delivery.batchSize,
    concurrency: config.delivery.concurrency,
    log,
  };
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  // One loop plans and delivers a batch after another; several run at once (OUTBOX_LOOPS), each claiming its own
  // batch (SKIP LOCKED), so one loop's database round trips overlap another's sends.
  const runLoop = async () => {
    while (!stopped) {
      try {
        const r = await runOutbox(db, deps, clock());
        if (r.sent + r.failed + r.retrying + r.lost > 0)
          log({
            level: 'info',
            job: 'outbox',
            planned: r.planned,
            sent: r.sent,
            skipped: r.skipped,
            retrying: r.retrying,
            failed: r.failed,
            lost: r.lost,
          });
        if (r.planned === 0 && r.claimed === 0) return;
      } catch (error) {
        log(jobFailure('outbox', error)); // a lost connection: the next poll tries again
        return;
      }
    }
  };
  const runUntilIdle = async () => {
    await Promise.all(Array.from({ length: config.delivery.loops }, runLoop));
  };
  const drain = () => {
    if (!running)
      running = runUntilIdle().finally(() => {
        running = null;
      });
    return running;
  };
  const loop = () => {
    void drain().then(() => {
      if (!stopped) {
        timer = setTimeout(loop, pollMs);
        if (!options.keepProcessAlive) timer.unref();
      }
    });
  };
  loop();
  return {
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await channels.close();
    },
  };
}
