import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId, personNamed } from '../support/fixtures.ts';

/**
 * A kindergarten child's message book (issue 13, items 1 and 5): Kari Nordmann writes about Nora to Bjørnehiet; its
 * pedagogical leader Sondre Lie and staff Amina Haddad and the styrer Hilde Moen read and answer from /messages;
 * everyone else gets a 404.
 */
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });

const as = async (id: number, via: 'idporten' | 'feide') => ({ cookie: await sessionCookie(db, id, via) });

const kariId = await loginPersonId(db, 'guardian');
const nora = await childOf(db, kariId, 'Nora');
const kari = await as(kariId, 'idporten');
const sondreId = await loginPersonId(db, 'pedagogical-leader');
const sondre = await as(sondreId, 'feide');
const amina = await as(await loginPersonId(db, 'kindergarten-staff'), 'feide');
const hilde = await as(await loginPersonId(db, 'kindergarten-leader'), 'feide');
const outsiders = {
  'Kari with Feide (not as guardian)': await as(kariId, 'feide'),
  'another guardian (Ola)': await as(await loginPersonId(db, 'guardian-private'), 'idporten'),
  "another department's pedagogical leader (Vilde, Maurtua)": await as(await personNamed(db, 'Vilde', 'Aune'), 'feide'),
  'school leadership': await as(await loginPersonId(db, 'leadership'), 'feide'),
  "the sibling's contact teacher": await as(await loginPersonId(db, 'contact-teacher'), 'feide'),
  'the SFO leader': await as(await loginPersonId(db, 'sfo-leader'), 'feide'),
};
const book = `/care/children/${nora}/messages`;
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let threadId = 0;

test("Nora's care page links to her message book; the book says who reads it", async () => {
  const care = await html(await client.get(`/care/children/${nora}`, kari));
  assert.equal(care.document.querySelector('#care-messages a')?.getAttribute('href'), book);
  const response = await client.get(book, kari);
  assert.equal(response.status, 200);
  const { document } = await html(response);
  assert.equal(textOf(document, 'h1'), 'Meldinger om Nora');
  assert.match(textOf(document, '#new-message'), /Til: avdelingen Bjørnehiet/);
});

test('Kari starts a thread: 422 keeps her text with the errors, then 303 to the thread; she replies', async () => {
  const invalid = await client.post(book, { subject: '', body: 'Nora har vondt i magen <b>i dag</b>' }, kari);
  assert.equal(invalid.status, 422);
  const { document: refused, text } = await html(invalid);
  assert.match(textOf(refused, '[role="alert"]'), /Skriv et emne/);
  assert.equal(textOf(refused, '#message-subject-error'), 'Skriv et emne');
  assert.match(text, /Nora har vondt i magen &lt;b>i dag&lt;\/b>/, 'the text is kept, escaped');
  assert.doesNotMatch(text, /<b>i dag/);

  const sent = await client.post(book, { subject: 'Matpakke', body: 'Nora har glemt matpakken.' }, kari);
  assert.equal(sent.status, 303);
  const location = sent.headers.get('location') ?? '';
  const match = location.match(new RegExp(`^${book}/(\\d+)\\?sent=1#message-\\d+$`));
  assert.ok(match, location);
  threadId = Number(match[1]);
  const thread = await db.selectFrom('message_thread').selectAll().where('id', '=', threadId).executeTakeFirstOrThrow();
  assert.equal(thread.kind, 'kindergarten');
  assert.equal(thread.school_id, null);
  assert.ok(thread.kindergarten_department_id);

  const page = await html(await client.get(`${book}/${threadId}?sent=1`, kari));
  assert.equal(textOf(page.document, 'h1'), 'Matpakke');
  assert.match(page.text, /Nora har glemt matpakken\./);
  assert.match(page.text, /Til: avdelingen Bjørnehiet/);
  const reply = await client.post(`${book}/${threadId}/replies`, { body: 'Kan dere gi henne en brødskive?' }, kari);
  assert.equal(reply.status, 303);
  const list = await html(await client.get(book, kari));
  assert.ok(list.document.querySelector(`a[href="${book}/${threadId}"]`), 'the thread is in her book');
});

test('the department and the styrer are notified, the author is not', async () => {
  const rows = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'payload'])
    .where('event_type', '=', 'message.new')
    .where(({ ref }) => ref('payload', '->>').key('threadId' as never), '=', String(threadId) as never)
    .execute();
  const ids = new Set(rows.map((r) => r.recipient_person_id));
  assert.ok(ids.has(sondreId), 'the pedagogical leader');
  assert.ok(ids.has(await loginPersonId(db, 'kindergarten-staff')), 'the staff');
  assert.ok(ids.has(await loginPersonId(db, 'kindergarten-leader')), 'the styrer');
  assert.ok(!ids.has(await personNamed(db, 'Vilde', 'Aune')), 'not another department');
  assert.ok(!ids.has(await loginPersonId(db, 'leadership')), 'not the school');
  const kariRows = rows.filter((r) => r.recipient_person_id === kariId);
  assert.equal(kariRows.length, 0, 'Kari wrote both messages');
});

