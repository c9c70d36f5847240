import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/db/database.ts';
import { startDevSmtpServer } from '../../src/domain/delivery/dev-smtp-server.ts';
import { PermanentDeliveryError } from '../../src/domain/delivery/errors.ts';
import { createSmtpMailer, messageIdFor, type Mailer } from '../../src/domain/delivery/mailer.ts';
import {
  DevSmsGateway,
  HttpSmsGateway,
  type SmsGateway,
  type SmsToSend,
} from '../../src/domain/delivery/sms-gateway.ts';
import { mailNotice, smsNotice } from '../../src/domain/delivery/texts.ts';
import {
  BACKOFF_MINUTES,
  LEASE_MS,
  MAX_ATTEMPTS,
  runOutbox,
  type DeliveryDeps,
} from '../../src/domain/delivery/worker.ts';
import {
  createSharedTestDb,
  enqueueMessagesTo,
  failingGateway,
  HOME_LINK,
  reachableGuardians,
  spawnOutboxWorker,
  testDeliveryDeps,
  waitUntil,
} from '../support/delivery.ts';

const NOW = new Date('2026-11-25T11:00:00+01:00');
const FROM = 'Skolebro <no-reply@skolebro.invalid>';
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);
const minutes = (n: number) => n * 60_000;

const shared = await createSharedTestDb({ demo: '2026-11-25' });
const db = shared.db;

// Every test takes its own guardians, so "the SMS this person got" counts only that test's.
const guardians = await reachableGuardians(db, 300);
let taken = 0;
function takeGuardians(n: number) {
  const slice = guardians.slice(taken, (taken += n));
  assert.equal(slice.length, n, 'the demo has enough reachable guardians');
  return slice;
}
type Guardian = (typeof guardians)[number];
const contacts = new Map(
  (
    await db
      .selectFrom('contact_info')
      .select(['person_id', 'mobile', 'email'])
      .where(
        'person_id',
        'in',
        guardians.map((g) => g.guardian_id),
      )
      .execute()
  ).map((c) => [c.person_id, { mobile: c.mobile!, email: c.email! }]),
);
const schools = new Map(
  (await db.selectFrom('school').select(['id', 'name', 'hovudmaal']).execute()).map((s) => [
    s.id,
    { name: s.name, hovudmaal: s.hovudmaal },
  ]),
);

const smtp = await startDevSmtpServer(db);
const mailers: Mailer[] = [];
after(async () => {
  mailers.forEach((m) => m.close()); // first: the server's close waits for open client connections
  await smtp.close();
});
function devMailer(): Mailer {
  const mailer = createSmtpMailer(smtp.url, { ignoreTls: true });
  mailers.push(mailer);
  return mailer;
}

/** What the recipient sees: the SMS to their mobile (dev_sms), the e-mail to their address (dev_mail). */
const smsTo = (g: Guardian) =>
  db
    .selectFrom('dev_sms')
    .select(['text', 'reference'])
    .where('to_number', '=', contacts.get(g.guardian_id)!.mobile)
    .orderBy('id')
    .execute();
const mailTo = (g: Guardian) =>
  db
    .selectFrom('dev_mail')
    .select(['subject', 'text', 'message_id', 'from_address', 'raw'])
    .where('to_address', '=', contacts.get(g.guardian_id)!.email)
    .orderBy('id')
    .execute();
const noticeFor = (g: Guardian) => ({
  category: 'messages' as const,
  school: schools.get(g.school_id)!,
  link: HOME_LINK,
});
const deliveryKey = (tag: string, g: Guardian, channel: 'sms' | 'email') =>
  `${tag}:${g.guardian_id}:${g.pupil_id}:${channel}`;

function deliveriesOf(tag: string) {
  return db
    .selectFrom('delivery as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select([
      'd.id',
      'd.channel',
      'd.status',
      'd.skip_reason',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_error',
      'd.claimed_by',
      'd.provider_message_id',
    ])
    .where('o.idempotency_key', 'like', `${tag}:%`)
    .orderBy('d.id')
    .execute();
}
const oneDelivery = async (tag: string, channel: 'sms' | 'email') =>
  (await deliveriesOf(tag)).find((d) => d.channel === channel)!;

/** Runs the worker until nothing is planned or due at `now`; returns how many outbox rows this loop planned. */
async function drain(on: Db, deps: DeliveryDeps, now = NOW): Promise<number> {
  let planned = 0;
  for (;;) {
    const r = await runOutbox(on, deps, now);
    planned += r.planned;
    if (r.planned === 0 && r.claimed === 0) return planned;
  }
}

/** The development gateway behind a provider that is down for the first `failures` calls. */
function flakyGateway(failures: number): SmsGateway & { calls: SmsToSend[] } {
  const real = new DevSmsGateway(db);
  const calls: SmsToSend[] = [];
  return {
    calls,
    async send(sms) {
      calls.push(sms);
      if (calls.length <= failures) throw new Error('gateway down');
      return real.send(sms);
    },
  };
}

