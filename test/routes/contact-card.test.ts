import assert from 'node:assert/strict';
import { test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { leadershipIdsForSchool } from '../../src/domain/notifications/outbox.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
await giveDemoGeneralConsent(db); // not about the general consent gate (G2): Kari and Ola have decided
const client = createTestApp(db);

const kari = await loginPersonId(db, 'guardian');
const asKari = { cookie: await sessionCookie(db, kari, 'idporten') };
const htmx = { ...asKari, 'hx-request': 'true', 'hx-target': 'section#contact-details' };

const contactOf = (personId: number) =>
  db
    .selectFrom('contact_info')
    .select(['email', 'mobile', 'phone', 'sms_enabled', 'updated_at'])
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
const auditRows = (action: string, personId = kari) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_person_id', 'actor_role', 'details'])
    .where('action', '=', action)
    .where('subject_person_id', '=', personId)
    .orderBy('id')
    .execute();
const schoolId = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const details = (overrides: Record<string, string>) => ({
  email: 'kari@eksempel.no',
  mobile: '412 34 567',
  phone: '',
  ...overrides,
});

test('anonymous visitors are sent to log in; staff and pupils find no contact card', async () => {
  const res = await client.get('/me/contact');
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), '/login?return_to=%2Fme%2Fcontact');
  for (const path of [
    '/me/contact/details',
    '/me/contact/sms',
    '/me/contact/notification-settings',
    '/me/contact/address-reports',
  ]) {
    const post = await client.post(path, { enabled: 'false', confirm: 'yes', what: 'x', mobile: '41234567' });
    assert.equal(post.status, 303, path);
    assert.match(post.headers.get('location') ?? '', /^\/login/, path);
  }
  for (const key of ['contact-teacher', 'leadership', 'pupil'] as const) {
    const cookie = await sessionCookie(db, await loginPersonId(db, key), 'feide');
    assert.equal((await client.get('/me/contact', { cookie })).status, 404, key);
    const before = await contactOf(await loginPersonId(db, key)).catch(() => null);
    const post = await client.post('/me/contact/details', details({ mobile: '99 88 77 66' }), { cookie });
    assert.equal(post.status, 404, key);
    assert.deepEqual(await contactOf(await loginPersonId(db, key)).catch(() => null), before, `${key}: nothing saved`);
    assert.equal((await client.post('/me/contact/address-reports', { what: 'Feil' }, { cookie })).status, 404, key);
    const home = await html(await client.get('/home', { cookie }));
    assert.equal(home.document.querySelector('header a[href="/me/contact"]'), null, `${key}: no contact card link`);
  }
});

test('the guardian sees her name, whose schools see the numbers, the SMS warning and a link from home', async () => {
  const { document } = await html(await client.get('/me/contact', asKari));
  const main = document.querySelector('main')!.textContent!;
  assert.match(main, /Kari Nordmann/);
  assert.match(main, /Sofie Nordmann – Bjørkelia skole, 3A/);
  assert.match(main, /Jonas Nordmann – Fjellheim skule, 6A/);
  assert.match(
    document.querySelector('#contact-mobile')!.getAttribute('value')!,
    /^\+47 [49]\d{2} \d{2} \d{3}$/,
    'mobile shown for humans',
  );
  assert.match(document.querySelector('#contact-sms')!.textContent!, /beredskapssituasjon.*uvær/);
  const home = await html(await client.get('/home', asKari));
  assert.ok(home.document.querySelector('header a[href="/me/contact"]'), 'header link');
  assert.ok(home.document.querySelector('main a[href="/me/contact"]'), 'link on the guardian home');
});

