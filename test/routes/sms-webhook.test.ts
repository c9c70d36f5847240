import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { DEVELOPMENT_WEBHOOK_SECRET, signatureFor } from '../../src/domain/messages/sms-webhook.ts';
import {
  contactTeacherIdsForPupil,
  enqueueNotifications,
  leadershipIdsForSchool,
} from '../../src/domain/notifications/outbox.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN, testConfig } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
let now = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);
await giveDemoGeneralConsent(db);
const client = createTestApp(db, {}, { clock: () => now });
const tick = () => (now = new Date(now.getTime() + 60_000));

const mobileOf = async (personId: number) =>
  (await db.selectFrom('contact_info').select('mobile').where('person_id', '=', personId).executeTakeFirstOrThrow())
    .mobile!;
const sofie = await personNamed(db, 'Sofie', 'Nordmann');
const jonas = await personNamed(db, 'Jonas', 'Nordmann');
const maja = await personNamed(db, 'Maja', 'Bakkeli');
const kari = await loginPersonId(db, 'guardian');
const trine = await personNamed(db, 'Trine', 'Bakkeli');
const fatima = (await contactTeacherIdsForPupil(db, sofie, TODAY))[0]!;
const asKari = { cookie: await sessionCookie(db, kari, 'idporten') };
const asFatima = { cookie: await sessionCookie(db, fatima, 'feide') };
const asTorunn = { cookie: await sessionCookie(db, await loginPersonId(db, 'leadership'), 'feide') };
const fjellheim = (
  await db.selectFrom('school').select('id').where('name', '=', 'Fjellheim skule').executeTakeFirstOrThrow()
).id;
const asFjellheimRektor = {
  cookie: await sessionCookie(db, (await leadershipIdsForSchool(db, fjellheim, TODAY))[0]!, 'feide'),
};
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const schoolNumber = async (id: number) =>
  (await db.selectFrom('school').select('sms_number').where('id', '=', id).executeTakeFirstOrThrow()).sms_number!;
const BJORKELIA_NUMBER = await schoolNumber(bjorkelia);
const FJELLHEIM_NUMBER = await schoolNumber(fjellheim);
const kariMobile = await mobileOf(kari); // +47 and 8 digits
const kariAsGatewaySends = `0047${kariMobile.slice(3)}`;

let providerSeq = 0;
const providerId = () => `gw-${++providerSeq}`;

/** A webhook call as the gateway makes it: no cookie, no Origin, signed body. */
function webhook(
  body: string,
  options: { contentType?: string; signature?: string | null; app?: ReturnType<typeof createTestApp> } = {},
) {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const signature =
    options.signature === undefined ? signatureFor(DEVELOPMENT_WEBHOOK_SECRET, body) : options.signature;
  if (signature !== null) headers['x-skolebro-signature'] = signature;
  return (options.app ?? client).app.request(`${TEST_ORIGIN}/webhooks/sms`, { method: 'POST', body, headers });
}
const sms = (fields: Record<string, unknown>) =>
  JSON.stringify({ type: 'sms', id: providerId(), to: BJORKELIA_NUMBER, timestamp: now.toISOString(), ...fields });