/** A controllable "hang": `wait` blocks until `release` (with an error, as a dying connection would). */
function hang() {
  let release!: (error: Error) => void;
  const blocked = new Promise<never>((_, reject) => (release = reject));
  blocked.catch(() => {});
  return { wait: () => blocked, release: () => release(new Error('connection reset')) };
}

// --- 1. Retries with backoff, permanent errors, the last attempt --------------------------------------------------

test('a gateway that is down is retried after the backoff, not before, and the guardian gets the SMS once', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'retry');
  const gateway = flakyGateway(2);
  const deps = testDeliveryDeps(db, { sms: gateway });

  const first = await runOutbox(db, deps, NOW);
  assert.deepEqual([first.planned, first.sent, first.retrying], [1, 1, 1], 'the e-mail went, the SMS waits');
  let sms = await oneDelivery('retry', 'sms');
  assert.deepEqual(
    [sms.status, sms.attempts, sms.next_attempt_at, sms.last_error],
    ['pending', 1, later(minutes(BACKOFF_MINUTES[0]!)), 'gateway down'],
  );

  assert.equal((await runOutbox(db, deps, later(30_000))).claimed, 0, 'not retried before the backoff (30 s)');
  assert.equal(gateway.calls.length, 1);
  assert.equal((await runOutbox(db, deps, later(minutes(1)))).retrying, 1, 'retried after 1 minute, down again');
  sms = await oneDelivery('retry', 'sms');
  assert.deepEqual(
    [sms.status, sms.attempts, sms.next_attempt_at],
    ['pending', 2, later(minutes(1 + BACKOFF_MINUTES[1]!))],
  );
  assert.equal((await runOutbox(db, deps, later(minutes(5)))).claimed, 0, 'the second wait is 5 minutes');

  assert.equal((await runOutbox(db, deps, later(minutes(6)))).sent, 1);
  sms = await oneDelivery('retry', 'sms');
  assert.deepEqual([sms.status, sms.attempts, sms.last_error], ['sent', 3, null]);
  assert.deepEqual(
    new Set(gateway.calls.map((c) => c.reference)),
    new Set([deliveryKey('retry', g, 'sms')]),
    'every attempt carries the same reference',
  );
  assert.deepEqual(
    (await smsTo(g)).map((s) => s.text),
    [smsNotice(noticeFor(g))],
    "one SMS in the guardian's phone",
  );
  assert.equal((await runOutbox(db, deps, later(minutes(300)))).claimed, 0, 'nothing more to do');
});

test('a permanent error (an unknown number) fails at once with the reason; no retry', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'permanent');
  const gateway = failingGateway(() => new PermanentDeliveryError('SMS gateway answered 400: unknown number'));
  await drain(db, testDeliveryDeps(db, { sms: gateway }));
  const sms = await oneDelivery('permanent', 'sms');
  assert.deepEqual(
    [sms.status, sms.attempts, sms.last_error],
    ['failed', 1, 'SMS gateway answered 400: unknown number'],
  );
  assert.equal((await oneDelivery('permanent', 'email')).status, 'sent', 'the e-mail is not held back by the SMS');
  await drain(db, testDeliveryDeps(db, { sms: gateway }), later(minutes(300)));
  assert.equal(gateway.calls.length, 1);
  assert.equal((await smsTo(g)).length, 0);
});

test(`after ${MAX_ATTEMPTS} failed attempts the delivery is failed and left alone`, async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'exhausted');
  const gateway = failingGateway();
  const deps = testDeliveryDeps(db, { sms: gateway });
  let at = NOW;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await runOutbox(db, deps, at);
    const sms = await oneDelivery('exhausted', 'sms');
    assert.equal(sms.attempts, attempt);
    if (attempt < MAX_ATTEMPTS) {
      assert.equal(sms.status, 'pending', `still retried after attempt ${attempt}`);
      at = later(minutes(BACKOFF_MINUTES[attempt - 1]!), at);
      assert.deepEqual(sms.next_attempt_at, at);
    } else assert.deepEqual([sms.status, sms.last_error], ['failed', 'gateway down']);
  }
  await drain(db, deps, later(minutes(24 * 60), at));
  assert.equal(gateway.calls.length, MAX_ATTEMPTS);
});

test('a delivery on which the worker dies every time is failed after the last lease, not retried forever', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'poison');
  const stuck = hang();
  const calls: SmsToSend[] = [];
  const dying = testDeliveryDeps(db, { sms: { send: (sms) => (calls.push(sms), stuck.wait()) } });
  const zombies: Promise<unknown>[] = [];
  let at = NOW;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    zombies.push(runOutbox(db, dying, at)); // the "process" never comes back from the send
    await waitUntil(
      async () => calls.length === attempt,
      5000,
      () => `attempt ${attempt}`,
    );
    at = later(LEASE_MS + 1000, at);
  }
  await runOutbox(db, testDeliveryDeps(db), at);
  const sms = await oneDelivery('poison', 'sms');
  assert.deepEqual(
    [sms.status, sms.attempts, sms.last_error],
    ['failed', MAX_ATTEMPTS, 'the worker stopped during the last attempt'],
  );
  stuck.release(); // the zombies come back with an error: fenced, they change nothing
  await Promise.all(zombies);
  assert.equal((await oneDelivery('poison', 'sms')).status, 'failed');
  assert.equal((await oneDelivery('poison', 'sms')).last_error, 'the worker stopped during the last attempt');
});

