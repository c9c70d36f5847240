import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import { DEMO_LOGINS, seedDatabase } from '../../src/db/seed/seed.ts';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();
await seedDatabase(db, { size: 'demo' });
await giveDemoGeneralConsent(db); // not about the general consent gate (G2): Kari and Ola have decided
const client = createTestApp(db);

async function personId(db: Db, key: string): Promise<number> {
  const login = DEMO_LOGINS.find((l) => l.key === key)!;
  const row = await db
    .selectFrom('person')
    .select('id')
    .where(login.feideId ? 'feide_id' : 'fodselsnummer', '=', (login.feideId ?? login.fodselsnummer)!)
    .executeTakeFirstOrThrow();
  return row.id;
}
const as = async (
  key: string,
  provider: 'idporten' | 'feide' = DEMO_LOGINS.find((l) => l.key === key)!.feideId ? 'feide' : 'idporten',
) => ({
  cookie: await sessionCookie(db, await personId(db, key), provider),
});

/** A pupil in a named class at Bjørkelia, with the given address protection. */
async function pupilIn(
  className: string,
  protection: 'none' | 'fortrolig' | 'strengt_fortrolig' = 'none',
  school = 'Bjørkelia skole',
) {
  const row = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['p.id', 'c.id as classId', 'p.given_name'])
    .where('c.name', '=', className)
    .where('s.name', '=', school)
    .where('p.address_protection', '=', protection)
    .where('e.ends_on', 'is', null)
    .orderBy('p.id')
    .executeTakeFirst();
  return row;
}

const own = (await pupilIn('5A'))!;
const other = (await pupilIn('5B'))!;
const nynorsk = (await pupilIn('5A', 'none', 'Fjellheim skule'))!;

test('every page behind login sends an anonymous visitor to the login chooser and back', async () => {
  for (const path of ['/home', `/pupils/${own.id}`, `/classes/${own.classId}`, '/groups/1']) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.equal(res.headers.get('location'), `/login?return_to=${encodeURIComponent(path)}`, path);
  }
  for (const path of [`/pupils/${own.id}/address-reveal`, `/pupils/${own.id}/guardians/1/blocking`]) {
    const res = await client.post(path, { reason: 'test', blocked: 'true' });
    assert.equal(res.status, 303, path);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
  }
});

test('a contact teacher opens pupils and the class they teach, and gets 404 for everyone else', async () => {
  const teacher = await as('contact-teacher');
  assert.equal((await client.get(`/pupils/${own.id}`, teacher)).status, 200);
  assert.equal((await client.get(`/classes/${own.classId}`, teacher)).status, 200);
  for (const path of [
    `/pupils/${other.id}`,
    `/pupils/${nynorsk.id}`,
    `/classes/${other.classId}`,
    `/classes/${nynorsk.classId}`,
    '/pupils/999999',
    '/pupils/abc',
    '/groups/999999',
  ]) {
    assert.equal((await client.get(path, teacher)).status, 404, path);
  }
});

test('a guardian never sees a staff pupil card, not even for her own child', async () => {
  const kari = await as('guardian');
  const child = await db
    .selectFrom('guardian_relation')
    .select('pupil_id')
    .where('guardian_id', '=', await personId(db, 'guardian'))
    .executeTakeFirstOrThrow();
  assert.equal((await client.get(`/pupils/${child.pupil_id}`, kari)).status, 404);
  assert.equal((await client.get(`/classes/${own.classId}`, kari)).status, 404);
});

test('the school owner reaches every school of the municipality, not the private school', async () => {
  const owner = await as('school-owner');
  assert.equal((await client.get(`/pupils/${nynorsk.id}`, owner)).status, 200);
  const nordlys = (await pupilIn('2A', 'none', 'Nordlys montessoriskole'))!;
  assert.equal((await client.get(`/pupils/${nordlys.id}`, owner)).status, 404);
});

test('viewing a pupil card is written to the audit log with who and in which role', async () => {
  const teacher = await as('contact-teacher');
  await client.get(`/pupils/${own.id}`, teacher);
  const entry = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_person_id', '=', own.id)
    .where('action', '=', 'pupil_card.view')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(entry.actor_person_id, await personId(db, 'contact-teacher'));
  assert.match(entry.actor_role ?? '', /contact_teacher/);
});