test('mobile numbers typed the usual ways are stored as +47 and 8 digits, and shown as +47 412 34 567', async () => {
  const examples: [string, string][] = [
    ['412 34 567', '+4741234567'],
    ['+47 912 34 567', '+4791234567'],
    ['0047 41234568', '+4741234568'],
    ['412-34-569', '+4741234569'],
    [' (+47) 41234570 ', '+4741234570'],
  ];
  for (const [typed, stored] of examples) {
    const res = await client.post('/me/contact/details', details({ mobile: typed, phone: '22 33 44 55' }), asKari);
    assert.equal(res.status, 303, typed);
    assert.equal(res.headers.get('location'), '/me/contact?saved=details#contact-details');
    assert.equal((await contactOf(kari)).mobile, stored, typed);
  }
  const saved = await contactOf(kari);
  assert.equal(saved.phone, '+4722334455');
  assert.equal(saved.email, 'kari@eksempel.no');
  const { document } = await html(await client.get('/me/contact?saved=details', asKari));
  assert.equal(document.querySelector('#contact-mobile')!.getAttribute('value'), '+47 412 34 570');
  assert.equal(document.querySelector('#contact-phone')!.getAttribute('value'), '+47 22 33 44 55');
  assert.match(document.querySelector('#contact-details [role=status]')!.textContent!, /Endringene er lagret/);
});

test('a bad mobile gives 422 with a field error and a summary, keeps every typed value, and saves nothing', async () => {
  for (const [mobile, message] of [
    ['22 33 44 55', /ikke et mobilnummer/],
    ['59 12 34 56', /maskinnumre/],
    ['412 34 56', /8 siffer/],
    ['41a 34 567', /bare ha siffer/],
  ] as const) {
    const before = await contactOf(kari);
    const auditsBefore = (await auditRows('contact_info.update')).length;
    const res = await client.post(
      '/me/contact/details',
      { email: 'ny@eksempel.no', mobile, phone: '+46 70 123 45 67' },
      asKari,
    );
    assert.equal(res.status, 422, mobile);
    const { document } = await html(res);
    const input = document.querySelector('#contact-mobile')!;
    assert.equal(input.getAttribute('value'), mobile, 'the bad mobile stays');
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    assert.match(input.getAttribute('aria-describedby')!, /contact-mobile-error/);
    assert.match(document.querySelector('#contact-mobile-error')!.textContent!, message);
    const summary = document.querySelector('[role=alert]')!;
    assert.ok(summary.querySelector('a[href="#contact-mobile"]'), 'the summary links to the field');
    assert.equal(document.querySelector('#contact-email')!.getAttribute('value'), 'ny@eksempel.no');
    assert.equal(document.querySelector('#contact-phone')!.getAttribute('value'), '+46 70 123 45 67');
    assert.deepEqual(await contactOf(kari), before, 'nothing saved');
    assert.equal((await auditRows('contact_info.update')).length, auditsBefore, 'nothing audited');
  }
  const badEmail = await client.post('/me/contact/details', details({ email: 'kari@' }), asKari);
  assert.equal(badEmail.status, 422);
  assert.equal((await html(badEmail)).document.querySelector('#contact-email')!.getAttribute('aria-invalid'), 'true');
});

test('changes are audited with the field names, never the values', async () => {
  await client.post('/me/contact/details', details({ mobile: '412 34 999', phone: '22 33 44 55' }), asKari);
  const rows = await auditRows('contact_info.update');
  const last = rows.at(-1)!;
  assert.equal(last.actor_person_id, kari);
  assert.equal(last.actor_role, 'guardian');
  assert.deepEqual(last.details, { fields: ['mobile'] });
  assert.doesNotMatch(JSON.stringify(rows.map((r) => r.details)), /4123|eksempel/);
  const count = rows.length;
  const same = await client.post('/me/contact/details', details({ mobile: '+4741234999', phone: '22334455' }), asKari);
  assert.equal(same.headers.get('location'), '/me/contact?saved=unchanged#contact-details');
  assert.equal((await auditRows('contact_info.update')).length, count, 'no change, no audit row');
});

test('with htmx, a form swaps only its own section, on 422 and on success', async () => {
  const bad = await client.post('/me/contact/details', details({ mobile: '22 33 44 55' }), htmx);
  assert.equal(bad.status, 422);
  assert.match(bad.headers.get('vary') ?? '', /HX-Request/);
  const badText = await bad.text();
  assert.match(badText, /^<section id="contact-details"/);
  assert.doesNotMatch(badText, /<html|<main/);
  const good = await client.post('/me/contact/details', details({ mobile: '412 34 888' }), htmx);
  assert.equal(good.status, 200);
  const { text, document } = await html(good);
  assert.match(text, /^<section id="contact-details"/);
  assert.match(document.querySelector('[role=status]')!.textContent!, /lagret/);
  assert.equal(document.querySelector('#contact-mobile')!.getAttribute('value'), '+47 412 34 888');
  assert.ok(document.querySelector('section#contact-sms[hx-swap-oob]'), 'the SMS section follows the new mobile');
});