// --- 2. Idempotency: a crash between the provider's acceptance and our record ------------------------------------

test('a worker that dies after the SMS and the e-mail were accepted: the resend carries the same reference and is stored once', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'crash');
  const realSms = new DevSmsGateway(db);
  const realMail = devMailer();
  const stuck = hang();
  let accepted = 0;
  const dying = testDeliveryDeps(db, {
    sms: { send: async (sms) => (await realSms.send(sms), accepted++, stuck.wait()) },
    mailer: { send: async (mail) => (await realMail.send(mail), accepted++, stuck.wait()), close() {} },
  });
  const zombie = runOutbox(db, dying, NOW);
  await waitUntil(
    async () => accepted === 2,
    10_000,
    () => `accepted ${accepted} of 2`,
  );
  for (const d of await deliveriesOf('crash'))
    assert.deepEqual([d.channel, d.status, d.attempts], [d.channel, 'sending', 1], 'the outcome was never recorded');
  assert.equal((await smsTo(g)).length, 1);
  assert.equal((await mailTo(g)).length, 1);

  const sent: string[] = [];
  const sms = new DevSmsGateway(db);
  const mail = devMailer();
  const restarted = testDeliveryDeps(db, {
    sms: { send: (s) => (sent.push(s.reference), sms.send(s)) },
    mailer: { send: (m) => (sent.push(m.reference), mail.send(m)), close() {} },
  });
  assert.equal((await runOutbox(db, restarted, later(30_000))).claimed, 0, 'the lease still holds');
  const rerun = await runOutbox(db, restarted, later(LEASE_MS + 1000));
  assert.deepEqual([rerun.claimed, rerun.sent], [2, 2], 'the expired leases are taken over');
  assert.deepEqual(
    sent.sort(),
    [deliveryKey('crash', g, 'email'), deliveryKey('crash', g, 'sms')],
    'resent with the same idempotency keys',
  );

  const smsRows = await smsTo(g);
  assert.deepEqual(
    smsRows.map((s) => s.reference),
    [deliveryKey('crash', g, 'sms')],
    'one SMS in the phone',
  );
  const mails = await mailTo(g);
  assert.equal(mails.length, 1, 'one e-mail in the mailbox');
  assert.equal(
    mails[0]!.message_id,
    messageIdFor(deliveryKey('crash', g, 'email'), FROM),
    'the Message-ID comes from the reference',
  );
  assert.match(mails[0]!.raw, new RegExp(`^Message-ID: ${mails[0]!.message_id}`, 'mi'));

  stuck.release(); // the first worker's sends return late, with an error: fenced on attempts, they overwrite nothing
  assert.equal((await zombie).retrying, 2, 'it believed both would be retried');
  for (const d of await deliveriesOf('crash'))
    assert.deepEqual([d.status, d.attempts, d.last_error], ['sent', 2, null]);
  const smsDelivery = await oneDelivery('crash', 'sms');
  const stored = await db
    .selectFrom('dev_sms')
    .select('id')
    .where('reference', '=', deliveryKey('crash', g, 'sms'))
    .executeTakeFirstOrThrow();
  assert.equal(smsDelivery.provider_message_id, `dev-sms-${stored.id}`, 'the provider id of the one SMS');
});

test('a slow batch outliving its lease: the row another worker has taken is not sent a second time by the slow one', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'slow');
  const stuck = hang();
  const slowCalls: string[] = [];
  const first = async (reference: string) => {
    slowCalls.push(reference);
    if (slowCalls.length === 1) await stuck.wait(); // the first send hangs (an SMTP timeout); the second waits behind it
    return { providerId: `slow-${reference}` };
  };
  const slow = testDeliveryDeps(db, {
    concurrency: 1,
    sms: { send: (m) => first(m.reference) },
    mailer: { send: (m) => first(m.reference), close() {} },
  });
  const slowRun = runOutbox(db, slow, NOW);
  await waitUntil(
    async () => slowCalls.length === 1,
    10_000,
    () => 'the first send started',
  );

  const fast = testDeliveryDeps(db, { sms: new DevSmsGateway(db), mailer: devMailer() });
  const takeover = await runOutbox(db, fast, later(LEASE_MS + 1000));
  assert.deepEqual([takeover.claimed, takeover.sent], [2, 2], 'both leases had run out: the other worker sends both');

  stuck.release();
  const result = await slowRun;
  assert.equal(slowCalls.length, 1, 'the slow worker did not send the second one: its lease was gone');
  assert.equal(result.lost, 1);
  assert.equal((await smsTo(g)).length, 1, 'one SMS');
  assert.equal((await mailTo(g)).length, 1, 'one e-mail');
  for (const d of await deliveriesOf('slow')) assert.deepEqual([d.status, d.attempts], ['sent', 2]);
});