test('Sondre, Amina and Hilde see it unread in their inbox, read it and reply; Kari sees the answers', async () => {
  const staffHome = await html(await client.get('/home', amina));
  assert.ok(staffHome.document.querySelector('nav a[href="/messages"]'), 'the staff navigation has Meldinger');
  assert.match(staffHome.text, /1 ulest melding/, "the staff home counts the department's unread thread");
  for (const [who, cookie, capacity] of [
    ['Sondre', sondre, 'pedagogisk leder'],
    ['Amina', amina, 'barnehagen'],
    ['Hilde', hilde, 'styrer'],
  ] as const) {
    const inbox = await html(await client.get('/messages', cookie));
    const link = inbox.document.querySelector(`a[href="/messages/${threadId}"]`);
    assert.ok(link, `${who} has the thread in the inbox`);
    assert.match(inbox.text, /1 uleste/, `${who}: the unread count`);
    const thread = await client.get(`/messages/${threadId}`, cookie);
    assert.equal(thread.status, 200, who);
    const { document, text } = await html(thread);
    assert.match(text, /Nora har glemt matpakken\./);
    assert.match(text, /Nora Nordmann · Til: avdelingen Bjørnehiet/);
    assert.equal(document.querySelector('main a[href^="/pupils/"]'), null, `${who}: no school book link`);
    const replied = await client.post(`/messages/${threadId}/replies`, { body: `Svar fra ${who}` }, cookie);
    assert.equal(replied.status, 303, who);
    const after = await html(await client.get(`${book}/${threadId}`, kari));
    assert.ok(after.text.includes(`(${capacity})`), `${who} writes as ${capacity}`);
  }
  const payloads = await db
    .selectFrom('outbox')
    .select('payload')
    .where('recipient_person_id', '=', kariId)
    .where('event_type', '=', 'message.new')
    .execute();
  assert.ok(
    payloads.some((r) => JSON.stringify(r.payload) === JSON.stringify({ threadId, kindergarten: true })),
    'Kari is notified of the answers',
  );
  // the home's notices link to the kindergarten book, not the school's (Kari has decided on the general consent)
  await db
    .insertInto('general_consent')
    .values({ guardian_id: kariId, state: 'given', decided_at: new Date() })
    .onConflict((oc) => oc.column('guardian_id').doNothing())
    .execute();
  const home = await html(await client.get('/home', kari));
  assert.ok(
    home.document.querySelector(`a[href="${book}/${threadId}"]`),
    "the notice on Kari's home leads to the book",
  );
  const page = await html(await client.get(`${book}/${threadId}`, kari));
  for (const who of ['Sondre', 'Amina', 'Hilde']) assert.match(page.text, new RegExp(`Svar fra ${who}`));
});

test('an htmx reply gets only the conversation', async () => {
  const response = await client.post(
    `/messages/${threadId}/replies`,
    { body: 'Hun fikk brødskive.' },
    { ...sondre, 'hx-request': 'true', 'hx-target': '#thread-conversation' },
  );
  assert.equal(response.status, 200);
  const { text } = await html(response);
  assert.match(text, /Hun fikk brødskive\./);
  assert.doesNotMatch(text, /<html/);
});

test('everyone else gets a 404: the thread, the replies, the book, and nothing in the inbox', async () => {
  for (const [who, cookie] of Object.entries(outsiders)) {
    for (const path of [`/messages/${threadId}`, `${book}/${threadId}`, book]) {
      const response = await client.get(path, cookie);
      assert.equal(response.status, 404, `${who}: GET ${path}`);
    }
    for (const path of [`/messages/${threadId}/replies`, `${book}/${threadId}/replies`])
      assert.equal((await client.post(path, { body: 'Hei' }, cookie)).status, 404, `${who}: POST ${path}`);
    assert.equal((await client.post(book, { subject: 'Hei', body: 'Hei' }, cookie)).status, 404, `${who}: new`);
    const inbox = await client.get('/messages', cookie);
    if (inbox.status === 200) assert.ok(!(await inbox.text()).includes(`/messages/${threadId}"`), `${who}: inbox`);
  }
  // the department's staff answer from the inbox, not from the guardian's book
  assert.equal((await client.get(book, sondre)).status, 404);
  assert.equal((await client.post(book, { subject: 'Hei', body: 'Hei' }, hilde)).status, 404);
});