test('a fortrolig address: the contact teacher sees it and the marker; a subject teacher sees neither', async () => {
  const protectedPupil = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .select(['p.id', 'p.address_line', 'e.class_id'])
    .where('p.address_protection', '=', 'fortrolig')
    .where(
      'e.school_id',
      '=',
      (await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()).id,
    )
    .executeTakeFirstOrThrow();
  // give the demo teacher a membership and the pupil's class so both roles can be compared
  const school = await db
    .selectFrom('class')
    .select('school_id')
    .where('id', '=', protectedPupil.class_id)
    .executeTakeFirstOrThrow();
  const municipality = await db
    .selectFrom('school')
    .select('municipality_id')
    .where('id', '=', school.school_id)
    .executeTakeFirstOrThrow();
  const contact = await db
    .insertInto('person')
    .values({ given_name: 'Test', family_name: 'Kontaktlærer', feide_id: 'feide:test.kontakt@demo-kommune.example' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const membership = await db
    .insertInto('staff_membership')
    .values({
      person_id: contact.id,
      municipality_id: municipality.municipality_id,
      school_id: school.school_id,
      role: 'contact_teacher',
      starts_on: '2026-08-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_assignment')
    .values({ staff_membership_id: membership.id, class_id: protectedPupil.class_id })
    .execute();
  const teacherPerson = await db
    .insertInto('person')
    .values({ given_name: 'Test', family_name: 'Faglærer', feide_id: 'feide:test.fag@demo-kommune.example' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teacherMembership = await db
    .insertInto('staff_membership')
    .values({
      person_id: teacherPerson.id,
      municipality_id: municipality.municipality_id,
      school_id: school.school_id,
      role: 'teacher',
      starts_on: '2026-08-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_assignment')
    .values({ staff_membership_id: teacherMembership.id, class_id: protectedPupil.class_id })
    .execute();

  const asContact = await html(
    await client.get(`/pupils/${protectedPupil.id}`, { cookie: await sessionCookie(db, contact.id, 'feide') }),
  );
  assert.match(asContact.text, /Fortrolig adresse/);
  assert.ok(asContact.text.includes(protectedPupil.address_line!));
  const asTeacher = await html(
    await client.get(`/pupils/${protectedPupil.id}`, { cookie: await sessionCookie(db, teacherPerson.id, 'feide') }),
  );
  assert.doesNotMatch(asTeacher.text, /ortrolig/);
  assert.ok(!asTeacher.text.includes(protectedPupil.address_line!));
  assert.match(asTeacher.text, /Adressen vises ikke for deg/);
});

test('a strengt fortrolig address is hidden from the rektor until she gives a reason; the reveal is audited', async () => {
  const pupil = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['p.id', 'p.address_line'])
    .where('p.address_protection', '=', 'strengt_fortrolig')
    .where('s.name', '=', 'Bjørkelia skole')
    .executeTakeFirstOrThrow();
  const rektor = await as('leadership');
  const card = await html(await client.get(`/pupils/${pupil.id}`, rektor));
  assert.match(card.text, /Strengt fortrolig adresse/);
  assert.ok(!card.text.includes(pupil.address_line!), 'not shown before the reveal');

  const missing = await client.post(`/pupils/${pupil.id}/address-reveal`, { reason: '  ' }, rektor);
  assert.equal(missing.status, 422);
  const missingHtml = await html(missing);
  assert.match(missingHtml.text, /Skriv hvorfor du trenger adressen/);
  assert.ok(
    missingHtml.document.querySelector('[role=alert] a[href="#reveal-reason"]'),
    'error summary links to the field',
  );

  const shown = await client.post(
    `/pupils/${pupil.id}/address-reveal`,
    { reason: 'Barnevernet ba om oppmøtested' },
    rektor,
  );
  assert.equal(shown.status, 200);
  assert.ok((await shown.text()).includes(pupil.address_line!));
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'address.reveal')
    .where('subject_person_id', '=', pupil.id)
    .executeTakeFirstOrThrow();
  assert.equal(audit.reason, 'Barnevernet ba om oppmøtested');

  const teacher = await as('school-owner');
  assert.equal(
    (await client.post(`/pupils/${pupil.id}/address-reveal`, { reason: 'nysgjerrig' }, teacher)).status,
    403,
  );
});

test('the rektor blocks a guardian: the guardian is logged out at once and the block is audited', async () => {
  const kariId = await personId(db, 'guardian');
  const relation = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['g.pupil_id'])
    .where('g.guardian_id', '=', kariId)
    .where('s.name', '=', 'Bjørkelia skole')
    .executeTakeFirstOrThrow();
  const kari = await as('guardian');
  assert.equal((await client.get('/home', kari)).status, 200);
  const rektor = await as('leadership');

  // The card links to a confirmation step: what happens, the reason, a button that says what it does.
  const blocking = `/pupils/${relation.pupil_id}/guardians/${kariId}/blocking`;
  const card = await html(await client.get(`/pupils/${relation.pupil_id}`, rektor));
  assert.equal(card.document.querySelector(`a[href="${blocking}"]`)?.textContent?.trim(), 'Sperr tilgangen');
  const step = await html(await client.get(blocking, rektor));
  assert.match(step.document.querySelector('h1')?.textContent ?? '', /^Sperr tilgangen for Kari Nordmann$/);
  assert.match(step.document.querySelector('#blocking-lead')?.textContent ?? '', /blir logget ut med en gang/);
  assert.equal(
    step.document.querySelector(`form[action="${blocking}"] button`)?.textContent?.trim(),
    'Ja, sperr tilgangen',
  );
  assert.equal((await client.get(blocking, await as('contact-teacher'))).status, 404, 'the step is leadership only');
  assert.equal((await client.get('/home', kari)).status, 200, 'opening the step changes nothing');

  const noReason = await client.post(blocking, { blocked: 'true', reason: '' }, rektor);
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), /Skriv en begrunnelse for sperringen\./);
  assert.equal((await client.get('/home', kari)).status, 200, 'nothing happened');

  assert.equal(
    (
      await client.post(
        `/pupils/${relation.pupil_id}/guardians/${kariId}/blocking`,
        { blocked: 'true', reason: 'Vedtak fra barnevernet' },
        await as('contact-teacher'),
      )
    ).status,
    404,
  );

  const res = await client.post(
    `/pupils/${relation.pupil_id}/guardians/${kariId}/blocking`,
    { blocked: 'true', reason: 'Vedtak fra barnevernet' },
    rektor,
  );
  assert.equal(res.status, 303);
  assert.equal((await client.get('/home', kari)).status, 302, 'her session ended');
  const after = await html(await client.get('/home', await as('guardian')));
  assert.doesNotMatch(after.text, /Bjørkelia skole/);
  assert.match(after.text, /Fjellheim skule/);
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'guardian.block')
    .executeTakeFirstOrThrow();
  assert.equal(audit.reason, 'Vedtak fra barnevernet');

  // Lifting the block: its own words, also for a missing reason.
  const lift = await html(await client.get(blocking, rektor));
  assert.equal(lift.document.querySelector('h1')?.textContent, 'Opphev sperringen for Kari Nordmann');
  const liftNoReason = await client.post(blocking, { blocked: 'false', reason: '' }, rektor);
  assert.equal(liftNoReason.status, 422);
  const liftText = await liftNoReason.text();
  assert.match(liftText, /Skriv en begrunnelse for å oppheve sperringen\./);
  assert.doesNotMatch(liftText, /for sperringen\./);
  assert.equal(
    (await client.post(blocking, { blocked: 'false', reason: 'Opphevet' }, rektor)).headers.get('location'),
    `/pupils/${relation.pupil_id}?done=unblocked`,
  );
  assert.match((await html(await client.get('/home', await as('guardian')))).text, /Bjørkelia skole/);
});