const inboundCount = async () =>
  Number(
    (
      await db
        .selectFrom('inbound_sms')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const messagesOf = (threadId: number) =>
  db.selectFrom('message').selectAll().where('thread_id', '=', threadId).orderBy('id').execute();

test('a bad or missing signature is refused with 401 and nothing is stored', async () => {
  const body = sms({ from: kariAsGatewaySends, text: 'Sofie er syk i dag.' });
  const before = await inboundCount();
  assert.equal((await webhook(body, { signature: null })).status, 401);
  assert.equal((await webhook(body, { signature: signatureFor('another-secret-of-enough-length', body) })).status, 401);
  assert.equal(
    (await webhook(body, { signature: signatureFor(DEVELOPMENT_WEBHOOK_SECRET, `${body} `) })).status,
    401,
    'signed a different body',
  );
  assert.equal((await webhook(body, { signature: 'sha256=zz' })).status, 401);
  assert.equal(await inboundCount(), before);
  const configured = createTestApp(
    db,
    { sms: { ...testConfig().sms, webhookSecret: 'the-municipality-secret-42' } },
    { clock: () => now },
  );
  assert.equal(
    (await webhook(body, { app: configured })).status,
    401,
    'the development secret does not work once a secret is set',
  );
  const production = createTestApp(db, { env: 'production', sms: { ...testConfig().sms, webhookSecret: undefined } });
  assert.equal((await webhook(body, { app: production })).status, 503, 'production without a secret: refused');
  assert.equal(await inboundCount(), before);
});

test('a body we do not understand is a 400 (the gateway should not retry); the CSRF check does not apply', async () => {
  assert.equal((await webhook(JSON.stringify({ id: providerId(), from: kariMobile }))).status, 400, 'no text');
  assert.equal((await webhook('{not json')).status, 400);
  assert.equal(
    (await webhook(sms({ from: kariMobile, text: 'x'.repeat(4001) }))).status,
    400,
    'longer than a message may be',
  );
});

test('Kari has two children and no recent thread: her SMS waits in the office queue of both schools', async () => {
  const res = await webhook(sms({ from: kariAsGatewaySends, text: 'Sofie kommer senere i dag.' }));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'queued' });
  const row = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(row.guardian_id, kari);
  assert.equal(row.normalised_number, kariMobile);
  const told = await db
    .selectFrom('outbox')
    .select('recipient_person_id')
    .where('event_type', '=', 'message.sms_queued')
    .where('idempotency_key', 'like', `inbound-sms:${row.id}:%`)
    .execute();
  const leaders = [
    ...(await leadershipIdsForSchool(db, bjorkelia, TODAY)),
    ...(await leadershipIdsForSchool(db, fjellheim, TODAY)),
  ].sort();
  assert.deepEqual(
    told.map((r) => r.recipient_person_id).sort(),
    leaders,
    'the leadership of both schools is told (without the text)',
  );
  const torunn = await html(await client.get('/messages', asTorunn));
  const item = torunn.document.querySelector(`#sms-${row.id}`)!;
  assert.match(item.textContent!, /Kari Nordmann.*Sofie kommer senere i dag\./s);
  const buttons = Array.from(item.querySelectorAll('button')).map((b) => b.textContent);
  assert.deepEqual(buttons, ['Legg i meldingsboka til Sofie Nordmann, 3A', 'Avvis'], 'only her child at this school');
  const fjellheimView = await html(await client.get('/messages', asFjellheimRektor));
  assert.match(
    fjellheimView.document.querySelector(`#sms-${row.id}`)!.textContent!,
    /Legg i meldingsboka til Jonas Nordmann/,
  );
  assert.equal(
    (await html(await client.get('/messages', asFatima))).document.querySelector(`#sms-${row.id}`),
    null,
    'a teacher has no office queue',
  );

  const attached = await client.post(
    `/inbound-sms/${row.id}/placement`,
    { pupil_id: String(sofie), return_to: '/messages' },
    asTorunn,
  );
  assert.equal(attached.status, 303);
  const threadId = Number(/^\/messages\/(\d+)\?done=attached$/.exec(attached.headers.get('location')!)![1]);
  const [message] = await messagesOf(threadId);
  assert.deepEqual(
    [message!.author_id, message!.author_capacity, message!.via, message!.body],
    [kari, 'guardian', 'sms', 'Sofie kommer senere i dag.'],
  );
  assert.equal(
    (await db.selectFrom('message_thread').select('pupil_id').where('id', '=', threadId).executeTakeFirstOrThrow())
      .pupil_id,
    sofie,
  );
  const again = await client.post(`/inbound-sms/${row.id}/placement`, { pupil_id: String(sofie) }, asTorunn);
  assert.equal(again.headers.get('location'), '/messages?done=already', 'handled once');
  assert.equal(
    (await client.post(`/inbound-sms/${row.id}/placement`, { pupil_id: String(jonas) }, asFatima)).status,
    404,
    'not for a teacher',
  );
});

