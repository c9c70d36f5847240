import { spawn, type ChildProcess } from 'node:child_process';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/db/database.ts';
import type { NotificationCategory } from '../../src/db/schema.ts';
import type { Mailer, MailToSend } from '../../src/domain/delivery/mailer.ts';
import { DevSmsGateway, type SmsGateway, type SmsToSend } from '../../src/domain/delivery/sms-gateway.ts';
import type { DeliveryDeps } from '../../src/domain/delivery/worker.ts';
import { enqueueNotifications } from '../../src/domain/notifications/outbox.ts';
import { TEST_ORIGIN } from './app.ts';

export { createSharedTestDb } from './db.ts';

/** A mailer that keeps what it was asked to send (the SMTP path has its own test). */
export function recordingMailer(): Mailer & { sent: MailToSend[] } {
  const sent: MailToSend[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
      return { providerId: `<mail-${sent.length}@test>` };
    },
    close() {},
  };
}

/** An SMS gateway that fails every time (or with the given error). */
export function failingGateway(
  error: () => Error = () => new Error('gateway down'),
): SmsGateway & { calls: SmsToSend[] } {
  const calls: SmsToSend[] = [];
  return {
    calls,
    async send(sms) {
      calls.push(sms);
      throw error();
    },
  };
}

export const HOME_LINK = `${TEST_ORIGIN}/home`;

export function testDeliveryDeps(db: Db, overrides: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    sms: new DevSmsGateway(db),
    mailer: recordingMailer(),
    link: HOME_LINK,
    smsSender: 'Skolebro',
    mailFrom: 'Skolebro <no-reply@skolebro.invalid>',
    workerId: 'test:1',
    ...overrides,
  };
}

/** Guardians with a mobile, SMS on, an e-mail address, and a child (pupil, school): recipients who get both channels. */
export async function reachableGuardians(db: Db, limit: number) {
  return db
    .selectFrom('guardian_relation as g')
    .innerJoin('contact_info as c', 'c.person_id', 'g.guardian_id')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .select(['g.guardian_id', 'g.pupil_id', 'e.school_id'])
    .distinctOn('g.guardian_id')
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .where('c.sms_enabled', '=', true)
    .where('c.mobile', 'is not', null)
    .where('c.email', 'is not', null)
    .orderBy('g.guardian_id')
    .orderBy('g.pupil_id')
    .limit(limit)
    .execute();
}

/** One 'messages' notification per guardian, as a message book or broadcast would write them. */
export async function enqueueMessagesTo(
  db: Db,
  recipients: { guardian_id: number; pupil_id: number; school_id: number }[],
  tag: string,
  category: NotificationCategory = 'messages',
) {
  await enqueueNotifications(
    db,
    recipients.map((r) => ({
      recipientPersonId: r.guardian_id,
      category,
      eventType: 'message.sent',
      schoolId: r.school_id,
      pupilId: r.pupil_id,
      payload: { note: 'free text that must never reach an SMS' },
      idempotencyKey: `${tag}:${r.guardian_id}:${r.pupil_id}`,
    })),
  );
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const spawned = new Set<ChildProcess>();
// A backstop for a test run that ends without its hooks (an uncaught error): no worker outlives it.
process.once('exit', () => spawned.forEach((child) => child.kill('SIGKILL')));

export interface WorkerProcess {
  pid: number;
  /** Everything it printed (JSON log lines), for assertion messages. */
  output(): string;
  /** Resolves when it logs "outbox worker started"; rejects when it exits first. */
  started: Promise<void>;
  /** SIGTERM: finishes the batch in progress, then exits. */
  stop(): Promise<void>;
  /** The exit code once it has exited (null while running or when killed by a signal). */
  exitCode(): number | null;
  /** SIGKILL: dies at once, mid-batch. */
  kill(): Promise<void>;
}

export interface WorkerKnobs {
  pollMs?: number;
  leaseMs?: number;
  sendDelayMs?: number;
  /** OUTBOX_BATCH_SIZE, OUTBOX_SEND_CONCURRENCY, OUTBOX_LOOPS (the worker's defaults otherwise). */
  batchSize?: number;
  concurrency?: number;
  loops?: number;
}

/**
 * `scripts/outbox-worker.ts` as its own process on the database at `databaseUrl`, killed when the test `t` ends
 * (pass or fail). Run as `node --import tsx`, not through the tsx CLI: that wraps the script in a second process,
 * and a SIGKILL to the wrapper would leave the worker running. No SMTP_URL or SMS_GATEWAY_URL: each process starts
 * its own development SMTP server (a free port) and records into the shared dev_sms and dev_mail.
 */
export function spawnOutboxWorker(t: TestContext, databaseUrl: string, knobs: WorkerKnobs = {}): WorkerProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    BASE_URL: TEST_ORIGIN,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    OUTBOX_POLL_MS: String(knobs.pollMs ?? 100),
    ...(knobs.leaseMs !== undefined ? { OUTBOX_LEASE_MS: String(knobs.leaseMs) } : {}),
    ...(knobs.sendDelayMs !== undefined ? { OUTBOX_SEND_DELAY_MS: String(knobs.sendDelayMs) } : {}),
    ...(knobs.batchSize !== undefined ? { OUTBOX_BATCH_SIZE: String(knobs.batchSize) } : {}),
    ...(knobs.concurrency !== undefined ? { OUTBOX_SEND_CONCURRENCY: String(knobs.concurrency) } : {}),
    ...(knobs.loops !== undefined ? { OUTBOX_LOOPS: String(knobs.loops) } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/outbox-worker.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => spawned.delete(child));
  const started = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"outbox worker started"')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`the worker exited before it started:\n${output}`)));
  });
  started.catch(() => {}); // observed by the test that awaits it
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  t.after(() => signal('SIGKILL'));
  return {
    pid: child.pid!,
    output: () => output,
    started,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    exitCode: () => child.exitCode,
  };
}

/** Polls `check` every 100 ms until it holds; fails with `describe()` after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string | Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
