import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { listBroadcastAudiences } from '../../src/domain/broadcasts/audience.ts';
import { sendBroadcast } from '../../src/domain/broadcasts/send.ts';

const db = await createDemoTestDb('2026-11-25');
let now = new Date('2026-11-25T09:00:00+01:00');
const client = createTestApp(db, {}, { clock: () => now });
const person = (key: DemoLoginKey) => loginPersonId(db, key);

const marius = await sessionCookie(db, await person('contact-teacher'), 'feide');
const rektor = await sessionCookie(db, await person('leadership'), 'feide');
const kari = await sessionCookie(db, await person('guardian'), 'idporten');
const pupil = await sessionCookie(db, await person('pupil'), 'feide');
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const classOf = async (name: string) =>
  (
    await db
      .selectFrom('class')
      .select('id')
      .where('school_id', '=', bjorkelia)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const class5a = await classOf('5A');
const family = await db
  .selectFrom('guardian_relation as r')
  .innerJoin('enrolment as e', 'e.pupil_id', 'r.pupil_id')
  .innerJoin('person as p', 'p.id', 'r.pupil_id')
  .innerJoin('person as g', 'g.id', 'r.guardian_id')
  .select([
    'r.guardian_id',
    'r.pupil_id',
    'p.given_name',
    'g.given_name as guardian_given',
    'g.family_name as guardian_family',
  ])
  .where('e.class_id', '=', class5a)
  .where('e.ends_on', 'is', null)
  .where('r.blocked', '=', false)
  .where('r.contact_person_only', '=', false)
  .where('r.parental_responsibility', '=', true)
  .orderBy('p.id')
  .orderBy('r.guardian_id')
  .executeTakeFirstOrThrow();
const parent = await sessionCookie(db, family.guardian_id, 'idporten');
const text = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
let broadcastUrl = '';

test('anonymous visitors are sent to log in; guardians and pupils have no sending pages', async () => {
  for (const path of ['/broadcasts', '/broadcasts/new', '/broadcasts/1']) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
  }
  assert.equal(
    (await client.post('/broadcasts', { audience: `class:${class5a}`, subject: 'x', body: 'y' })).status,
    303,
    'anonymous POST goes to login',
  );
  assert.equal((await client.get('/broadcasts/new', { cookie: kari })).status, 404);
  assert.equal(
    (await client.post('/broadcasts', { audience: `class:${class5a}`, subject: 'x', body: 'y' }, { cookie: kari }))
      .status,
    404,
  );
  assert.equal((await client.get('/broadcasts', { cookie: pupil })).status, 404);
  assert.equal((await client.get('/broadcasts/new', { cookie: pupil })).status, 404);
});

test('the new-notice form offers only what the teacher may reach; errors keep the text', async () => {
  const page = await html(await client.get('/broadcasts/new', { cookie: marius }));
  assert.ok(page.document.querySelector(`option[value="class:${class5a}"]`), '5A is offered');
  assert.equal(page.document.querySelector(`option[value="class:${await classOf('5B')}"]`), null, 'not 5B');
  assert.equal(page.document.querySelector('option[value^="school:"]'), null, 'not the whole school');
  assert.equal(page.document.querySelectorAll('h1').length, 1);

  const bad = await client.post(
    '/broadcasts',
    { audience: `class:${class5a}`, subject: '', body: 'Husk gymtøy på fredag.' },
    { cookie: marius },
  );
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(badPage.document.querySelector('#broadcast-body')?.textContent, 'Husk gymtøy på fredag.');
  assert.ok(badPage.document.querySelector(`option[value="class:${class5a}"][selected]`), 'the audience stays chosen');
  assert.match(text(badPage.document, '[role="alert"]'), /Skriv et emne/);
  assert.equal(badPage.document.querySelector('#broadcast-subject')?.getAttribute('aria-invalid'), 'true');

  const other = await client.post(
    '/broadcasts',
    { audience: `class:${await classOf('5B')}`, subject: 'Gymtøy', body: 'Husk gymtøy.' },
    { cookie: marius },
  );
  assert.equal(other.status, 404, 'a class he does not teach does not exist for him');
  assert.equal((await db.selectFrom('broadcast').select('id').execute()).length, 0, 'nothing was sent');
});

test('sending redirects to the notice with its recipients, all unread', async () => {
  const res = await client.post(
    '/broadcasts',
    { audience: `class:${class5a}`, subject: 'Gymtøy', body: 'Husk gymtøy på fredag.' },
    { cookie: marius },
  );
  assert.equal(res.status, 303);
  broadcastUrl = res.headers.get('location')!.split('?')[0]!;
  const count = (await db.selectFrom('broadcast_recipient').select('guardian_id').execute()).length;
  assert.equal(res.headers.get('location'), `${broadcastUrl}?sent=${count}`);
  const page = await html(await client.get(res.headers.get('location')!, { cookie: marius }));
  assert.match(text(page.document, '[role="status"]'), new RegExp(`sendt til ${count} foresatte`));
  assert.match(text(page.document, '#read-count'), new RegExp(`^0 av ${count} har lest$`));
  const rows = Array.from(page.document.querySelectorAll('tbody tr'));
  assert.equal(rows.length, Math.min(count, 50));
  const row = rows.find((r) => r.textContent?.includes(`${family.guardian_given} ${family.guardian_family}`))!;
  assert.match(row.textContent ?? '', new RegExp(family.given_name));
  assert.match(row.textContent ?? '', /Ikke lest/);

  const list = await html(await client.get('/broadcasts', { cookie: marius }));
  assert.match(text(list.document, 'main'), new RegExp(`Gymtøy.*0 av ${count} har lest`));
  assert.equal((await client.get(broadcastUrl, { cookie: rektor })).status, 200, "the school's leadership may look");
  assert.equal(
    (await client.get(broadcastUrl, { cookie: await sessionCookie(db, await person('teacher'), 'feide') })).status,
    404,
    'another teacher may not',
  );
});