test("an SMS from Kari's mobile lands in the thread the school last wrote to her in, and notifies the contact teacher", async () => {
  tick();
  const start = await client.post(
    `/children/${sofie}/messages`,
    { recipient: 'contact_teacher', subject: 'Turdag', body: 'Trenger Sofie matpakke på turdagen?' },
    asKari,
  );
  const threadId = Number(/messages\/(\d+)\?/.exec(start.headers.get('location')!)![1]);
  tick();
  assert.equal(
    (await client.post(`/messages/${threadId}/replies`, { body: 'Ja, og drikke. Svar gjerne på SMS.' }, asFatima))
      .status,
    303,
  );
  tick();
  const body = sms({ from: kariAsGatewaySends, text: 'Takk, det ordner vi!' });
  const res = await webhook(body);
  assert.deepEqual(await res.json(), { status: 'placed' });
  const messages = await messagesOf(threadId);
  const last = messages.at(-1)!;
  assert.deepEqual(
    [last.author_id, last.author_capacity, last.via, last.sender_number, last.body],
    [kari, 'guardian', 'sms', kariMobile, 'Takk, det ordner vi!'],
  );
  const told = await db
    .selectFrom('outbox')
    .select('recipient_person_id')
    .where('idempotency_key', 'like', `message:${last.id}:%`)
    .execute();
  assert.ok(
    told.some((r) => r.recipient_person_id === fatima),
    'the contact teacher is told',
  );
  assert.ok(!told.some((r) => r.recipient_person_id === kari), 'not the sender');

  const replay = await webhook(body);
  assert.equal(replay.status, 200);
  assert.deepEqual(await replay.json(), { status: 'duplicate' });
  assert.equal((await messagesOf(threadId)).length, messages.length, 'a retried webhook is stored once');
  assert.equal(
    Number(
      (
        await db
          .selectFrom('inbound_sms')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('provider_id', '=', JSON.parse(body).id)
          .executeTakeFirstOrThrow()
      ).n,
    ),
    1,
  );

  const page = await html(await client.get(`/messages/${threadId}`, asFatima));
  assert.match(
    Array.from(page.document.querySelectorAll('#thread-conversation li')).pop()!.textContent!,
    /Kari Nordmann \(foresatt\).*SMS.*Ny.*Takk, det ordner vi!/s,
  );
});

test('after 14 days without a word from the school, a reply no longer goes to that thread', async () => {
  const later = now;
  now = new Date(now.getTime() + 15 * 86_400_000);
  try {
    tick();
    const start = await client.post(
      `/children/${sofie}/messages`,
      { recipient: 'contact_teacher', subject: 'Gammel', body: 'Hei' },
      asKari,
    );
    assert.equal(start.status, 303);
    const res = await webhook(sms({ from: kariMobile, text: 'Ny beskjed' }));
    assert.deepEqual(
      await res.json(),
      { status: 'queued' },
      "her own message was last, and the school's answer is too old",
    );
  } finally {
    now = later;
  }
});

test("a guardian with one child: a new thread to the contact teacher, subject in the school's language", async () => {
  tick();
  const res = await webhook(sms({ from: await mobileOf(trine), text: 'Maja er hos lege og kommer ikke på skolen.' }));
  assert.deepEqual(await res.json(), { status: 'placed' });
  const thread = await db
    .selectFrom('message_thread')
    .selectAll()
    .where('pupil_id', '=', maja)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [thread.kind, thread.subject, thread.started_by],
    ['contact_teacher', 'SMS fra Trine Bakkeli', trine],
  );
  const teachers = await contactTeacherIdsForPupil(db, maja, TODAY);
  const [message] = await messagesOf(thread.id);
  const told = (
    await db
      .selectFrom('outbox')
      .select('recipient_person_id')
      .where('idempotency_key', 'like', `message:${message!.id}:%`)
      .execute()
  ).map((r) => r.recipient_person_id);
  for (const id of teachers) assert.ok(told.includes(id));
  assert.ok(!told.includes(await loginPersonId(db, 'guardian-blocked')), 'not the blocked father');
});

