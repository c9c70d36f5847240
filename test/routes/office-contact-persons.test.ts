import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { runAbsenceFollowUp } from '../../src/domain/absence/follow-up.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { loadPupilFacts } from '../../src/domain/access/pupil-facts.ts';
import { audienceGuardians } from '../../src/domain/broadcasts/recipients.ts';
import { guardianIdsWithAccess, guardiansWithAccess } from '../../src/domain/guardian/guardians.ts';
import { bookGuardianIds } from '../../src/domain/messages/recipients.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T10:00:00Z`) });
const counter = countStatements(db);
const counted = counter.db;
const countingClient = createTestApp(counted, {}, { clock: () => new Date(`${TODAY}T10:00:00Z`) });

const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const kari = await loginPersonId(db, 'guardian');
const sofie = await db
  .selectFrom('person as p')
  .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .select(['p.id', 'e.school_id', 'c.id as class_id'])
  .where('p.given_name', '=', 'Sofie')
  .where('c.name', '=', '3A')
  .executeTakeFirstOrThrow();
const PAGE = `/office/pupils/${sofie.id}`;

const contactRows = () =>
  db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
    .select([
      'g.id',
      'g.guardian_id',
      'g.relation',
      'g.parental_responsibility',
      'g.contact_person_only',
      'g.from_register',
      'p.given_name',
      'p.family_name',
      'p.fodselsnummer',
      'p.feide_id',
      'ci.mobile',
      'ci.email',
    ])
    .where('g.pupil_id', '=', sofie.id)
    .where('g.contact_person_only', '=', true)
    .orderBy('g.id')
    .execute();
