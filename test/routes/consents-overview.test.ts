import { countStatements } from '../../src/db/counting.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { classConsentOverview } from '../../src/domain/consents/overview.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
await giveDemoGeneralConsent(db);
const client = createTestApp(db);

const classId = async (school: string, name: string) =>
  (
    await db
      .selectFrom('class as c')
      .innerJoin('school as s', 's.id', 'c.school_id')
      .select('c.id')
      .where('s.name', '=', school)
      .where('c.name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const fiveA = await classId('Bjørkelia skole', '5A');
const fiveB = await classId('Bjørkelia skole', '5B');
const marius = await loginPersonId(db, 'contact-teacher');
const asMarius = { cookie: await sessionCookie(db, marius, 'feide') };
const rows = (document: Document) => Array.from(document.querySelectorAll('#class-consents tbody tr'));
const pupilsIn = async (id: number) =>
  db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.address_protection'])
    .where('e.class_id', '=', id)
    .where('e.ends_on', 'is', null)
    .execute();

test("anonymous → login; a guardian, another class's teacher and an unknown class → 404", async () => {
  const res = await client.get(`/classes/${fiveA}/consents`);
  assert.equal(res.status, 302);
  assert.match(res.headers.get('location')!, /^\/login\?return_to=/);
  assert.equal((await client.get(`/classes/${fiveB}/consents`, asMarius)).status, 404);
  assert.equal((await client.get('/classes/999999/consents', asMarius)).status, 404);
  assert.equal(
    (
      await client.get(`/classes/${fiveA}/consents`, {
        cookie: await sessionCookie(db, await loginPersonId(db, 'guardian'), 'idporten'),
      })
    ).status,
    404,
  );
  assert.equal(
    (
      await client.get(`/classes/${fiveA}/consents`, {
        cookie: await sessionCookie(db, await loginPersonId(db, 'sfo-staff'), 'feide'),
      })
    ).status,
    404,
  );
});

test('the contact teacher sees every pupil × consent with symbol and text, and the class page links to it', async () => {
  const classPage = await html(await client.get(`/classes/${fiveA}`, asMarius));
  assert.ok(classPage.document.querySelector(`main a[href="/classes/${fiveA}/consents"]`));
  const { document } = await html(await client.get(`/classes/${fiveA}/consents`, asMarius));
  const pupils = await pupilsIn(fiveA);
  assert.equal(rows(document).length, pupils.length);
  const headers = Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
  for (const name of [
    'Opplysningene er riktige',
    'Kan sitte på i bil',
    'Foto',
    'Vises i klasserommet',
    'Publiseres på internett',
    'Video',
    'Svømming',
    'Oppført på klasselisten',
  ]) {
    assert.ok(
      headers.some((h) => h.endsWith(name)),
      name,
    );
  }
  const cells = Array.from(document.querySelectorAll('tbody td')).map((td) =>
    td.textContent!.replace(/\s+/g, ' ').trim(),
  );
  assert.ok(
    cells.every((c) => ['✓ Gitt', '✗ Nektet', '? Ikke besvart'].includes(c)),
    'symbol and text in every cell',
  );
  assert.ok(cells.includes('✓ Gitt') && cells.includes('✗ Nektet'), 'the demo has answers in 5A');
  assert.match(document.querySelector('form[method="get"]')!.className, /print:hidden/);
  assert.match(document.querySelector('#class-consents')!.className, /print:\[body:has\(&\)_header\]:hidden/);
});

test('filtering "who may not be photographed" matches the effective states, also as an htmx fragment', async () => {
  const actor = (await loadActor(db, marius, 'feide'))!;
  const all = await classConsentOverview(db, actor, fiveA);
  const column = all.types.findIndex((t) => t.key === 'foto');
  const expected = all.rows.filter((r) => r.states[column] !== 'given').map((r) => `${r.familyName}, ${r.givenName}`);
  assert.ok(expected.length > 0 && expected.length < all.rows.length, 'a real filter');
  const res = await client.get(`/classes/${fiveA}/consents?type=foto&state=not_given`, asMarius);
  const { document } = await html(res);
  assert.deepEqual(
    rows(document).map((r) => r.querySelector('th')!.textContent!.trim()),
    expected,
  );
  assert.match(
    document.querySelector('[role="status"]')!.textContent!,
    new RegExp(`Viser ${expected.length} av ${all.rows.length} elever`),
  );
  assert.ok(document.querySelector('#filter-type option[value="foto"][selected]'));
  assert.ok(document.querySelector('#filter-state option[value="not_given"][selected]'));

  const fragment = await client.get(`/classes/${fiveA}/consents?type=foto&state=not_given`, {
    ...asMarius,
    'hx-request': 'true',
    'hx-target': 'div#class-consents',
  });
  const text = await fragment.text();
  assert.doesNotMatch(text, /<html/);
  assert.match(text, /^<div id="class-consents"/);
  const given = await html(await client.get(`/classes/${fiveA}/consents?type=foto&state=given`, asMarius));
  assert.equal(rows(given.document).length, all.rows.length - expected.length);
  const junk = await client.get(`/classes/${fiveA}/consents?type=%3Cscript%3E&state=maybe`, asMarius);
  assert.equal(junk.status, 200, 'an unknown filter shows everything');
  assert.equal(rows((await html(junk)).document).length, all.rows.length);
});

test('a subject teacher sees a protected pupil without a name; the contact teacher and leadership see the name', async () => {
  const pupil = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'e.class_id', 's.id as school_id', 's.municipality_id'])
    .where('p.address_protection', '=', 'fortrolig')
    .where('s.name', '=', 'Bjørkelia skole')
    .where('e.ends_on', 'is', null)
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto('person')
    .values({ given_name: 'Siv', family_name: 'Faglærer', feide_id: 'feide:siv.fag@demo-kommune.example' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const membership = await db
    .insertInto('staff_membership')
    .values({
      person_id: person.id,
      municipality_id: pupil.municipality_id,
      school_id: pupil.school_id,
      role: 'teacher',
      starts_on: '2026-08-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_assignment')
    .values({ staff_membership_id: membership.id, class_id: pupil.class_id })
    .execute();
  const total = (await pupilsIn(pupil.class_id)).length;
  const name = `${pupil.family_name}, ${pupil.given_name}`;

  const asTeacher = await html(
    await client.get(`/classes/${pupil.class_id}/consents`, { cookie: await sessionCookie(db, person.id, 'feide') }),
  );
  assert.equal(rows(asTeacher.document).length, total, 'the count is still right');
  assert.ok(!asTeacher.text.includes(pupil.given_name + '</a>') && !asTeacher.text.includes(name), 'no name');
  assert.ok(!asTeacher.text.includes(`/pupils/${pupil.id}"`), 'no link that tells who');
  assert.match(rows(asTeacher.document).at(-1)!.textContent!, /Elev med skjermede opplysninger/);

  const asLeader = await html(
    await client.get(`/classes/${pupil.class_id}/consents`, {
      cookie: await sessionCookie(db, await loginPersonId(db, 'leadership'), 'feide'),
    }),
  );
  assert.ok(asLeader.text.includes(name));
  assert.doesNotMatch(asLeader.text, /Elev med skjermede opplysninger/);
});

test('the overview runs the same number of queries however many pupils the class has', async () => {
  const leader = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide'))!;
  const queriesFor = async (id: number) => {
    const counter = countStatements(db);
    const overview = await classConsentOverview(counter.db, leader, id);
    return { queries: counter.count, pupils: overview.total };
  };
  const before = await queriesFor(fiveB);
  const school = (await db.selectFrom('class').select('school_id').where('id', '=', fiveB).executeTakeFirstOrThrow())
    .school_id;
  const added = await db
    .insertInto('person')
    .values(Array.from({ length: 15 }, (_, i) => ({ given_name: `Ny${i}`, family_name: 'Elev' })))
    .returning('id')
    .execute();
  const parents = await db
    .insertInto('person')
    .values(added.map((_, i) => ({ given_name: `Forelder${i}`, family_name: 'Elev' })))
    .returning('id')
    .execute();
  await db
    .insertInto('enrolment')
    .values(added.map((p) => ({ pupil_id: p.id, school_id: school, class_id: fiveB, starts_on: '2026-08-01' })))
    .execute();
  await db
    .insertInto('guardian_relation')
    .values(added.map((p, i) => ({ pupil_id: p.id, guardian_id: parents[i]!.id, relation: 'mor' as const })))
    .execute();
  const foto = (
    await db.selectFrom('consent_type').select('id').where('key', '=', 'foto').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('consent_answer')
    .values(
      added.map((p, i) => ({
        pupil_id: p.id,
        guardian_id: parents[i]!.id,
        consent_type_id: foto,
        state: 'given' as const,
      })),
    )
    .execute();
  const after = await queriesFor(fiveB);
  assert.equal(after.pupils, before.pupils + 15);
  assert.equal(after.queries, before.queries);
});