test("an unknown number goes to the office queue; leadership puts it in a book from the pupil's page, or dismisses it", async () => {
  tick();
  const body = new URLSearchParams({
    id: providerId(),
    from: '+47 912 00 000',
    to: '+47 59 00 00 11', // Bjørkelia's number, as a gateway may write it
    text: 'Hei, dette er bestemor til Sofie.',
  }).toString();
  const res = await webhook(body, { contentType: 'application/x-www-form-urlencoded' });
  assert.deepEqual(await res.json(), { status: 'queued' }, 'a form body works too');
  const row = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(row.guardian_id, null);
  const inbox = await html(await client.get('/messages', asTorunn));
  assert.match(
    inbox.document.querySelector(`#sms-${row.id}`)!.textContent!,
    /\+47 912 00 000.*bestemor.*elevens kort/s,
  );
  const pupilBook = await html(await client.get(`/pupils/${sofie}/messages`, asTorunn));
  const form = pupilBook.document.querySelector(`#sms-${row.id} form[action="/inbound-sms/${row.id}/placement"]`)!;
  assert.equal(form.querySelector('input[name="pupil_id"]')!.getAttribute('value'), String(sofie));
  const attached = await client.post(`/inbound-sms/${row.id}/placement`, { pupil_id: String(sofie) }, asTorunn);
  const threadId = Number(/^\/messages\/(\d+)/.exec(attached.headers.get('location')!)![1]);
  const [message] = await messagesOf(threadId);
  assert.deepEqual(
    [message!.author_id, message!.author_capacity, message!.sender_number],
    [null, 'unknown', '+4791200000'],
  );
  const kariSees = await html(await client.get(`/children/${sofie}/messages/${threadId}`, asKari));
  assert.match(
    kariSees.document.querySelector('#thread-conversation')!.textContent!,
    /Ukjent avsender \(\+47 912 00 000\).*bestemor/s,
  );

  const spam = await webhook(sms({ from: 'REKLAME', text: 'Vinn en iPhone!' }));
  assert.deepEqual(await spam.json(), { status: 'queued' });
  const spamRow = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const dismissed = await client.post(`/inbound-sms/${spamRow.id}/dismissal`, { return_to: '/messages' }, asTorunn);
  assert.equal(dismissed.headers.get('location'), '/messages?done=dismissed');
  const after = await html(await client.get('/messages?done=dismissed', asTorunn));
  assert.equal(after.document.querySelector(`#sms-${spamRow.id}`), null);
  assert.match(after.document.querySelector('[role="status"]')!.textContent!, /fjernet fra køen/);
});