test('the guardian opens their own copy; the sender then sees it read', async () => {
  const list = await html(await client.get('/broadcasts', { cookie: parent }));
  const item = Array.from(list.document.querySelectorAll('main li')).find((li) => li.textContent?.includes('Gymtøy'))!;
  assert.match(item.textContent ?? '', /Ny/);
  assert.match(item.textContent ?? '', new RegExp(`Til foresatte til ${family.given_name}`));

  now = new Date('2026-11-25T10:15:00+01:00');
  const copy = await html(await client.get(broadcastUrl, { cookie: parent }));
  assert.equal(text(copy.document, 'h1'), 'Gymtøy');
  assert.match(text(copy.document, 'main'), new RegExp(`Til foresatte til ${family.given_name}`));
  assert.match(text(copy.document, 'main'), /Husk gymtøy på fredag\./);
  assert.equal(copy.document.querySelector('table'), null, 'no recipient list for a guardian');
  assert.doesNotMatch(copy.text, /Ikke lest|har lest/);

  const status = await html(await client.get(broadcastUrl, { cookie: marius }));
  assert.match(text(status.document, '#read-count'), /^1 av \d+ har lest$/);
  const row = Array.from(status.document.querySelectorAll('tbody tr')).find((r) =>
    r.textContent?.includes(`${family.guardian_given} ${family.guardian_family}`),
  )!;
  assert.match(row.textContent ?? '', /Lest 25\.11\.2026 10:15/);

  assert.equal((await client.get(broadcastUrl, { cookie: kari })).status, 404, 'another family never sees it');
});

test('the guardian home shows the notification linking to the copy', async () => {
  let res = await client.get('/home', { cookie: parent });
  if (res.status === 302) {
    await client.post('/consent/general/deferral', {}, { cookie: parent });
    res = await client.get('/home', { cookie: parent });
  }
  const home = await html(res);
  const link = Array.from(home.document.querySelectorAll('a')).find((a) => a.getAttribute('href') === broadcastUrl);
  assert.ok(link, 'a link to the notice');
  assert.match(link.textContent ?? '', /Kunngjøring fra Bjørkelia skole: «Gymtøy»/);
});

test('a notice to an SFO says it is from the SFO, not from the school', async () => {
  const berit = (await loadActor(db, await person('sfo-leader'), 'feide', '2026-11-25'))!;
  const [sfo] = await listBroadcastAudiences(db, berit, '2026-11-25');
  assert.equal(sfo?.kind, 'sfo');
  const sent = await sendBroadcast(
    db,
    berit,
    sfo!,
    { subject: 'SFO stengt', body: 'Stengt i romjulen.' },
    '2026-11-25',
    now,
  );
  assert.ok(sent.ok);
  const guardian = await db
    .selectFrom('broadcast_recipient')
    .select('guardian_id')
    .where('broadcast_id', '=', sent.id)
    .orderBy('guardian_id')
    .executeTakeFirstOrThrow();
  const cookie = await sessionCookie(db, guardian.guardian_id, 'idporten');
  await client.post('/consent/general/deferral', {}, { cookie });
  const home = await html(await client.get('/home', { cookie }));
  const link = Array.from(home.document.querySelectorAll('a')).find(
    (a) => a.getAttribute('href') === `/broadcasts/${sent.id}`,
  );
  assert.ok(link, 'a link to the notice');
  assert.equal(link.textContent?.replace(/\s+/g, ' ').trim(), `Kunngjøring fra ${sfo!.name}: «SFO stengt»`);
  const list = await html(await client.get('/broadcasts', { cookie }));
  assert.equal(text(list.document, 'h1'), 'Kunngjøringer til deg');
  const item = Array.from(list.document.querySelectorAll('main li')).find((li) =>
    li.textContent?.includes('SFO stengt'),
  )!;
  assert.match(item.textContent ?? '', new RegExp(sfo!.name));
  assert.doesNotMatch(item.textContent ?? '', new RegExp(sfo!.schoolName));
});

test("the child's news tab lists the latest notices about the child", async () => {
  const page = await html(await client.get(`/children/${family.pupil_id}/news`, { cookie: parent }));
  const box = page.document.querySelector('[aria-labelledby="latest-broadcasts-heading"]');
  assert.match(box?.textContent ?? '', new RegExp(`Siste kunngjøringer om ${family.given_name}[\\s\\S]*Gymtøy`));
  assert.ok(box?.querySelector(`a[href="${broadcastUrl}"]`));
});