test('turning SMS off needs a confirmation that works without JavaScript; turning it on does not', async () => {
  assert.equal((await contactOf(kari)).sms_enabled, true);
  const first = await client.post('/me/contact/sms', { enabled: 'false' }, asKari);
  assert.equal(first.status, 200);
  const { document } = await html(first);
  assert.match(document.querySelector('#contact-sms')!.textContent!, /Vil du slå av SMS fra skolen\?/);
  assert.ok(document.querySelector('#contact-sms form input[name=confirm][value=yes]'));
  assert.equal((await contactOf(kari)).sms_enabled, true, 'not turned off without confirmation');

  const confirmed = await client.post('/me/contact/sms', { enabled: 'false', confirm: 'yes' }, asKari);
  assert.equal(confirmed.status, 303);
  assert.equal(confirmed.headers.get('location'), '/me/contact?saved=sms-off#contact-sms');
  assert.equal((await contactOf(kari)).sms_enabled, false);
  assert.deepEqual((await auditRows('contact_info.update')).at(-1)!.details, { fields: ['sms_enabled'] });
  const page = await html(await client.get('/me/contact?saved=sms-off', asKari));
  assert.match(page.document.querySelector('#contact-sms')!.textContent!, /SMS er av/);
  assert.match(page.document.querySelector('#contact-notifications')!.textContent!, /SMS er slått av/);

  const on = await client.post('/me/contact/sms', { enabled: 'true' }, asKari);
  assert.equal(on.status, 303);
  assert.equal((await contactOf(kari)).sms_enabled, true);
  assert.equal((await client.post('/me/contact/sms', { enabled: 'maybe' }, asKari)).status, 400);
});

test('notification settings save per channel and category, and come back on reload', async () => {
  const before = await html(await client.get('/me/contact', asKari));
  assert.equal(
    before.document.querySelector('#setting-sms-news')!.hasAttribute('checked'),
    false,
    'default: no news by SMS',
  );
  assert.equal(before.document.querySelector('#setting-email-news')!.hasAttribute('checked'), true);
  assert.match(before.document.querySelector('th[scope=row]')!.textContent!, /Meldinger fra skolen/);

  const res = await client.post(
    '/me/contact/notification-settings',
    { 'sms-messages': 'on', 'sms-news': 'on', 'email-decisions': 'on' },
    asKari,
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/me/contact?saved=notifications#contact-notifications');
  const { document } = await html(await client.get('/me/contact', asKari));
  const checked = Array.from(document.querySelectorAll('#contact-notifications input[type=checkbox]'))
    .filter((i) => i.hasAttribute('checked'))
    .map((i) => i.getAttribute('name'));
  assert.deepEqual(checked.sort(), ['email-decisions', 'sms-messages', 'sms-news']);
  const audit = (await auditRows('notification_settings.update')).at(-1)!;
  assert.deepEqual((audit.details as { changed: string[] }).changed.sort(), [
    'email-absence',
    'email-messages',
    'email-news',
    'sms-absence',
    'sms-decisions',
    'sms-news',
  ]);
});

test('"report a wrong address" tells the leadership of every school of her children, in one go', async () => {
  const bjorkelia = await schoolId('Bjørkelia skole');
  const fjellheim = await schoolId('Fjellheim skule');
  const expected = [
    ...(await leadershipIdsForSchool(db, bjorkelia, '2026-11-25')),
    ...(await leadershipIdsForSchool(db, fjellheim, '2026-11-25')),
  ].sort();
  assert.ok(expected.includes(await loginPersonId(db, 'leadership')));

  const bad = await client.post(
    '/me/contact/address-reports',
    { what: '  ', correct_address: 'Storgata 1, 3701 Bjørkelia' },
    asKari,
  );
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(badPage.document.querySelector('#report-correct')!.textContent, 'Storgata 1, 3701 Bjørkelia');
  assert.equal(badPage.document.querySelector('#report-what')!.getAttribute('aria-invalid'), 'true');
  assert.equal((await db.selectFrom('address_report').select('id').execute()).length, 0, 'nothing saved on 422');

  const res = await client.post(
    '/me/contact/address-reports',
    { what: 'Vi flyttet i oktober', correct_address: 'Storgata 1, 3701 Bjørkelia' },
    asKari,
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/me/contact?saved=address#contact-address');
  const report = await db
    .selectFrom('address_report')
    .selectAll()
    .where('person_id', '=', kari)
    .executeTakeFirstOrThrow();
  assert.equal(report.what_is_wrong, 'Vi flyttet i oktober');
  assert.equal(report.correct_address, 'Storgata 1, 3701 Bjørkelia');
  const outbox = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'school_id', 'category', 'payload'])
    .where('event_type', '=', 'address.reported')
    .execute();
  assert.deepEqual(outbox.map((o) => o.recipient_person_id).sort(), expected);
  assert.ok(
    outbox.every((o) => o.category === 'contact' && (o.payload as { reportId: number }).reportId === report.id),
  );
  assert.doesNotMatch(JSON.stringify(outbox), /Storgata|flyttet/, 'no address in the notification');
  const audit = (await auditRows('address.report')).at(-1)!;
  assert.deepEqual(audit.details, { fields: ['what_is_wrong', 'correct_address'], schools: 2 });
  const page = await html(await client.get('/me/contact?saved=address', asKari));
  assert.match(page.document.querySelector('#contact-address [role=status]')!.textContent!, /Skolen har fått beskjed/);
});