test('a batch slower than its lease keeps its leases: a second worker running meanwhile takes none of it, each message is sent once', async () => {
  const recipients = takeGuardians(2);
  await enqueueMessagesTo(db, recipients, 'renew');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Four sends of 0.8 s one after another: the batch takes 3.2 s, its lease is 1.5 s.
  const slowSends: string[] = [];
  const slowSend = async (reference: string) => {
    slowSends.push(reference);
    await sleep(800);
    return { providerId: `renew-${slowSends.length}` };
  };
  const slow = testDeliveryDeps(db, {
    workerId: 'test:slow',
    concurrency: 1,
    leaseMs: 1500,
    sms: { send: (m) => slowSend(m.reference) },
    mailer: { send: (m) => slowSend(m.reference), close() {} },
  });
  const slowRun = runOutbox(db, slow, new Date());
  let slowDone = false;
  void slowRun.finally(() => (slowDone = true));
  await waitUntil(
    async () => slowSends.length === 1,
    10_000,
    () => 'the slow batch started',
  );

  // Another worker polls all the while, as the worker loop of a second process would.
  const otherSends: string[] = [];
  const other = testDeliveryDeps(db, {
    workerId: 'test:other',
    sms: { send: async (m) => (otherSends.push(m.reference), { providerId: 'other' }) },
    mailer: { send: async (m) => (otherSends.push(m.reference), { providerId: 'other' }), close() {} },
  });
  while (!slowDone) {
    await runOutbox(db, other, new Date());
    await sleep(100);
  }
  const result = await slowRun;

  assert.deepEqual([result.sent, result.lost], [4, 0], 'the slow worker sent its whole batch');
  assert.deepEqual(
    otherSends.filter((r) => r.startsWith('renew:')),
    [],
    'the other worker sent none of the slow batch',
  );
  assert.equal(new Set(slowSends).size, 4);
  for (const d of await deliveriesOf('renew'))
    assert.deepEqual(
      [d.status, d.attempts, d.claimed_by],
      ['sent', 1, 'test:slow'],
      'claimed once, by the slow worker',
    );
});

test('a worker that dies after 3 sends of its batch: those 3 are recorded, and only the one in flight is sent again', async () => {
  const recipients = takeGuardians(3);
  await enqueueMessagesTo(db, recipients, 'midbatch');
  const stuck = hang();
  const firstSends: string[] = [];
  const dyingSend = async (reference: string) => {
    firstSends.push(reference);
    if (firstSends.length === 4) await stuck.wait(); // the process dies during its 4th send
    return { providerId: `first-${firstSends.length}` };
  };
  const dying = testDeliveryDeps(db, {
    concurrency: 1,
    sms: { send: (m) => dyingSend(m.reference) },
    mailer: { send: (m) => dyingSend(m.reference), close() {} },
  });
  const zombie = runOutbox(db, dying, NOW);
  await waitUntil(
    async () => firstSends.length === 4,
    10_000,
    () => `${firstSends.length} sends`,
  );
  const atCrash = await deliveriesOf('midbatch');
  assert.deepEqual(
    atCrash.map((d) => d.status).sort(),
    ['sending', 'sending', 'sending', 'sent', 'sent', 'sent'],
    'each send was recorded right after it, not at the end of the batch',
  );

  const secondSends: string[] = [];
  const restarted = testDeliveryDeps(db, {
    sms: { send: async (m) => (secondSends.push(m.reference), { providerId: 'second' }) },
    mailer: { send: async (m) => (secondSends.push(m.reference), { providerId: 'second' }), close() {} },
  });
  await runOutbox(db, restarted, later(LEASE_MS + 1000));
  assert.equal(
    secondSends.filter((r) => r.startsWith('midbatch:')).length,
    3,
    'the in-flight one and the two never tried',
  );
  assert.deepEqual(
    secondSends.filter((r) => firstSends.includes(r)),
    [firstSends[3]],
    'sent twice: only the one in flight at the crash',
  );

  stuck.release();
  await zombie;
  for (const d of await deliveriesOf('midbatch')) assert.equal(d.status, 'sent');
});

