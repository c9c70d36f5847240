import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { startStaffThread } from '../../src/domain/messages/send.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 19, item 1: the guardian's home, one tap each per child — report absence today, unread messages, forms due,
// the other guardian's application to confirm, today's lessons — and the general consent's state. A fixed number of
// queries whatever the number of children.
const TODAY = '2026-11-25'; // a Wednesday, a school day in the demo
const NOW = new Date(`${TODAY}T08:00:00+01:00`);
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock: () => NOW });

const kariId = await loginPersonId(db, 'guardian');
const childOf = async (guardianId: number, given: string) =>
  (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
const sofie = await childOf(kariId, 'Sofie');
const jonas = await childOf(kariId, 'Jonas');
const andersId = (
  await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.guardian_id')
    .select('p.id')
    .where('r.pupil_id', '=', sofie)
    .where('p.given_name', '=', 'Anders')
    .executeTakeFirstOrThrow()
).id;
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };
// Kari has decided on the general consent, so /home is not the gate.
await db.deleteFrom('general_consent').where('guardian_id', '=', kariId).execute();
await db.insertInto('general_consent').values({ guardian_id: kariId, state: 'given', decided_at: NOW }).execute();
const anders = { cookie: await sessionCookie(db, andersId, 'idporten') };

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The card of one child on Kari's home page (found by the link to the child's page). */
async function cardOf(pupilId: number) {
  const res = await client.get('/home', kari);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  const heading = document.querySelector(`h3 a[href="/children/${pupilId}"]`);
  assert.ok(heading, 'the child is on the home page');
  const card = heading.closest('li')!;
  return {
    card,
    document,
    links: Array.from(card.querySelectorAll('a')).map((a) => ({
      text: squash(a.textContent),
      href: a.getAttribute('href'),
    })),
  };
}

test('"Meld fravær i dag" opens the report for today, and one more post saves it (≤ 3 taps)', async () => {
  const { links } = await cardOf(sofie);
  const report = links.find((l) => l.text === 'Meld fravær i dag');
  assert.ok(report, 'the button is on the card');
  assert.equal(report.href, `/children/${sofie}/absence/new?kind=days&date=${TODAY}`);
  const form = await html(await client.get(report.href!, kari));
  assert.equal(
    form.document.querySelector<HTMLInputElement>('input[name="from"]')?.getAttribute('value'),
    '25.11.2026',
  );
  // "I dag" / "I morgen" on the form: the report for tomorrow in one tap.
  const tomorrow = form.document.querySelector(`a[href="/children/${sofie}/absence/new?kind=days&date=2026-11-26"]`);
  assert.equal(squash(tomorrow?.textContent), 'I morgen');
  assert.ok(form.document.querySelector(`a[href="/children/${sofie}/absence/new?kind=days&date=${TODAY}"]`), 'I dag');
  const next = await html(await client.get(tomorrow!.getAttribute('href')!, kari));
  assert.equal(next.document.querySelector('input[name="from"]')?.getAttribute('value'), '26.11.2026');
  const saved = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '25.11.2026', to: '', reason: 'sjuk', note: '' },
    kari,
  );
  assert.equal(saved.status, 303);
  const row = await db
    .selectFrom('absence_report')
    .select(['from_date', 'to_date'])
    .where('pupil_id', '=', sofie)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(String(row.from_date), TODAY);
});

