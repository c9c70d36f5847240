/**
 * npm run bench:fanout (issue 18, item 7): a municipality notice on a municipality seed. Sends one notice from the
 * school owner to every school and trinn (timing the enqueue; target < 3 s), sends it again with the same form key
 * (must add nothing), then runs the delivery workers in this process against the development gateways (dev_sms and
 * the built-in SMTP server, dev_mail) until the notice is drained, and prints deliveries per second (target
 * ≥ 2 000/s), lost (planned to be sent but not in the gateways' store) and duplicated (sent twice to a gateway, or
 * stored twice). Afterwards it deletes what it wrote (the notice, its copies, outbox, deliveries and the gateways'
 * rows), so the database stays as it was (but for the audit row).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fanout_bench npm run bench:fanout
 *
 * Knobs: OUTBOX_LOOPS, OUTBOX_BATCH_SIZE, OUTBOX_SEND_CONCURRENCY, SMTP_POOL_SIZE (as for the worker; see README);
 * BENCH_PROCESSES=n runs the loops in n worker processes (each with its own development SMTP server, as separate
 * worker processes would have), default 1 (in this process); BENCH_KEEP=true keeps the notice and its deliveries;
 * BENCH_FAKE_MAIL=true hands e-mail to a no-op instead of SMTP (to see what the rest costs; its e-mail count as lost).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadActor, todayInOslo } from '../src/domain/access/actor.ts';
import { listNoticeMunicipalities, sendMunicipalityNotice, TRINN } from '../src/domain/broadcasts/municipality.ts';
import { startDevSmtpServer } from '../src/domain/delivery/dev-smtp-server.ts';
import { createSmtpMailer, MESSAGE_ID_DIGEST_CHARS } from '../src/domain/delivery/mailer.ts';
import { DevSmsGateway } from '../src/domain/delivery/sms-gateway.ts';
import { runOutbox, type DeliveryDeps } from '../src/domain/delivery/worker.ts';

const config = loadConfig();
if (!config.databaseUrl?.startsWith('postgres')) {
  console.error(
    'bench:fanout runs on PostgreSQL: set DATABASE_URL to a municipality seed (never a production database).',
  );
  process.exit(1);
}
const { loops, batchSize, concurrency, smtpPoolSize } = config.delivery;
const db = openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: Math.max(10, loops * 3) });
if (process.env.BENCH_CHILD !== 'true') await migrateToLatest(db);
const today = todayInOslo();
const now = () => new Date();

/** Runs `loops` worker loops in this process until nothing is due; returns the sends per reference. */
async function deliver(): Promise<Map<string, number>> {
  const smtp = await startDevSmtpServer(db);
  const mailer = createSmtpMailer(smtp.url, { ignoreTls: true, maxConnections: smtpPoolSize });
  const sms = new DevSmsGateway(db);
  const calls = new Map<string, number>();
  const count = (reference: string) => calls.set(reference, (calls.get(reference) ?? 0) + 1);
  const deps: DeliveryDeps = {
    sms: { send: (m) => (count(m.reference), sms.send(m)) },
    mailer: process.env.BENCH_FAKE_MAIL
      ? { send: async (m) => (count(m.reference), { providerId: 'fake' }), close() {} }
      : { send: (m) => (count(m.reference), mailer.send(m)), close: () => mailer.close() },
    link: `${config.baseUrl}/`,
    smsSender: config.sms.sender,
    mailFrom: config.smtp.from,
    workerId: `bench:${process.pid}`,
    batchSize,
    concurrency,
  };
  const loop = async () => {
    for (;;) {
      const r = await runOutbox(db, deps, new Date());
      if (r.planned === 0 && r.claimed === 0) return;
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  mailer.close();
  await smtp.close();
  return calls;
}

if (process.env.BENCH_CHILD === 'true') {
  const calls = await deliver();
  await db.destroy();
  // The message goes over IPC asynchronously: exit only once it is out.
  process.send!([...calls], () => process.exit(0));
}

// --- The sender: a school owner of the seed ------------------------------------------------------------------------
const owner = await db
  .selectFrom('staff_membership')
  .select('person_id')
  .where('role', '=', 'school_owner')
  .where('starts_on', '<=', today)
  .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
  .orderBy('id')
  .executeTakeFirstOrThrow();
const actor = (await loadActor(db, owner.person_id, 'feide', today))!;
const [municipality] = await listNoticeMunicipalities(db, actor);
if (!municipality) throw new Error('The school owner reaches no municipality.');
const values = {
  schoolIds: municipality.schools.map((s) => s.id),
  trinn: [...TRINN],
  subject: `Benk: stengte skoler ${new Date().toISOString()}`,
  body: 'Alle skolene i kommunen holder stengt i morgen på grunn av uvær.',
};
const key = randomUUID();

// --- 1. Enqueue ---------------------------------------------------------------------------------------------------
const t0 = performance.now();
const sent = await sendMunicipalityNotice(db, actor, municipality, values, key, today, now());
const enqueueS = (performance.now() - t0) / 1000;
if (!sent.ok) throw new Error(`not sent: ${JSON.stringify(sent.errors)}`);
const notice = sent.id;
const outboxOf = () => db.selectFrom('outbox').where('idempotency_key', 'like', `broadcast:${notice}:%`);
const t1 = performance.now();
const again = await sendMunicipalityNotice(db, actor, municipality, values, key, today, now());
const retryS = (performance.now() - t1) / 1000;
const outboxRows = Number(
  (
    await outboxOf()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
console.log(
  `Municipality notice to ${municipality.name}: ${municipality.schools.length} schools, ${sent.recipients} guardians.`,
);
console.log(
  `  enqueue            ${enqueueS.toFixed(2).padStart(6)} s  (target < 3 s: ${enqueueS < 3 ? 'ok' : 'MISSED'})  outbox rows ${outboxRows}`,
);
console.log(
  `  retried POST       ${retryS.toFixed(2).padStart(6)} s  same notice: ${again.ok && again.id === notice ? 'yes' : 'NO'}, outbox rows still ${outboxRows === sent.recipients ? 'one per guardian' : 'WRONG'}`,
);

// --- 2. Deliver ---------------------------------------------------------------------------------------------------
const processes = Number(process.env.BENCH_PROCESSES ?? '1');
const calls = new Map<string, number>();
const t2 = performance.now();
if (processes <= 1) for (const [reference, n] of await deliver()) calls.set(reference, n);
else {
  const children = Array.from({ length: processes }, () =>
    fork(new URL(import.meta.url).pathname, [], {
      env: { ...process.env, BENCH_CHILD: 'true' },
      execArgv: process.execArgv,
    }),
  );
  const results = await Promise.all(
    children.map(
      (child) =>
        new Promise<[string, number][]>((resolve, reject) => {
          child.on('message', (m) => resolve(m as [string, number][]));
          child.on('exit', (code) => (code ? reject(new Error(`worker process exited with ${code}`)) : undefined));
        }),
    ),
  );
  for (const list of results) for (const [reference, n] of list) calls.set(reference, (calls.get(reference) ?? 0) + n);
}
const deliverS = (performance.now() - t2) / 1000;

// --- 3. Count ----------------------------------------------------------------------------------------------------
const deliveries = await db
  .selectFrom('delivery as d')
  .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
  .select(['d.channel', 'd.status', (eb) => eb.fn.countAll<number>().as('n')])
  .where('o.idempotency_key', 'like', `broadcast:${notice}:%`)
  .groupBy(['d.channel', 'd.status'])
  .execute();
const by = (channel: string, status: string) =>
  Number(deliveries.find((d) => d.channel === channel && d.status === status)?.n ?? 0);
const keys = db
  .selectFrom('delivery as d')
  .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
  .where('o.idempotency_key', 'like', `broadcast:${notice}:%`)
  .where('d.status', '<>', 'skipped');
const expected = await keys.select(['d.channel', 'd.idempotency_key']).execute();
const storedSms = await db
  .selectFrom('dev_sms')
  .select(['reference', (eb) => eb.fn.countAll<number>().as('n')])
  .where('reference', 'like', `broadcast:${notice}:%`)
  .groupBy('reference')
  .execute();
const digest = sql<string>`'<' || left(encode(sha256(convert_to(d.idempotency_key, 'UTF8')), 'hex'), ${sql.lit(MESSAGE_ID_DIGEST_CHARS)})`;
const storedMail = await db
  .selectFrom('dev_mail')
  .select([sql<string>`split_part(message_id, '@', 1)`.as('digest'), (eb) => eb.fn.countAll<number>().as('n')])
  .where(
    sql<string>`split_part(message_id, '@', 1)`,
    'in',
    keys.where('d.channel', '=', 'email').select(digest.as('digest')),
  )
  .groupBy(sql`split_part(message_id, '@', 1)`)
  .execute();
const sentCount = by('sms', 'sent') + by('email', 'sent');
const expectedSms = expected.filter((e) => e.channel === 'sms').length;
const expectedMail = expected.filter((e) => e.channel === 'email').length;
const lost = expectedSms - storedSms.length + (expectedMail - storedMail.length);
const storedTwice = [...storedSms, ...storedMail].filter((r) => Number(r.n) > 1).length;
const sentTwice = [...calls.values()].filter((n) => n > 1).length;
const rate = sentCount / deliverS;
console.log(
  `Delivery: ${processes} process(es) × ${loops} loops × batch ${batchSize}, ${concurrency} sends in flight per batch, ${smtpPoolSize} SMTP connections.`,
);
console.log(
  `  drained in         ${deliverS.toFixed(2).padStart(6)} s  sent ${sentCount} (SMS ${by('sms', 'sent')}, e-mail ${by('email', 'sent')}), skipped ${by('sms', 'skipped') + by('email', 'skipped')}, failed ${by('sms', 'failed') + by('email', 'failed')}, still pending ${by('sms', 'pending') + by('email', 'pending') + by('sms', 'sending') + by('email', 'sending')}`,
);
console.log(
  `  deliveries/s       ${rate.toFixed(0).padStart(6)}    (target ≥ 2000: ${rate >= 2000 ? 'ok' : 'MISSED'})`,
);
console.log(
  `  lost               ${String(lost).padStart(6)}    (planned to be sent ${expected.length}, in the gateways' store ${storedSms.length + storedMail.length})`,
);
console.log(
  `  duplicated         ${String(sentTwice + storedTwice).padStart(6)}    (sent twice to a gateway ${sentTwice}, stored twice ${storedTwice})`,
);

// --- 4. Clean up --------------------------------------------------------------------------------------------------
if (process.env.BENCH_KEEP !== 'true') {
  const t3 = performance.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('dev_mail')
      .where(
        sql<string>`split_part(message_id, '@', 1)`,
        'in',
        trx
          .selectFrom('delivery as d')
          .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
          .where('o.idempotency_key', 'like', `broadcast:${notice}:%`)
          .where('d.channel', '=', 'email')
          .select(digest.as('digest')),
      )
      .execute();
    await trx.deleteFrom('dev_sms').where('reference', 'like', `broadcast:${notice}:%`).execute();
    await trx
      .deleteFrom('delivery')
      .where(
        'outbox_id',
        'in',
        trx.selectFrom('outbox').select('id').where('idempotency_key', 'like', `broadcast:${notice}:%`),
      )
      .execute();
    await trx.deleteFrom('outbox').where('idempotency_key', 'like', `broadcast:${notice}:%`).execute();
    await trx.deleteFrom('broadcast_recipient').where('broadcast_id', '=', notice).execute();
    await trx.deleteFrom('broadcast').where('id', '=', notice).execute();
  });
  console.log(`Cleaned up in ${((performance.now() - t3) / 1000).toFixed(1)} s.`);
}
await db.destroy();