test('a blocked guardian and a guardian whose child has left get a clear page, not an empty one', async () => {
  for (const key of ['guardian-blocked', 'guardian-left']) {
    const res = await client.get('/home', await as(key));
    assert.equal(res.status, 200, key);
    const { document } = await html(res);
    assert.match(document.querySelector('h1')?.textContent ?? '', /Vi finner ingen barn du har tilgang til/, key);
    assert.match(document.querySelector('main')?.textContent ?? '', /Ta kontakt med skolen/, key);
  }
});

test('Ola Nordmann sees his children under both school owners', async () => {
  const text = (await html(await client.get('/home', await as('guardian-private')))).text;
  assert.match(text, /Demo kommune/);
  assert.match(text, /Stiftelsen Nordlys/);
});

test('a staff notification is marked new once, then read', async () => {
  const teacherId = await personId(db, 'contact-teacher');
  await db
    .insertInto('outbox')
    .values({
      recipient_person_id: teacherId,
      category: 'consents',
      event_type: 'consent.changed',
      payload: JSON.stringify({}),
      idempotency_key: 'test-read-once',
    })
    .execute();
  const row = () =>
    db.selectFrom('outbox').select('read_at').where('idempotency_key', '=', 'test-read-once').executeTakeFirstOrThrow();
  assert.equal((await row()).read_at, null);
  await client.get('/home', await as('contact-teacher'));
  assert.ok((await row()).read_at instanceof Date);
});