test('unread messages and open forms show as links on the child, and go when read or answered', async () => {
  const before = await cardOf(sofie);
  assert.ok(!before.links.some((l) => /ulest/.test(l.text)), 'nothing unread to begin with');
  const rektor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
  const thread = await startStaffThread(
    db,
    rektor,
    sofie,
    { subject: 'Tur i morgen', body: 'Husk varme klær.' },
    NOW,
    TODAY,
  );
  const after = await cardOf(sofie);
  const unread = after.links.find((l) => /ulest melding/.test(l.text));
  assert.ok(unread, 'the unread message shows');
  assert.equal(unread.text, '1 ulest melding');
  assert.equal(unread.href, `/children/${sofie}/messages`);
  const jonasCard = await cardOf(jonas);
  assert.ok(!jonasCard.links.some((l) => /ulest/.test(l.text)), 'only on the child it is about');

  // Reading the thread takes it away.
  const { threadId } = thread;
  assert.equal((await client.get(`/children/${sofie}/messages/${threadId}`, kari)).status, 200);
  assert.ok(!(await cardOf(sofie)).links.some((l) => /ulest/.test(l.text)), 'read: gone');

  // Two forms sent for Sofie, still open; one more past its deadline does not count.
  const school = await db
    .selectFrom('enrolment')
    .select('school_id')
    .where('pupil_id', '=', sofie)
    .executeTakeFirstOrThrow();
  const formIds: number[] = [];
  for (const deadline of ['2026-12-01', '2026-12-10', '2026-11-20']) {
    const { id } = await db
      .insertInto('form')
      .values({
        school_id: school.school_id,
        audience_kind: 'school',
        audience_id: school.school_id,
        audience_trinn: null,
        title: `Skjema ${deadline}`,
        deadline,
        created_by: rektor.personId,
        sent_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('form_recipient').values({ form_id: id, pupil_id: sofie }).execute();
    formIds.push(id);
  }
  const forms = (await cardOf(sofie)).links.find((l) => /skjema/.test(l.text));
  assert.deepEqual(forms, { text: '2 skjemaer å svare på', href: `/children/${sofie}/forms` });
  await db
    .insertInto('form_answer')
    .values({ form_id: formIds[0]!, pupil_id: sofie, answered_by: andersId, answers: JSON.stringify({}) })
    .execute();
  const left = (await cardOf(sofie)).links.find((l) => /skjema/.test(l.text));
  assert.deepEqual(
    left,
    { text: '1 skjema å svare på', href: `/children/${sofie}/forms` },
    'answered by the other guardian: done',
  );
});

test("the other guardian's leave application waits on the home page with a link to answer it", async () => {
  const applied = await client.post(
    `/children/${sofie}/leave-applications`,
    {
      reason: 'reise',
      from: '07.12.2026',
      to: '09.12.2026',
      justification: 'Besøk hos besteforeldre i Tromsø.',
      rules_read: 'yes',
    },
    anders,
  );
  assert.equal(applied.status, 303);
  const { links } = await cardOf(sofie);
  const waiting = links.find((l) => l.text === 'Permisjonssøknad venter på at du bekrefter');
  assert.ok(waiting, 'the confirmation waits on the home page');
  assert.equal(waiting.href, `/children/${sofie}/leave`);
  // Anders, who applied, has nothing to confirm.
  const own = await html(await client.get('/home', anders));
  assert.ok(!/venter på at du bekrefter/.test(own.text));
});

test("today's lessons on a school day, none at the weekend, and the timetable one tap away", async () => {
  const { card } = await cardOf(sofie);
  const today = card.querySelector(`#today-${sofie}`);
  assert.ok(today);
  const lessons = Array.from(today.querySelectorAll('li')).map((li) => squash(li.textContent));
  assert.ok(lessons.length > 0, 'Wednesday has lessons');
  assert.ok(
    lessons.every((l) => /^\d\d:\d\d–\d\d:\d\d \S/.test(l)),
    lessons.join(' | '),
  );
  assert.deepEqual([...lessons].sort(), lessons, 'in time order');
  assert.equal(today.querySelector('a')?.getAttribute('href'), `/children/${sofie}/timetable`);

  const saturday = createTestApp(db, {}, { clock: () => new Date('2026-11-28T10:00:00+01:00') });
  const { document } = await html(await saturday.get('/home', kari));
  const weekend = document.querySelector(`#today-${sofie}`);
  assert.equal(squash(weekend?.querySelector('p')?.textContent), 'Ingen skole i dag.');
});

test("the general consent's state shows with a link, also after a withdrawal", async () => {
  await db.deleteFrom('general_consent').where('guardian_id', '=', kariId).execute();
  await db.insertInto('general_consent').values({ guardian_id: kariId, state: 'given', decided_at: NOW }).execute();
  let { document } = await cardOf(sofie);
  assert.match(squash(document.querySelector('#general-consent-state')?.textContent), /^Du har samtykket/);
  assert.equal(
    document.querySelector('section[aria-labelledby="general-consent-heading"] a')?.getAttribute('href'),
    '/consent/general?return_to=%2Fhome',
  );
  await db.updateTable('general_consent').set({ state: 'withdrawn' }).where('guardian_id', '=', kariId).execute();
  ({ document } = await cardOf(sofie));
  assert.match(squash(document.querySelector('#general-consent-state')?.textContent), /^Du har trukket samtykket/);
  assert.equal(
    squash(document.querySelector('section[aria-labelledby="general-consent-heading"] a')?.textContent),
    'Svar nå',
  );
});

test('the home page asks a fixed number of queries, whatever the number of children', async () => {
  counter.reset();
  assert.equal((await client.get('/home', kari)).status, 200);
  const two = counter.count;
  // Kari's two children cost what one child costs: nothing is asked per child.
  await db
    .updateTable('guardian_relation')
    .set({ blocked: true })
    .where('guardian_id', '=', kariId)
    .where('pupil_id', '=', jonas)
    .execute();
  try {
    counter.reset();
    const one = await html(await client.get('/home', kari));
    assert.ok(!one.document.querySelector(`h3 a[href="/children/${jonas}"]`), 'Jonas is no longer on the page');
    assert.equal(two, counter.count, `two children: ${two} queries, one child: ${counter.count}`);
  } finally {
    await db
      .updateTable('guardian_relation')
      .set({ blocked: false })
      .where('guardian_id', '=', kariId)
      .where('pupil_id', '=', jonas)
      .execute();
  }
});

test("the child overview: this school year's absence, the next lessons, and the timetable as a tab", async () => {
  const { document } = await html(await client.get(`/children/${sofie}`, kari));
  assert.match(squash(document.querySelector('#absence-totals')?.textContent), /dag|time/);
  assert.ok(document.querySelector(`a[href="/children/${sofie}/absence"]`), 'a link to all absence');
  const next = document.querySelector('section[aria-labelledby="next-lessons"]');
  assert.ok(next);
  assert.equal(next.querySelector('time')?.getAttribute('datetime'), TODAY, 'at 08:00 the rest of today');
  const lessons = Array.from(next.querySelectorAll('li')).map((li) => squash(li.textContent));
  assert.ok(lessons.length > 0);
  assert.ok(
    lessons.every((l) => /^\d\d:\d\d–\d\d:\d\d \S/.test(l)),
    lessons.join(' | '),
  );
  const tab = document.querySelector(`nav a[href="/children/${sofie}/timetable"]`);
  assert.equal(squash(tab?.textContent), 'Timeplan', 'Timeplan is a tab');

  // In the evening, the next lessons are tomorrow's.
  const evening = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T22:00:00+01:00`) });
  const later = await html(await evening.get(`/children/${sofie}`, kari));
  assert.equal(
    later.document.querySelector('section[aria-labelledby="next-lessons"] time')?.getAttribute('datetime'),
    '2026-11-26',
  );
});

test('a day reported by home and registered by the school per lesson reads as one absence', async () => {
  await db.deleteFrom('attendance').where('pupil_id', '=', sofie).execute();
  const reported = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '23.11.2026', to: '', reason: 'sjuk', note: '' },
    kari,
  );
  assert.equal(reported.status, 303);
  const school = await db
    .selectFrom('enrolment')
    .select('school_id')
    .where('pupil_id', '=', sofie)
    .executeTakeFirstOrThrow();
  const teacher = await loginPersonId(db, 'contact-teacher');
  const lessons = await db.selectFrom('lesson').select('id').where('weekday', '=', 1).limit(2).execute();
  for (const [date, lesson] of [
    ['2026-11-23', lessons[0]!.id],
    ['2026-11-23', lessons[1]!.id],
    ['2026-11-20', lessons[0]!.id],
  ] as const)
    await db
      .insertInto('attendance')
      .values({
        pupil_id: sofie,
        school_id: school.school_id,
        date,
        lesson_id: lesson,
        status: 'absent',
        registered_by: teacher,
      })
      .execute();
  const { document } = await html(await client.get(`/children/${sofie}/absence`, kari));
  const items = Array.from(document.querySelectorAll('#absence-list > li')).map((li) => squash(li.textContent));
  const monday = items.filter((text) => text.includes('23.11.2026'));
  assert.equal(monday.length, 1, `one item for Monday: ${monday.join(' | ')}`);
  assert.match(
    monday[0]!,
    /Skolen har registrert det samme fraværet:.*Registrert av skolen: borte.*Registrert av skolen: borte/,
  );
  assert.ok(
    items.some((text) => /^20\.11\.2026\s*Registrert av skolen: borte/.test(text)),
    `a registration on a day home did not report stays an item of its own: ${items.join(' | ')}`,
  );
});