test('when recording one delivery fails, the send beside it finishes and is recorded before the error is reported', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'settle');
  // The database refuses the next write to a delivery (a dropped connection) once armed.
  let failNextWrite = false;
  const faulty = db.withPlugin({
    transformQuery(args) {
      if (failNextWrite && args.node.kind === 'UpdateQueryNode') {
        failNextWrite = false;
        throw new Error('connection lost');
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  const sends: string[] = [];
  const send = async (reference: string) => {
    sends.push(reference);
    if (sends.length === 1)
      await new Promise((resolve) => setTimeout(resolve, 300)); // a slow send in flight
    else failNextWrite = true; // the other is sent, and its record fails
    return { providerId: `settle-${sends.length}` };
  };
  const deps = testDeliveryDeps(db, {
    concurrency: 2,
    sms: { send: (m) => send(m.reference) },
    mailer: { send: (m) => send(m.reference), close() {} },
  });
  await assert.rejects(runOutbox(faulty, deps, NOW), /connection lost/);
  const rows = await deliveriesOf('settle');
  const slowKey = sends[0]!;
  const slowRow = rows.find((d) => slowKey.endsWith(`:${d.channel}`))!;
  assert.equal(slowRow.status, 'sent', 'the slow send was recorded before the error came out');
  const unrecorded = rows.find((d) => d !== slowRow)!;
  assert.equal(unrecorded.status, 'sending', 'the failed record leaves its lease to run out');

  const again: string[] = [];
  const restarted = testDeliveryDeps(db, {
    sms: { send: async (m) => (again.push(m.reference), { providerId: 'again' }) },
    mailer: { send: async (m) => (again.push(m.reference), { providerId: 'again' }), close() {} },
  });
  await runOutbox(db, restarted, later(LEASE_MS + 1000));
  assert.deepEqual(
    again.filter((r) => r.startsWith('settle:')),
    [sends[1]],
    'only the unrecorded one is sent again',
  );
});

test('the same event enqueued twice and planned twice is one SMS and one e-mail', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'twice');
  await enqueueMessagesTo(db, [g], 'twice');
  await drain(db, testDeliveryDeps(db, { mailer: devMailer() }));
  await enqueueMessagesTo(db, [g], 'twice');
  await drain(db, testDeliveryDeps(db, { mailer: devMailer() }));
  assert.equal((await deliveriesOf('twice')).length, 2);
  assert.equal((await smsTo(g)).length, 1);
  assert.equal((await mailTo(g)).length, 1);
});

// --- 3. Two workers at once in one process ------------------------------------------------------------------------