const personCount = async () =>
  Number(
    (
      await db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_role', 'record_id', 'subject_person_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const form = (over: Record<string, string> = {}) => ({
  given_name: 'Bente',
  family_name: 'Bestemor',
  relation: 'annet',
  mobile: '412 34 567',
  email: 'bente@example.com',
  ...over,
});

/** Adds a contact person through the page and returns their guardian_relation row. */
async function addContact(over: Record<string, string> = {}, cookie = leader) {
  const before = (await contactRows()).map((r) => r.id);
  const res = await client.post(`${PAGE}/contacts`, form(over), { cookie });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${PAGE}?notice=added`);
  const row = (await contactRows()).find((r) => !before.includes(r.id));
  assert.ok(row);
  return row;
}

test('the class page links each pupil to the office pupil page', async () => {
  const { document } = await html(await client.get(`/office/classes/${sofie.class_id}`, { cookie: leader }));
  assert.ok(document.querySelector(`a[href="${PAGE}"]`));
});

test('the pupil page shows the guardians from the register and never a protected address', async () => {
  const guardians = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select(['p.id', 'p.given_name', 'p.address_line'])
    .where('g.pupil_id', '=', sofie.id)
    .where('g.contact_person_only', '=', false)
    .orderBy('p.id')
    .execute();
  assert.ok(guardians.length >= 2);
  const [open, hidden] = guardians as [(typeof guardians)[0], (typeof guardians)[0]];
  await db
    .updateTable('person')
    .set({ address_line: 'Hemmeligveien 13', address_protection: 'strengt_fortrolig' })
    .where('id', '=', hidden.id)
    .execute();
  await db
    .updateTable('person')
    .set({ address_line: 'Åpenveien 2', address_protection: 'none' })
    .where('id', '=', open.id)
    .execute();
  try {
    for (const cookie of [leader, owner]) {
      const res = await client.get(PAGE, { cookie });
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.ok(body.includes(hidden.given_name), 'the protected guardian is listed');
      assert.ok(!body.includes('Hemmeligveien'), 'but not their address');
      assert.match(body, /Adressen er skjermet/);
      assert.ok(body.includes('Åpenveien 2'), 'an unprotected address is shown');
    }
  } finally {
    await db.updateTable('person').set({ address_protection: 'none' }).where('id', '=', hidden.id).execute();
  }
});

test('who reaches the page: leadership and the school owner; teachers, guardians, leadership elsewhere → 404', async () => {
  const fjellheim = await db
    .selectFrom('school')
    .select(['id', 'municipality_id'])
    .where('name', '=', 'Fjellheim skule')
    .executeTakeFirstOrThrow();
  const otherLeader = await db
    .insertInto('person')
    .values({ given_name: 'Rektor', family_name: 'Fjellheim', feide_id: 'rektor.fjellheim@test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_membership')
    .values({
      person_id: otherLeader.id,
      municipality_id: fjellheim.municipality_id,
      school_id: fjellheim.id,
      role: 'leadership',
      starts_on: '2020-01-01',
    })
    .execute();
  const cookies = {
    'contact-teacher': await cookieOf('contact-teacher'),
    teacher: await cookieOf('teacher'),
    'sfo-leader': await cookieOf('sfo-leader'),
    guardian: await cookieOf('guardian', 'idporten'),
    pupil: await cookieOf('pupil'),
    'leadership elsewhere': await sessionCookie(db, otherLeader.id, 'feide'),
  };
  const before = await contactRows();
  for (const [who, cookie] of Object.entries(cookies)) {
    assert.equal((await client.get(PAGE, { cookie })).status, 404, who);
    assert.equal((await client.post(`${PAGE}/contacts`, form(), { cookie })).status, 404, who);
  }
  assert.deepEqual(await contactRows(), before, 'nothing saved');
  assert.equal((await client.get('/office/pupils/999999999', { cookie: leader })).status, 404);
  assert.equal((await client.get(`/office/pupils/${kari}`, { cookie: leader })).status, 404, 'not a pupil');
});

test('leadership adds a contact person: a person without identity numbers, contact info, no access; audited', async () => {
  const row = await addContact({ mobile: '+47 412 34 567', email: ' Bente@Example.com ' });
  assert.deepEqual(
    { ...row, id: 0, guardian_id: 0 },
    {
      id: 0,
      guardian_id: 0,
      relation: 'annet',
      parental_responsibility: false,
      contact_person_only: true,
      from_register: false,
      given_name: 'Bente',
      family_name: 'Bestemor',
      fodselsnummer: null,
      feide_id: null,
      mobile: '+4741234567',
      email: 'Bente@Example.com',
    },
  );
  const audit = (await audits('contact_person.add')).at(-1)!;
  assert.equal(audit.actor_role, 'leadership');
  assert.equal(audit.subject_person_id, sofie.id);
  assert.equal(audit.record_id, String(row.id));
  const { document } = await html(await client.get(`${PAGE}?notice=added`, { cookie: leader }));
  assert.match(document.querySelector('[role="status"]')?.textContent ?? '', /lagt til/);
  assert.match(document.querySelector('#contacts')?.textContent ?? '', /Bente Bestemor[\s\S]*\+47 412 34 567/);

  const byOwner = await addContact({ given_name: 'Olav', relation: 'stefar' }, owner);
  assert.equal(byOwner.relation, 'stefar');
  assert.equal((await audits('contact_person.add')).at(-1)!.actor_role, 'school_owner');
});

test('bad input: 422, the typed values kept, a message per field and a summary; nothing saved', async () => {
  const before = await contactRows();
  const people = await personCount();
  const added = (await audits('contact_person.add')).length;
  const res = await client.post(
    `${PAGE}/contacts`,
    form({ given_name: ' ', family_name: 'x'.repeat(101), relation: 'onkel', mobile: '22 33 44 55', email: 'bente@' }),
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#add-familyName')?.getAttribute('value'), 'x'.repeat(101));
  assert.equal(document.querySelector('#add-mobile')?.getAttribute('value'), '22 33 44 55');
  assert.equal(document.querySelector('#add-email')?.getAttribute('value'), 'bente@');
  assert.match(document.querySelector('#add-givenName-error')?.textContent ?? '', /Skriv navnet/);
  assert.match(document.querySelector('#add-familyName-error')?.textContent ?? '', /høyst 100 tegn/);
  assert.match(document.querySelector('#add-relation-error')?.textContent ?? '', /Velg relasjon/);
  assert.match(document.querySelector('#add-mobile-error')?.textContent ?? '', /begynner på 4 eller 9/);
  assert.match(document.querySelector('#add-email-error')?.textContent ?? '', /gyldig e-postadresse/);
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 5);

  const unreachable = await client.post(`${PAGE}/contacts`, form({ mobile: '', email: '' }), { cookie: leader });
  assert.equal(unreachable.status, 422);
  assert.match(
    (await html(unreachable)).document.querySelector('#add-mobile-error')?.textContent ?? '',
    /mobilnummer eller e-post/,
  );
  assert.deepEqual(await contactRows(), before);
  assert.equal(await personCount(), people, 'no person row left behind');
  assert.equal((await audits('contact_person.add')).length, added);
});

test('edit a contact person (422 keeps the values and saves nothing), then remove them: person and details gone', async () => {
  const row = await addContact({ given_name: 'Knut', relation: 'fosterfar' });
  const url = `${PAGE}/contacts/${row.id}`;
  const bad = await client.post(url, form({ given_name: 'Knut', email: 'ikke en adresse' }), { cookie: leader });
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  assert.equal(document.querySelector(`#edit-${row.id}-email`)?.getAttribute('value'), 'ikke en adresse');
  assert.ok(document.querySelector(`#edit-${row.id}-email-error`));
  assert.deepEqual(
    (await contactRows()).find((r) => r.id === row.id),
    row,
    'unchanged',
  );

  const ok = await client.post(
    url,
    form({ given_name: 'Knut', family_name: 'Fosterfar', relation: 'fosterfar', mobile: '98765432', email: '' }),
    { cookie: leader },
  );
  assert.equal(ok.status, 303);
  const changed = (await contactRows()).find((r) => r.id === row.id)!;
  assert.deepEqual([changed.family_name, changed.mobile, changed.email], ['Fosterfar', '+4798765432', null]);
  assert.deepEqual((await audits('contact_person.update')).at(-1)!.details, {
    contactPersonId: row.guardian_id,
    changed: ['name', 'mobile', 'email'],
  });

  const gone = await client.post(`${url}/removal`, {}, { cookie: leader });
  assert.equal(gone.status, 303);
  assert.equal(
    (await contactRows()).find((r) => r.id === row.id),
    undefined,
  );
  assert.equal(
    await db.selectFrom('person').select('id').where('id', '=', row.guardian_id).executeTakeFirst(),
    undefined,
    'the person the office made is deleted with them',
  );
  assert.equal(
    await db.selectFrom('contact_info').select('person_id').where('person_id', '=', row.guardian_id).executeTakeFirst(),
    undefined,
  );
  assert.equal((await audits('contact_person.remove')).at(-1)!.record_id, String(row.id));
  assert.equal((await client.post(`${url}/removal`, {}, { cookie: leader })).status, 404, 'gone');

  // A guardian's relation is not a contact person: it cannot be edited or removed here.
  const guardianRelation = await db
    .selectFrom('guardian_relation')
    .select('id')
    .where('pupil_id', '=', sofie.id)
    .where('guardian_id', '=', kari)
    .executeTakeFirstOrThrow();
  assert.equal(
    (await client.post(`${PAGE}/contacts/${guardianRelation.id}/removal`, {}, { cookie: leader })).status,
    404,
  );
  assert.equal((await client.post(`${PAGE}/contacts/${guardianRelation.id}`, form(), { cookie: leader })).status, 404);
});

test('a contact person never gets guardian access, messages, broadcasts, vedtak or absence notices', async () => {
  const row = await addContact({
    given_name: 'Ingrid',
    relation: 'stemor',
    mobile: '93456789',
    email: 'i@example.com',
  });
  const contact = row.guardian_id;
  const asGuardian = await loadActor(db, contact, 'idporten', TODAY);
  assert.deepEqual(asGuardian?.guardianOf, [], 'no children through ID-porten');
  const kariActor = await loadActor(db, kari, 'idporten', TODAY);
  assert.ok(kariActor?.guardianOf.includes(sofie.id), 'while a real guardian has the child');

  const facts = await loadPupilFacts(db, sofie.id, TODAY);
  assert.deepEqual(
    facts?.guardians.filter((g) => g.guardianId === contact).map((g) => g.contactOnly),
    [true],
  );
  const withAccess = (await guardiansWithAccess(db, sofie.id)).map((g) => g.personId);
  assert.ok(withAccess.includes(kari) && !withAccess.includes(contact));
  const ids = (await guardianIdsWithAccess(db, [sofie.id])).get(sofie.id) ?? [];
  assert.ok(ids.includes(kari) && !ids.includes(contact));
  const book = await bookGuardianIds(db, sofie.id);
  assert.ok(book.includes(kari) && !book.includes(contact));
  const audience = (
    await audienceGuardians(db, { kind: 'class', id: sofie.class_id, trinn: null }, TODAY).execute()
  ).map((r) => r.guardian_id);
  assert.ok(audience.includes(kari) && !audience.includes(contact));

  // End to end: Sofie absent without a message → the follow-up notifies her guardians, not the contact person.
  const marius = await loginPersonId(db, 'contact-teacher');
  await db
    .insertInto('attendance')
    .values({ pupil_id: sofie.id, school_id: sofie.school_id, date: TODAY, status: 'absent', registered_by: marius })
    .execute();
  await runAbsenceFollowUp(db, new Date(`${TODAY}T13:00:00Z`));
  const recipients = (
    await db
      .selectFrom('outbox')
      .select('recipient_person_id')
      .where('event_type', '=', 'absence.follow_up')
      .where('pupil_id', '=', sofie.id)
      .execute()
  ).map((r) => r.recipient_person_id);
  assert.ok(recipients.includes(kari), 'the guardian is notified');
  assert.ok(!recipients.includes(contact), 'the contact person is not');
  const anything = await db
    .selectFrom('outbox')
    .select('id')
    .where('recipient_person_id', '=', contact)
    .executeTakeFirst();
  assert.equal(anything, undefined, 'no delivery of any kind to the contact person');
});

test('the contact teacher sees the contact persons on the pupil card (to phone them), not the office page', async () => {
  await addContact({ given_name: 'Telefon', family_name: 'Onkelsen', mobile: '91234567' });
  const teacher = await db
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .select('m.person_id')
    .where('a.class_id', '=', sofie.class_id)
    .where('m.role', '=', 'contact_teacher')
    .executeTakeFirstOrThrow();
  const cookie = await sessionCookie(db, teacher.person_id, 'feide');
  const card = await client.get(`/pupils/${sofie.id}`, { cookie });
  assert.equal(card.status, 200);
  const text = (await html(card)).document.body.textContent ?? '';
  assert.match(text, /Telefon Onkelsen/);
  assert.match(text, /\+4791234567/);
  assert.equal((await client.get(PAGE, { cookie })).status, 404);
});

test('the pupil page runs the same number of queries with one and with several contact persons', async () => {
  const run = async () => {
    counter.reset();
    assert.equal((await countingClient.get(PAGE, { cookie: leader })).status, 200);
    return counter.count;
  };
  const before = await run();
  for (const given of ['Per', 'Pål', 'Espen']) await addContact({ given_name: given });
  assert.equal(await run(), before);
});

test('at most 10 contact persons per pupil: the 11th is a 422 with the form kept, nothing saved', async () => {
  while ((await contactRows()).length < 10) await addContact({ given_name: 'Fyll' });
  const before = await contactRows();
  const res = await client.post(`${PAGE}/contacts`, form({ given_name: 'Elleve' }), { cookie: leader });
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(document.querySelector('#add [role="alert"]')?.textContent ?? '', /allerede 10 kontaktpersoner/);
  assert.equal(document.querySelector('#add-givenName')?.getAttribute('value'), 'Elleve');
  assert.deepEqual(await contactRows(), before);
});
