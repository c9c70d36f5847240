import type { Server } from 'node:http';

/** Something to finish before the process ends: in-flight requests, a worker's batch. */
export interface Drainable {
  name: string;
  /** Stops taking new work and resolves when the work in progress is done. */
  drain(): Promise<unknown>;
  /** At the deadline: give up on what is left (close sockets). The work is cut off. */
  force?(): void;
}

export interface ShutdownPlan {
  /** How long in-flight work may take (SHUTDOWN_TIMEOUT_SECONDS). */
  timeoutMs: number;
  drain: Drainable[];
  /** Then, in order: release what the work used (the test IdP, the database last). */
  close: (() => Promise<unknown>)[];
  log?: (line: Record<string, unknown>) => void;
}

const defaultLog = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

/**
 * Graceful shutdown (issue 17, item 8): every part stops taking work and finishes what it has, within the bound;
 * then the resources are closed. Resolves with the exit code: 0 when everything finished, 1 when the bound cut
 * work off (those requests fail; a worker's leases expire and another run takes its deliveries).
 */
export async function shutDown(plan: ShutdownPlan, reason: string): Promise<number> {
  const log = plan.log ?? defaultLog;
  const started = performance.now();
  log({ level: 'info', msg: `${reason}: shutting down`, timeoutSeconds: plan.timeoutMs / 1000 });
  const pending = new Set(plan.drain.map((part) => part.name));
  const drained = Promise.all(
    plan.drain.map((part) =>
      part
        .drain()
        .catch((error: unknown) =>
          log({ level: 'error', msg: `${part.name} did not stop cleanly`, error: String(error) }),
        )
        .finally(() => pending.delete(part.name)),
    ),
  ).then(() => true);
  const finished = await within(drained, plan.timeoutMs, false);
  if (!finished) {
    log({ level: 'warn', msg: 'shutdown bound reached: cutting off what is left', unfinished: [...pending] });
    for (const part of plan.drain) if (pending.has(part.name)) part.force?.();
  }
  // Closing waits for connections still in use; after a cut-off give it a moment, never forever.
  const closeBy = Math.max(1000, plan.timeoutMs - (performance.now() - started));
  for (const close of plan.close) {
    const closed = await within(
      close().then(
        () => true,
        (error: unknown) => (log({ level: 'error', msg: 'close failed', error: String(error) }), true),
      ),
      closeBy,
      false,
    );
    if (!closed) log({ level: 'warn', msg: 'close did not finish in time' });
  }
  log({ level: 'info', msg: 'shut down', ms: Math.round(performance.now() - started), clean: finished });
  return finished ? 0 : 1;
}

/**
 * The HTTP server as a drainable part: stop accepting at once, let in-flight requests finish, and close each
 * keep-alive connection as soon as it is idle (else an idle browser connection would hold the shutdown).
 */
export function httpServerPart(server: Server): Drainable {
  return {
    name: 'http',
    drain: () =>
      new Promise<void>((resolve) => {
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearInterval(idle);
          resolve();
        });
        server.closeIdleConnections();
      }),
    force: () => server.closeAllConnections(),
  };
}

/**
 * SIGTERM and SIGINT run the shutdown once and exit with its code; a second signal exits at once (1).
 */
export function exitOnSignals(plan: () => ShutdownPlan): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(JSON.stringify({ level: 'warn', msg: `${signal} again: exiting now` }));
      process.exit(1);
    }
    stopping = true;
    shutDown(plan(), signal).then(
      (code) => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** The promise's value, or `late` after `ms` (the timer keeps the process alive meanwhile, and is cleared). */
async function within<T>(promise: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