test('two workers on separate connections at once: every guardian gets exactly one SMS (unless opted out) and one e-mail, each sent once', async () => {
  const recipients = takeGuardians(60);
  const optedOut = new Set(recipients.slice(0, 6).map((g) => g.guardian_id));
  await db
    .updateTable('contact_info')
    .set({ sms_enabled: false })
    .where('person_id', 'in', [...optedOut])
    .execute();
  await enqueueMessagesTo(db, recipients, 'pair');
  const sends = new Map<string, number>();
  const count = (reference: string) => sends.set(reference, (sends.get(reference) ?? 0) + 1);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const workerDeps = (on: Db, id: string) => {
    const sms = new DevSmsGateway(on);
    const mail = devMailer();
    return testDeliveryDeps(on, {
      workerId: id,
      batchSize: 10,
      sms: { send: async (s) => (count(s.reference), await tick(), sms.send(s)) },
      mailer: { send: async (m) => (count(m.reference), await tick(), mail.send(m)), close() {} },
    });
  };
  // Like the worker loop: when a round finds nothing (the other worker holds it), pause and look again.
  const done = async () => (await deliveriesOf('pair')).filter((d) => d.status === 'sent').length === 114;
  const loop = async (on: Db, deps: DeliveryDeps) => {
    let planned = 0;
    while (!(await done())) {
      const r = await runOutbox(on, deps, NOW);
      planned += r.planned;
      if (r.planned === 0 && r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return planned;
  };
  const a = shared.open();
  const b = shared.open();
  const planned = await Promise.all([loop(a, workerDeps(a, 'test:a')), loop(b, workerDeps(b, 'test:b'))]);

  assert.equal(planned[0] + planned[1], 60, 'each notification planned by one worker');
  const deliveries = await deliveriesOf('pair');
  assert.equal(deliveries.length, 120);
  const skipped = deliveries.filter((d) => d.status === 'skipped');
  assert.equal(skipped.length, 6);
  assert.ok(
    skipped.every((d) => d.channel === 'sms' && d.skip_reason === 'opted_out' && d.claimed_by === null),
    'the opted-out SMS are skipped at planning, never claimed',
  );
  assert.deepEqual(new Set(deliveries.filter((d) => d.status !== 'skipped').map((d) => d.status)), new Set(['sent']));
  assert.deepEqual(
    new Set(deliveries.map((d) => d.claimed_by).filter(Boolean)),
    new Set(['test:a', 'test:b']),
    'both workers took part',
  );
  assert.equal(sends.size, 114);
  assert.deepEqual(new Set(sends.values()), new Set([1]), 'no delivery was sent twice (not even deduped)');
  for (const g of recipients) {
    const expectedSms = optedOut.has(g.guardian_id) ? [] : [smsNotice(noticeFor(g))];
    assert.deepEqual(
      (await smsTo(g)).map((s) => s.text),
      expectedSms,
      `SMS to guardian ${g.guardian_id}`,
    );
    assert.deepEqual(
      (await mailTo(g)).map((m) => m.subject),
      [mailNotice(noticeFor(g)).subject],
      `e-mail to guardian ${g.guardian_id}`,
    );
  }
});

test('four workers with batches (7 claimed at once, 4 sends in flight, group-committed records): each delivery sent once, none lost', async () => {
  const recipients = takeGuardians(50);
  await enqueueMessagesTo(db, recipients, 'fanout');
  const sends = new Map<string, number>();
  const count = (reference: string) => sends.set(reference, (sends.get(reference) ?? 0) + 1);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  const workerDeps = (on: Db, id: string) => {
    const sms = new DevSmsGateway(on);
    const mail = devMailer();
    return testDeliveryDeps(on, {
      workerId: id,
      batchSize: 7,
      concurrency: 4,
      sms: { send: async (s) => (count(s.reference), await tick(), sms.send(s)) },
      mailer: { send: async (m) => (count(m.reference), await tick(), mail.send(m)), close() {} },
    });
  };
  const settled = async () =>
    (await deliveriesOf('fanout')).filter((d) => d.status === 'sent' || d.status === 'skipped').length === 100;
  const loop = async (on: Db, deps: DeliveryDeps) => {
    while (!(await settled())) {
      const r = await runOutbox(on, deps, NOW);
      if (r.planned === 0 && r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const workers = ['a', 'b', 'c', 'd'].map((id) => {
    const on = shared.open();
    return loop(on, workerDeps(on, `test:${id}`));
  });
  await Promise.all(workers);

  const deliveries = await deliveriesOf('fanout');
  assert.equal(deliveries.length, 100, 'an SMS and an e-mail planned per notification');
  const toSend = deliveries.filter((d) => d.status !== 'skipped');
  assert.ok(toSend.length > 0);
  assert.deepEqual(new Set(toSend.map((d) => d.status)), new Set(['sent']), 'none lost');
  assert.ok(new Set(toSend.map((d) => d.claimed_by)).size >= 2, 'several workers took part');
  const fanoutSends = [...sends].filter(([reference]) => reference.startsWith('fanout:'));
  assert.equal(fanoutSends.length, toSend.length, 'every delivery reached a gateway');
  assert.deepEqual(new Set(fanoutSends.map(([, n]) => n)), new Set([1]), 'none sent twice (not even deduped)');
  for (const d of toSend) assert.equal(d.attempts, 1, 'claimed once');
  const stored = await db.selectFrom('dev_sms').select('reference').where('reference', 'like', 'fanout:%').execute();
  assert.equal(stored.length, toSend.filter((d) => d.channel === 'sms').length, 'one SMS each in the store');
});

// --- 4. Real SMTP, the mailer's error classes, the HTTP SMS gateway -------------------------------------------------

test('e-mail goes over real SMTP: subject and text of the notice, a Message-ID from the reference, no name or fødselsnummer', async () => {
  const [g] = takeGuardians(1) as [Guardian];
  await enqueueMessagesTo(db, [g], 'smtp', 'absence');
  await drain(db, testDeliveryDeps(db, { mailer: devMailer() }));
  const expected = mailNotice({ category: 'absence', school: schools.get(g.school_id)!, link: HOME_LINK });
  const [mail, ...more] = await mailTo(g);
  assert.equal(more.length, 0);
  assert.equal(mail!.subject, expected.subject);
  assert.equal(mail!.text.trim(), expected.text.trim());
  assert.match(mail!.subject, /Nytt fra .* i Skolebro/);
  assert.match(mail!.from_address, /^"?Skolebro"? <no-reply@skolebro\.invalid>$/);
  assert.equal(mail!.message_id, messageIdFor(deliveryKey('smtp', g, 'email'), FROM));
  assert.match(mail!.raw, /^Auto-Submitted: auto-generated/m);
  const email = await oneDelivery('smtp', 'email');
  assert.deepEqual([email.status, email.provider_message_id], ['sent', mail!.message_id]);
  const people = await db
    .selectFrom('person')
    .select(['given_name', 'family_name', 'fodselsnummer'])
    .where('id', 'in', [g.guardian_id, g.pupil_id])
    .execute();
  for (const text of [mail!.subject, mail!.text]) {
    assert.doesNotMatch(text, /\d{11}/);
    for (const p of people) {
      for (const name of [p.family_name, ...p.given_name.split(/\s+/)])
        assert.ok(!text.includes(name), `"${name}" in: ${text}`);
    }
    assert.ok(!text.includes('free text'), 'no payload text');
  }
});

test('SMTP answers: 5xx is a permanent error, 4xx is retried', async () => {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = address.address.startsWith('unknown') ? 550 : 451;
      callback(Object.assign(new Error(code === 550 ? 'No such user' : 'Try again later'), { responseCode: code }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const mailer = createSmtpMailer(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, {
    ignoreTls: true,
  });
  try {
    const mail = { from: FROM, subject: 'Nytt fra skolen', text: 'Logg inn', reference: 'smtp-errors:1' };
    await assert.rejects(
      mailer.send({ ...mail, to: 'unknown@example.org' }),
      (error: Error) => error instanceof PermanentDeliveryError && /SMTP 550/.test(error.message),
    );
    await assert.rejects(
      mailer.send({ ...mail, to: 'busy@example.org' }),
      (error: Error) => !(error instanceof PermanentDeliveryError),
    );
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('the HTTP SMS gateway: JSON body and bearer token; 5xx and 429 retried, 4xx permanent, 2xx without an id an error', async (t) => {
  const requests: { method?: string; url?: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
  const answers: [number, string][] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(body) });
      const [status, answer] = answers.shift() ?? [500, 'no answer queued'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  const gateway = new HttpSmsGateway(url, 'secret-token');
  const sms = { to: '+4791234567', sender: 'Skolebro', text: 'Ny melding fra skolen', reference: 'http:1:sms' };

  answers.push([202, '{"id":"abc-1"}'], [200, '{"id":42}']);
  assert.deepEqual(await gateway.send(sms), { providerId: 'abc-1' });
  assert.deepEqual(await gateway.send(sms), { providerId: '42' });
  assert.deepEqual([requests[0]!.method, requests[0]!.url], ['POST', '/sms']);
  assert.equal(requests[0]!.headers.authorization, 'Bearer secret-token');
  assert.match(requests[0]!.headers['content-type'] ?? '', /^application\/json/);
  assert.deepEqual(requests[0]!.body, {
    to: '+4791234567',
    from: 'Skolebro',
    text: 'Ny melding fra skolen',
    reference: 'http:1:sms',
  });
  answers.push([200, '{}']);
  await assert.rejects(
    gateway.send(sms),
    (e: Error) => !(e instanceof PermanentDeliveryError) && /without an id/.test(e.message),
  );
  answers.push([429, 'slow down']);
  await assert.rejects(
    gateway.send(sms),
    (e: Error) => !(e instanceof PermanentDeliveryError) && /429/.test(e.message),
  );
  answers.push([400, '{"error":"invalid number"}']);
  await assert.rejects(
    gateway.send(sms),
    (e: Error) => e instanceof PermanentDeliveryError && /400: \{"error":"invalid number"\}/.test(e.message),
  );

  // Through the worker: a 500 is retried after the backoff, a 400 fails the delivery with the provider's answer.
  const [down, unknown] = takeGuardians(2) as [Guardian, Guardian];
  const deps = testDeliveryDeps(db, { sms: gateway });
  await enqueueMessagesTo(db, [down], 'http-500');
  answers.push([500, 'internal error']);
  await drain(db, deps);
  const retried = await oneDelivery('http-500', 'sms');
  assert.deepEqual(
    [retried.status, retried.attempts, retried.last_error],
    ['pending', 1, 'SMS gateway answered 500: internal error'],
  );
  answers.push([201, '{"id":"provider-7"}']);
  await drain(db, deps, later(minutes(1)));
  assert.deepEqual(await oneDelivery('http-500', 'sms').then((d) => [d.status, d.attempts, d.provider_message_id]), [
    'sent',
    2,
    'provider-7',
  ]);
  assert.equal((requests.at(-1)!.body as { reference: string }).reference, deliveryKey('http-500', down, 'sms'));

  await enqueueMessagesTo(db, [unknown], 'http-400');
  answers.push([400, 'invalid number']);
  await drain(db, deps, later(minutes(2)));
  const refused = await oneDelivery('http-400', 'sms');
  assert.deepEqual(
    [refused.status, refused.attempts, refused.last_error],
    ['failed', 1, 'SMS gateway answered 400: invalid number'],
  );
  const anonymousRequest = new HttpSmsGateway(url, undefined);
  answers.push([200, '{"id":"x"}']);
  await anonymousRequest.send(sms);
  assert.equal(requests.at(-1)!.headers.authorization, undefined, 'no token, no Authorization header');
});

// --- 5. Worker processes (PostgreSQL only) --------------------------------------------------------------------------

const processesSkip = shared.url ? false : "needs TEST_DATABASE_URL: PGlite's data belongs to one process";

async function progress(tag: string) {
  const rows = await deliveriesOf(tag);
  const by = (status: string) => rows.filter((d) => d.status === status).length;
  return {
    total: rows.length,
    sent: by('sent'),
    skipped: by('skipped'),
    sending: by('sending'),
    pending: by('pending'),
    failed: by('failed'),
    rows,
  };
}
const allDone = (tag: string, total: number) => async () => {
  const p = await progress(tag);
  return p.total === total && p.sent + p.skipped === total;
};

async function assertExactlyOncePerRecipient(tag: string, recipients: Guardian[]) {
  for (const g of recipients) {
    assert.deepEqual(
      (await smsTo(g)).map((s) => s.reference),
      [deliveryKey(tag, g, 'sms')],
      `one SMS to guardian ${g.guardian_id}`,
    );
    assert.deepEqual(
      (await mailTo(g)).map((m) => m.message_id),
      [messageIdFor(deliveryKey(tag, g, 'email'), FROM)],
      `one e-mail to guardian ${g.guardian_id}`,
    );
  }
}

test('two worker processes on one database: every guardian gets exactly one SMS and one e-mail, and both processes work', {
  skip: processesSkip,
}, async (t) => {
  // Small batches (not the default 200), so that 200 deliveries are more than one process's batch.
  const knobs = { sendDelayMs: 20, batchSize: 20, concurrency: 5, loops: 1 };
  const workers = [spawnOutboxWorker(t, shared.url!, knobs), spawnOutboxWorker(t, shared.url!, knobs)];
  const logs = () => workers.map((w) => w.output()).join('\n');
  await Promise.all(workers.map((w) => w.started));
  const recipients = takeGuardians(100);
  await enqueueMessagesTo(db, recipients, 'procs');
  await waitUntil(
    allDone('procs', 200),
    30_000,
    async () => `${JSON.stringify({ ...(await progress('procs')), rows: undefined })}\n${logs()}`,
  );
  await Promise.all(workers.map((w) => w.stop()));

  const { rows } = await progress('procs');
  assert.deepEqual(new Set(rows.map((d) => d.status)), new Set(['sent']));
  assert.deepEqual(new Set(rows.map((d) => d.attempts)), new Set([1]), 'no delivery was claimed twice');
  const claimers = new Set(rows.map((d) => d.claimed_by));
  assert.equal(claimers.size, 2, `both processes claimed deliveries: ${[...claimers].join(', ')}`);
  assert.deepEqual([...claimers].map((c) => Number(c!.split(':').at(-1))).sort(), workers.map((w) => w.pid).sort());
  await assertExactlyOncePerRecipient('procs', recipients);
  assert.doesNotMatch(logs(), /"level":"error"/);
});

test('a worker process killed mid-batch loses nothing: a new process delivers the rest, each guardian once', {
  skip: processesSkip,
}, async (t) => {
  const recipients = takeGuardians(30);
  const first = spawnOutboxWorker(t, shared.url!, { sendDelayMs: 150, leaseMs: 2000 });
  await first.started;
  await enqueueMessagesTo(db, recipients, 'kill');
  // Kill while a batch is in flight: some sent, and at least 6 leased (more than one round of the 5 parallel sends left).
  await waitUntil(
    async () => {
      const p = await progress('kill');
      return p.sent >= 10 && p.sending >= 6;
    },
    20_000,
    async () => `${JSON.stringify({ ...(await progress('kill')), rows: undefined })}\n${first.output()}`,
  );
  await first.kill();

  const atKill = await progress('kill');
  assert.equal(atKill.total, 60);
  assert.ok(atKill.sent < 60, `not all sent when killed (${atKill.sent})`);
  assert.ok(atKill.sending > 0, 'deliveries left leased to the dead process');
  const leased = atKill.rows.filter((d) => d.status === 'sending').map((d) => d.id);

  const second = spawnOutboxWorker(t, shared.url!, { sendDelayMs: 10 });
  await second.started;
  await waitUntil(
    allDone('kill', 60),
    30_000,
    async () => `${JSON.stringify({ ...(await progress('kill')), rows: undefined })}\n${second.output()}`,
  );
  await second.stop();

  const { rows } = await progress('kill');
  assert.deepEqual(new Set(rows.map((d) => d.status)), new Set(['sent']));
  for (const d of rows.filter((r) => leased.includes(r.id))) {
    assert.equal(d.attempts, 2, 'a delivery leased to the dead process was taken over after its lease');
    assert.ok(d.claimed_by!.endsWith(`:${second.pid}`), `taken over by the new process: ${d.claimed_by}`);
  }
  await assertExactlyOncePerRecipient('kill', recipients);
});

test('SIGTERM lets a worker process finish the batch in progress: nothing is left leased to it', {
  skip: processesSkip,
}, async (t) => {
  const recipients = takeGuardians(30);
  // Small batches, a few sends at a time, one loop: SIGTERM comes while the first batch is in flight.
  const worker = spawnOutboxWorker(t, shared.url!, { sendDelayMs: 150, batchSize: 20, concurrency: 5, loops: 1 });
  await worker.started;
  await enqueueMessagesTo(db, recipients, 'term');
  await waitUntil(
    async () => (await progress('term')).sending >= 6,
    20_000,
    () => worker.output(),
  );
  const stopping = Date.now();
  await worker.stop();
  const stoppedIn = Date.now() - stopping;

  assert.equal(worker.exitCode(), 0, worker.output());
  assert.ok(stoppedIn < 5000, `stopped in ${stoppedIn} ms`);
  const atStop = await progress('term');
  assert.equal(atStop.sending, 0, 'every claimed delivery was finished before the exit');
  assert.ok(atStop.sent > 0 && atStop.sent < 60, `stopped between batches (${atStop.sent} of 60 sent)`);
  await drain(db, testDeliveryDeps(db, { mailer: devMailer() }), new Date()); // the rest, so no later test sees it
  assert.equal((await progress('term')).sent, 60);
  await assertExactlyOncePerRecipient('term', recipients);
});