test('delivery reports on the same webhook reach the SMS delivery status', async () => {
  await enqueueNotifications(db, [
    {
      recipientPersonId: kari,
      category: 'messages',
      eventType: 'message.new',
      payload: { threadId: 1 },
      idempotencyKey: 'test:delivery-report',
    },
  ]);
  const outbox = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', 'test:delivery-report')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('delivery')
    .values({
      outbox_id: outbox.id,
      channel: 'sms',
      status: 'sent',
      idempotency_key: 'test:delivery-report:sms',
      next_attempt_at: now,
      provider_message_id: 'prov-77',
      sent_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // 'delivery_report' is the older name of 'status', still accepted.
  const res = await webhook(JSON.stringify({ type: 'delivery_report', id: 'prov-77', status: 'DELIVRD' }));
  assert.deepEqual(await res.json(), { status: 'recorded', known: true });
  const delivery = await db
    .selectFrom('delivery')
    .select(['status', 'delivered_at'])
    .where('provider_message_id', '=', 'prov-77')
    .executeTakeFirstOrThrow();
  assert.equal(delivery.status, 'sent');
  assert.ok(delivery.delivered_at, 'delivered');
  assert.deepEqual(
    await (await webhook(JSON.stringify({ type: 'delivery_report', id: 'nobody', status: 'failed' }))).json(),
    { status: 'recorded', known: false },
  );
  assert.deepEqual(
    await (await webhook(JSON.stringify({ type: 'delivery_report', id: 'prov-77', status: 'buffered' }))).json(),
    { status: 'ignored', known: false },
  );
});

/** The ```json bodies of the README's "Inbound SMS" section, exactly as written there. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('**Inbound SMS**');
  assert.ok(start >= 0, 'the README documents the webhook');
  const section = readme.slice(start, readme.indexOf('\n### ', start));
  return Array.from(section.matchAll(/```json\n([\s\S]*?)\n```/g), (m) => m[1]!);
}

/** Who was told about a queued SMS (no content: just that there is one). */
const toldAbout = async (inboundId: number) =>
  (
    await db
      .selectFrom('outbox')
      .select('recipient_person_id')
      .where('event_type', '=', 'message.sms_queued')
      .where('idempotency_key', 'like', `inbound-sms:${inboundId}:%`)
      .execute()
  )
    .map((r) => r.recipient_person_id)
    .sort();
const inboundByProvider = (id: string) =>
  db.selectFrom('inbound_sms').selectAll().where('provider_id', '=', id).executeTakeFirstOrThrow();

test("the README's three example bodies work as documented: a reply, an unknown number, a status report", async () => {
  const examples = await readmeExamples();
  assert.equal(examples.length, 3, 'a reply, an unknown number and a status report');
  const [reply, unknown, status] = examples.map((body) => ({ body, json: JSON.parse(body) }));
  assert.deepEqual(
    [reply!.json.type, unknown!.json.type, status!.json.type],
    ['sms', 'sms', 'status'],
    'the documented type names',
  );

  tick();
  const placed = await webhook(reply!.body);
  assert.equal(placed.status, 200);
  assert.deepEqual(await placed.json(), { status: 'placed' }, "Trine's reply lands in Maja's book");
  const replyRow = await inboundByProvider(reply!.json.id);
  assert.deepEqual([replyRow.guardian_id, replyRow.school_id], [trine, bjorkelia]);
  const [message] = await messagesOf(replyRow.thread_id!);
  assert.deepEqual([message!.author_id, message!.body], [trine, 'Maja er syk i dag.']);

  tick();
  const queued = await webhook(unknown!.body);
  assert.equal(queued.status, 200);
  assert.deepEqual(await queued.json(), { status: 'queued' });
  const unknownRow = await inboundByProvider(unknown!.json.id);
  assert.deepEqual(
    [unknownRow.guardian_id, unknownRow.school_id, unknownRow.to_number],
    [null, bjorkelia, '0047 59 00 00 11'],
    "routed by the number that received it, however it was written; the gateway's text kept",
  );
  assert.equal(unknownRow.sent_at?.toISOString(), '2026-11-25T06:45:00.000Z', 'Unix seconds read');
  assert.deepEqual(
    await toldAbout(unknownRow.id),
    (await leadershipIdsForSchool(db, bjorkelia, TODAY)).sort(),
    "only Bjørkelia's leadership is told",
  );
  const torunn = await html(await client.get('/messages', asTorunn));
  assert.match(torunn.document.querySelector(`#sms-${unknownRow.id}`)?.textContent ?? '', /bestemor til Sofie/);
  const fjellheimView = await html(await client.get('/messages', asFjellheimRektor));
  assert.equal(fjellheimView.document.querySelector(`#sms-${unknownRow.id}`), null, 'not in another school’s queue');
  assert.ok(!fjellheimView.text.includes('bestemor til Sofie'));

  await enqueueNotifications(db, [
    {
      recipientPersonId: kari,
      category: 'messages',
      eventType: 'message.new',
      idempotencyKey: 'test:readme-status',
    },
  ]);
  const outbox = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', 'test:readme-status')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('delivery')
    .values({
      outbox_id: outbox.id,
      channel: 'sms',
      status: 'sent',
      idempotency_key: 'test:readme-status:sms',
      next_attempt_at: now,
      provider_message_id: status!.json.id,
      sent_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const recorded = await webhook(status!.body);
  assert.equal(recorded.status, 200);
  assert.deepEqual(await recorded.json(), { status: 'recorded', known: true });
  const delivery = await db
    .selectFrom('delivery')
    .select('delivered_at')
    .where('outbox_id', '=', outbox.id)
    .executeTakeFirstOrThrow();
  assert.ok(delivery.delivered_at, 'the delivery report reached the delivery');

  const formReport = new URLSearchParams({ type: 'status', id: status!.json.id, status: 'delivered' }).toString();
  assert.deepEqual(
    await (await webhook(formReport, { contentType: 'application/x-www-form-urlencoded' })).json(),
    { status: 'recorded', known: true },
    'form-encoded too',
  );
  assert.deepEqual(
    await (await webhook(sms({ type: 'inbound', from: '+4791200001', text: 'Gammelt navn' }))).json(),
    { status: 'queued' },
    "'inbound' is still accepted as the older name of 'sms'",
  );
});

test("an unknown number goes only to the office of the school whose number it wrote to; to no school's number it is kept as unroutable and shown to nobody", async () => {
  tick();
  const toFjellheim = await webhook(sms({ from: '+4791200002', to: FJELLHEIM_NUMBER, text: 'Til Fjellheim skule.' }));
  assert.deepEqual(await toFjellheim.json(), { status: 'queued' });
  const fjellheimRow = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(fjellheimRow.school_id, fjellheim);
  assert.deepEqual(await toldAbout(fjellheimRow.id), (await leadershipIdsForSchool(db, fjellheim, TODAY)).sort());
  const fjellheimView = await html(await client.get('/messages', asFjellheimRektor));
  assert.ok(fjellheimView.document.querySelector(`#sms-${fjellheimRow.id}`), "in Fjellheim's queue");
  const torunnView = await html(await client.get('/messages', asTorunn));
  assert.equal(torunnView.document.querySelector(`#sms-${fjellheimRow.id}`), null, "not in Bjørkelia's");
  assert.equal(
    (await client.post(`/inbound-sms/${fjellheimRow.id}/placement`, { pupil_id: String(sofie) }, asTorunn)).status,
    404,
    "Bjørkelia's rektor cannot place it",
  );
  assert.equal((await client.post(`/inbound-sms/${fjellheimRow.id}/dismissal`, {}, asTorunn)).status, 404);

  const logsBefore = client.logs.length;
  for (const to of ['+4759990000', '', 'Skolebro']) {
    tick();
    const body = sms({ from: '+4791200003', to, text: `Til et ukjent nummer (${to}).` });
    const res = await webhook(body);
    assert.equal(res.status, 200, 'the gateway must not retry');
    assert.deepEqual(await res.json(), { status: 'unroutable' }, `to ${JSON.stringify(to)}`);
    const row = await inboundByProvider(JSON.parse(body).id);
    assert.deepEqual([row.status, row.school_id, row.guardian_id], ['unroutable', null, null], 'kept');
    assert.deepEqual(await toldAbout(row.id), [], 'nobody is told');
    for (const who of [asTorunn, asFjellheimRektor]) {
      const view = await html(await client.get('/messages', who));
      assert.equal(view.document.querySelector(`#sms-${row.id}`), null, 'in no school’s queue');
      assert.ok(!view.text.includes('Til et ukjent nummer'));
    }
    assert.equal((await client.post(`/inbound-sms/${row.id}/dismissal`, {}, asTorunn)).status, 404);
  }
  const warnings = client.logs.slice(logsBefore).filter((l) => String(l.msg).includes('unroutable'));
  assert.equal(warnings.length, 3, 'each is logged');
  assert.ok(!JSON.stringify(warnings).includes('+4791200003'), "the sender's number is not logged");
});

test('a keyword first on the school number reaches the contact teacher or the SFO of that one child, else that school only', async () => {
  const sofieClass = await db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['c.name'])
    .where('e.pupil_id', '=', sofie)
    .where('e.ends_on', 'is', null)
    .executeTakeFirstOrThrow();
  // The child page shows the address: the school's number and the class as keyword, with an sms: link.
  const page = await html(await client.get(`/children/${sofie}`, asKari));
  assert.match(
    page.document.querySelector('#sms-contact-teacher')?.textContent ?? '',
    new RegExp(`begynn meldingen med «${sofieClass.name.toUpperCase()}»`),
  );
  assert.match(
    page.document.querySelector('section[aria-labelledby="sms-address"] a')?.getAttribute('href') ?? '',
    /^sms:\+?\d+\?body=/,
  );
  assert.equal(page.document.querySelector('#sms-sfo'), null, 'no SFO place, no SFO address');

  // Kari has two children at two schools; with the keyword her SMS goes straight to Sofie's book (no queue).
  tick();
  const res = await webhook(
    sms({ from: kariAsGatewaySends, text: `${sofieClass.name.toLowerCase()}: Sofie har feber og blir hjemme.` }),
  );
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'placed' });
  const row = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const thread = await db
    .selectFrom('message_thread')
    .select(['pupil_id', 'kind'])
    .where('id', '=', row.thread_id!)
    .executeTakeFirstOrThrow();
  assert.deepEqual([thread.pupil_id, thread.kind], [sofie, 'contact_teacher']);
  const placed = (await messagesOf(row.thread_id!)).at(-1)!;
  assert.deepEqual([placed.author_id, placed.via, placed.body], [kari, 'sms', 'Sofie har feber og blir hjemme.']);

  // "SFO …" with a place at the school's SFO: an SFO thread in Sofie's book.
  const sfo = (await db.selectFrom('sfo').select('id').where('school_id', '=', bjorkelia).executeTakeFirstOrThrow()).id;
  await db
    .insertInto('sfo_enrolment')
    .values({ sfo_id: sfo, pupil_id: sofie, starts_on: '2026-08-17', payer_id: kari })
    .execute();
  assert.match(
    (await html(await client.get(`/children/${sofie}`, asKari))).document.querySelector('#sms-sfo')?.textContent ?? '',
    /«SFO»/,
  );
  tick();
  await webhook(sms({ from: kariAsGatewaySends, text: 'SFO Sofie hentes av bestemor kl. 15.' }));
  const sfoRow = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(sfoRow.status, 'placed');
  const sfoThread = await db
    .selectFrom('message_thread')
    .select(['pupil_id', 'kind', 'sfo_id'])
    .where('id', '=', sfoRow.thread_id!)
    .executeTakeFirstOrThrow();
  assert.deepEqual([sfoThread.pupil_id, sfoThread.kind, sfoThread.sfo_id], [sofie, 'sfo', sfo]);
  assert.equal((await messagesOf(sfoRow.thread_id!)).at(-1)!.body, 'Sofie hentes av bestemor kl. 15.');

  // A class of that school where she has no child: that school's office queue, not the other school's.
  const otherClass = await db
    .selectFrom('class')
    .select('name')
    .where('school_id', '=', bjorkelia)
    .where('name', '!=', sofieClass.name)
    .executeTakeFirstOrThrow();
  tick();
  const queued = await webhook(sms({ from: kariAsGatewaySends, text: `${otherClass.name} Hei!` }));
  assert.deepEqual(await queued.json(), { status: 'queued' });
  const queuedRow = await db.selectFrom('inbound_sms').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const told = await db
    .selectFrom('outbox')
    .select('recipient_person_id')
    .where('event_type', '=', 'message.sms_queued')
    .where('idempotency_key', 'like', `inbound-sms:${queuedRow.id}:%`)
    .execute();
  assert.deepEqual(
    told.map((r) => r.recipient_person_id).sort(),
    [...(await leadershipIdsForSchool(db, bjorkelia, TODAY))].sort(),
    'only the school whose number it was',
  );
});