test('a child whose relation is blocked does not bring its school a report', async () => {
  const fjellheim = await schoolId('Fjellheim skule');
  const jonas = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .select('g.id')
    .where('g.guardian_id', '=', kari)
    .where('e.school_id', '=', fjellheim)
    .executeTakeFirstOrThrow();
  await db.updateTable('guardian_relation').set({ blocked: true }).where('id', '=', jonas.id).execute();
  try {
    await db.deleteFrom('outbox').execute();
    const res = await client.post(
      '/me/contact/address-reports',
      { what: 'Postnummeret er feil', correct_address: '' },
      asKari,
    );
    assert.equal(res.status, 303);
    const outbox = await db
      .selectFrom('outbox')
      .select(['school_id'])
      .where('event_type', '=', 'address.reported')
      .execute();
    assert.ok(outbox.length > 0);
    assert.ok(
      outbox.every((o) => o.school_id !== fjellheim),
      'Fjellheim is not told',
    );
    assert.deepEqual((await auditRows('address.report')).at(-1)!.details, { fields: ['what_is_wrong'], schools: 1 });
    const page = await html(await client.get('/me/contact', asKari));
    assert.doesNotMatch(page.document.querySelector('main')!.textContent!, /Fjellheim/);
  } finally {
    await db.updateTable('guardian_relation').set({ blocked: false }).where('id', '=', jonas.id).execute();
  }
});

test('a strictly confidential address is shown to its owner only, and never passed on in a report', async () => {
  await db.updateTable('person').set({ address_protection: 'strengt_fortrolig' }).where('id', '=', kari).execute();
  try {
    const { document } = await html(await client.get('/me/contact', asKari));
    const section = document.querySelector('#contact-address')!.textContent!;
    assert.match(section, /strengt fortrolig/);
    assert.match(section, /Bjørkelia/, 'her own address is shown to her');
    assert.equal(document.querySelector('#report-correct'), null, 'no field for the new address');
    await client.post(
      '/me/contact/address-reports',
      { what: 'Feil adresse', correct_address: 'Hemmelig vei 1' },
      asKari,
    );
    const report = await db
      .selectFrom('address_report')
      .select('correct_address')
      .where('person_id', '=', kari)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(report.correct_address, null);
  } finally {
    await db.updateTable('person').set({ address_protection: 'none' }).where('id', '=', kari).execute();
  }
});

test('a guardian with no child at school keeps a contact card, but has no school to report to', async () => {
  const hanne = { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian-left'), 'idporten') };
  const { document } = await html(await client.get('/me/contact', hanne));
  assert.match(document.querySelector('main')!.textContent!, /ingen barn i skolen nå/);
  assert.equal(document.querySelector('#report-what'), null);
  assert.equal((await client.post('/me/contact/address-reports', { what: 'Feil' }, hanne)).status, 404);
  assert.equal((await client.post('/me/contact/details', details({ mobile: '412 00 000' }), hanne)).status, 303);
});
