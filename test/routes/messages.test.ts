import assert from 'node:assert/strict';
import { test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { runOutbox } from '../../src/domain/delivery/worker.ts';
import { contactTeacherIdsForPupil } from '../../src/domain/notifications/outbox.ts';
import { testDeliveryDeps } from '../support/delivery.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
let now = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);
await giveDemoGeneralConsent(db);
const client = createTestApp(db, {}, { clock: () => now });
const tick = () => (now = new Date(now.getTime() + 60_000));

const sofie = await personNamed(db, 'Sofie', 'Nordmann');
const jonas = await personNamed(db, 'Jonas', 'Nordmann');
const kari = await loginPersonId(db, 'guardian');
const fatima = (await contactTeacherIdsForPupil(db, sofie, TODAY))[0]!;
const asKari = { cookie: await sessionCookie(db, kari, 'idporten') };
const asAnders = { cookie: await sessionCookie(db, await personNamed(db, 'Anders', 'Nordmann'), 'idporten') };
const asOla = { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian-private'), 'idporten') };
const asFatima = { cookie: await sessionCookie(db, fatima, 'feide') };
const asMarius = { cookie: await sessionCookie(db, await loginPersonId(db, 'contact-teacher'), 'feide') };
const asRandi = { cookie: await sessionCookie(db, await loginPersonId(db, 'school-owner'), 'feide') };
const asTorunn = { cookie: await sessionCookie(db, await loginPersonId(db, 'leadership'), 'feide') };
const book = `/children/${sofie}/messages`;

const messageCount = async () =>
  Number(
    (
      await db
        .selectFrom('message')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Kari writes a new message to Sofie's contact teacher; returns the thread URL. */
async function kariWrites(subject: string, body: string): Promise<string> {
  tick();
  const res = await client.post(book, { recipient: 'contact_teacher', subject, body }, asKari);
  assert.equal(res.status, 303);
  const location = res.headers.get('location')!;
  assert.match(location, new RegExp(`^/children/${sofie}/messages/\\d+\\?sent=1#message-\\d+$`));
  return location.replace(/\?.*$/, '');
}

test("the guardian's book: the composer with recipients, the warning tied to the text, no SFO for a child without one", async () => {
  const { document } = await html(await client.get(book, asKari));
  assert.match(document.querySelector('h2')!.textContent!, /Meldingsboka til Sofie/);
  assert.equal(document.querySelector('nav [aria-current="page"]')!.textContent, 'Meldinger');
  const legend = document.querySelector('#new-message fieldset legend')!;
  assert.equal(legend.textContent, 'Hvem vil du skrive til?');
  const recipients = Array.from(document.querySelectorAll('input[name="recipient"]')).map((r) =>
    r.getAttribute('value'),
  );
  assert.deepEqual(recipients, ['contact_teacher', 'school_office']);
  const textarea = document.querySelector('#message-body')!;
  assert.match(textarea.getAttribute('aria-describedby')!, /message-warning/);
  assert.match(
    document.querySelector('#message-warning')!.textContent!,
    /diagnoser.*Sofie er syk\/hos lege\/hos tannlege, og kommer ikke på skolen/s,
  );
});

test('another family, staff, and a guardian on the staff inbox get 404', async () => {
  assert.equal((await client.get(book, asOla)).status, 404);
  assert.equal((await client.post(book, { recipient: 'contact_teacher', subject: 'x', body: 'y' }, asOla)).status, 404);
  assert.equal((await client.get(book, asFatima)).status, 404, 'staff have no guardian pages');
  assert.equal((await client.get('/messages', asKari)).status, 404);
  assert.equal((await client.get(`/pupils/${sofie}/messages`, asKari)).status, 404);
  assert.equal(
    (await client.get(`/pupils/${sofie}/messages`, asRandi)).status,
    404,
    'the school owner has no message book',
  );
});

test('422 keeps what was typed, with a message per field and an error summary', async () => {
  const before = await messageCount();
  const long = 'Sofie er syk. '.repeat(300);
  const res = await client.post(book, { subject: 'Fravær', body: long }, asKari);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#message-body')!.textContent, long, 'the text is kept');
  assert.equal(document.querySelector('#message-subject')!.getAttribute('value'), 'Fravær');
  const summary = Array.from(document.querySelectorAll('[role="alert"] a')).map((a) => [
    a.getAttribute('href'),
    a.textContent,
  ]);
  assert.deepEqual(summary, [
    ['#message-recipient-contact_teacher', 'Velg hvem du vil skrive til'],
    ['#message-body', 'Meldingen kan ha høyst 4000 tegn'],
  ]);
  assert.equal(document.querySelector('#message-body')!.getAttribute('aria-invalid'), 'true');
  assert.match(document.querySelector('#message-body')!.getAttribute('aria-describedby')!, /message-body-error/);
  const sfo = await client.post(book, { recipient: 'sfo', subject: 'x', body: 'y' }, asKari);
  assert.equal(sfo.status, 422, 'the SFO is not offered for Sofie');
  assert.equal(await messageCount(), before, 'nothing stored');
});

test('Kari writes, the contact teacher sees it unread, opens it, replies; Kari sees the reply as new', async () => {
  const thread = await kariWrites('Tannlege', 'Sofie er hos tannlegen i morgen tidlig.');
  const threadId = Number(thread.split('/').pop());
  const page = await html(await client.get(`${thread}?sent=1`, asKari));
  assert.match(page.document.querySelector('[role="status"]')!.textContent!, /Meldingen er sendt/);
  assert.match(page.document.querySelector('#thread-conversation')!.textContent!, /Deg.*Sofie er hos tannlegen/s);

  const inbox = await html(await client.get('/messages', asFatima));
  const item = inbox.document.querySelector(`a[href="/messages/${threadId}"]`)!;
  assert.equal(item.textContent, 'Tannlege');
  assert.match(item.closest('li')!.textContent!, /Ny.*Sofie Nordmann/s);
  assert.equal((await client.get(`/messages/${threadId}`, asMarius)).status, 404, "another class's contact teacher");

  const open = await html(await client.get(`/messages/${threadId}`, asFatima));
  assert.match(open.document.querySelector('h1')!.textContent!, /Tannlege/);
  assert.match(open.document.querySelector('#thread-conversation li')!.textContent!, /Kari Nordmann \(foresatt\).*Ny/s);
  const after = await html(await client.get('/messages', asFatima));
  assert.doesNotMatch(
    after.document.querySelector(`a[href="/messages/${threadId}"]`)!.closest('li')!.textContent!,
    /Ny/,
    'read now',
  );

  tick();
  const reply = await client.post(`/messages/${threadId}/replies`, { body: 'Takk, da vet vi det.' }, asFatima);
  assert.equal(reply.status, 303);
  assert.match(reply.headers.get('location')!, new RegExp(`^/messages/${threadId}\\?sent=1#message-\\d+$`));
  const list = await html(await client.get(book, asKari));
  assert.match(list.document.querySelector(`a[href="${thread}"]`)!.closest('li')!.textContent!, /Ny/);
  const seen = await html(await client.get(thread, asKari));
  const last = Array.from(seen.document.querySelectorAll('#thread-conversation li')).pop()!;
  assert.match(last.textContent!, /\(kontaktlærer\).*Ny.*Takk, da vet vi det\./s);
  const again = await html(await client.get(book, asKari));
  assert.doesNotMatch(again.document.querySelector(`a[href="${thread}"]`)!.closest('li')!.textContent!, /Ny/);
  assert.match(
    (await html(await client.get(book, asAnders))).document.querySelector(`a[href="${thread}"]`)!.closest('li')!
      .textContent!,
    /Ny/,
    'Anders has not read it',
  );

  const home = await html(await client.get('/home', asKari));
  const notice = Array.from(home.document.querySelectorAll('#notifications-heading ~ ul a')).find((a) =>
    /Ny melding i meldingsboka til Sofie/.test(a.textContent!),
  );
  assert.equal(notice?.getAttribute('href'), thread, 'the home page notification links to the thread');
});

test('htmx: a reply swaps the conversation and empties the form; 422 keeps the text', async () => {
  const thread = await kariWrites('Bursdag', 'Kan Sofie ta med kake på fredag?');
  const htmx = { ...asKari, 'hx-request': 'true', 'hx-target': 'div#thread-conversation' };
  tick();
  const ok = await client.post(`${thread}/replies`, { body: 'Og saft?' }, htmx);
  assert.equal(ok.status, 200);
  const fragment = await html(ok);
  assert.doesNotMatch(fragment.text, /<html/);
  assert.ok(fragment.document.querySelector('#thread-conversation'));
  assert.match(Array.from(fragment.document.querySelectorAll('li')).pop()!.textContent!, /Deg.*Og saft\?/s);
  assert.equal(fragment.document.querySelector('#reply-body')!.textContent, '', 'the form is empty again');
  assert.match(fragment.document.querySelector('#reply-body')!.getAttribute('aria-describedby')!, /reply-warning/);

  const bad = await client.post(`${thread}/replies`, { body: '   ' }, htmx);
  assert.equal(bad.status, 422);
  const badFragment = await html(bad);
  assert.ok(badFragment.document.querySelector('#thread-conversation [role="alert"]'));
  const long = 'x'.repeat(4001);
  const tooLong = await html(await client.post(`${thread}/replies`, { body: long }, htmx));
  assert.equal(tooLong.document.querySelector('#reply-body')!.textContent, long, 'kept');
  const plain = await client.post(`${thread}/replies`, { body: long }, asKari);
  assert.equal(plain.status, 422);
  assert.ok((await html(plain)).document.querySelector('h1'), 'without htmx: the whole page');
});

test('staff start a thread from the pupil card; every guardian with access is told', async () => {
  const card = await html(await client.get(`/pupils/${sofie}`, asFatima));
  assert.ok(card.document.querySelector(`a[href="/pupils/${sofie}/messages"]`), 'a link on the pupil card');
  const page = await html(await client.get(`/pupils/${sofie}/messages`, asFatima));
  assert.match(page.document.querySelector('h1')!.textContent!, /Meldingsbok – Sofie Nordmann/);
  assert.match(page.document.querySelector('#message-body')!.getAttribute('aria-describedby')!, /message-warning/);
  const bad = await client.post(`/pupils/${sofie}/messages`, { subject: '', body: 'Husk turtøy.' }, asFatima);
  assert.equal(bad.status, 422);
  assert.equal((await html(bad)).document.querySelector('#message-body')!.textContent, 'Husk turtøy.');
  assert.equal((await client.post(`/pupils/${sofie}/messages`, { subject: 'Tur', body: 'x' }, asMarius)).status, 404);
  tick();
  const ok = await client.post(
    `/pupils/${sofie}/messages`,
    { subject: 'Tur', body: 'Husk turtøy på torsdag.' },
    asFatima,
  );
  assert.equal(ok.status, 303);
  const threadId = Number(/^\/messages\/(\d+)\?sent=1/.exec(ok.headers.get('location')!)![1]);
  const thread = await db
    .selectFrom('message_thread')
    .select(['kind', 'started_by'])
    .where('id', '=', threadId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(thread, { kind: 'contact_teacher', started_by: fatima });
  const message = await db
    .selectFrom('message')
    .select('id')
    .where('thread_id', '=', threadId)
    .executeTakeFirstOrThrow();
  const told = await db
    .selectFrom('outbox')
    .select('recipient_person_id')
    .where('idempotency_key', 'like', `message:${message.id}:%`)
    .execute();
  assert.equal(told.length, 2, 'Kari and Anders');
  const kariBook = await html(await client.get(book, asKari));
  assert.ok(kariBook.document.querySelector(`a[href="/children/${sofie}/messages/${threadId}"]`), "in Kari's book");
  const torunnSees = await client.get(`/messages/${threadId}`, asTorunn);
  assert.equal(torunnSees.status, 200, 'school administration sees it');
});

test('the book is paginated: 20 threads a page, newest first', async () => {
  const child = `/children/${jonas}/messages`;
  for (let i = 1; i <= 22; i++) {
    tick();
    assert.equal(
      (await client.post(child, { recipient: 'school_office', subject: `Melding ${i}`, body: 'Hei' }, asKari)).status,
      303,
    );
  }
  const first = await html(await client.get(child, asKari));
  const subjects = Array.from(first.document.querySelectorAll('#child-section ul[role="list"] li a')).map(
    (a) => a.textContent,
  );
  assert.equal(subjects.length, 20);
  assert.equal(subjects[0], 'Melding 22');
  assert.equal(first.document.querySelector('a[rel="next"]')!.getAttribute('href'), `${child}?page=2`);
  const second = await html(await client.get(`${child}?page=2`, asKari));
  assert.deepEqual(
    Array.from(second.document.querySelectorAll('#child-section ul[role="list"] li a')).map((a) => a.textContent),
    ['Melding 2', 'Melding 1'],
  );
});

test('the author sees how each guardian was told about their message: queued, then SMS and e-mail sent or not, with the reason', async () => {
  tick();
  const ok = await client.post(
    `/pupils/${sofie}/messages`,
    { subject: 'Foreldresamtale', body: 'Passer det tirsdag kl. 14?' },
    asFatima,
  );
  const threadId = Number(/^\/messages\/(\d+)\?sent=1/.exec(ok.headers.get('location')!)![1]);
  const notices = async (cookie: { cookie: string }) =>
    Array.from(
      (await html(await client.get(`/messages/${threadId}`, cookie))).document.querySelectorAll('details li'),
    ).map((li) => li.textContent);
  assert.deepEqual((await notices(asFatima)).sort(), [
    'Anders Nordmann: SMS: i kø · E-post: i kø',
    'Kari Nordmann: SMS: i kø · E-post: i kø',
  ]);

  const anders = await personNamed(db, 'Anders', 'Nordmann');
  await db.updateTable('contact_info').set({ sms_enabled: false }).where('person_id', '=', anders).execute();
  const deps = testDeliveryDeps(db);
  while ((await runOutbox(db, deps, now)).claimed > 0);
  const after = await notices(asFatima);
  assert.ok(
    after.includes('Anders Nordmann: SMS: ikke sendt (mottakeren har reservert seg mot SMS) · E-post: sendt'),
    after.join(' | '),
  );
  assert.ok(
    after.some((line) => line?.startsWith('Kari Nordmann: SMS: sendt')),
    after.join(' | '),
  );
  assert.deepEqual(await notices(asTorunn), [], 'only the author sees it on their own messages');
  const kariThread = await html(await client.get(`/children/${sofie}/messages/${threadId}`, asKari));
  assert.equal(
    kariThread.document.querySelectorAll('details li').length,
    0,
    "guardians do not see other guardians' notices",
  );
});
