import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { recordAudit } from '../../src/domain/audit.ts';
import { startStaffThread } from '../../src/domain/messages/send.ts';
import { contactTeacherIdsForPupil } from '../../src/domain/notifications/outbox.ts';
import { LOG_PAGE_SIZE } from '../../src/domain/privacy/child-log.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { pdfText } from '../support/pdf.ts';
import { childOf, loginPersonId, personNamed } from '../support/fixtures.ts';

// Issue 16, item 5 (D9) and item 3 (G16): staff reading a pupil's absence, message book, a thread or an application is
// in the audit like a pupil-card view, and the child's guardians see every read and change in My data, paged.
const TODAY = '2026-11-25';
const NOW = new Date(`${TODAY}T09:00:00+01:00`);
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => NOW });

const kari = await loginPersonId(db, 'guardian');
const rektor = await loginPersonId(db, 'leadership');
const sofie = await childOf(db, kari, 'Sofie');
const anders = await personNamed(db, 'Anders', 'Nordmann'); // Sofie's father
const teacher = (await contactTeacherIdsForPupil(db, sofie, TODAY))[0]!;
const cookies = {
  kari: { cookie: await sessionCookie(db, kari, 'idporten') },
  anders: { cookie: await sessionCookie(db, anders, 'idporten') },
  teacher: { cookie: await sessionCookie(db, teacher, 'feide') },
  rektor: { cookie: await sessionCookie(db, rektor, 'feide') },
  sfoLeader: { cookie: await sessionCookie(db, await loginPersonId(db, 'sfo-leader'), 'feide') },
  blocked: { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian-blocked'), 'idporten') },
};

/** The audit rows written since `after` (an audit id), oldest first. */
async function rowsAfter(after: number) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_person_id', 'actor_role', 'subject_person_id', 'record_type', 'record_id', 'details'])
    .where('id', '>', after)
    .orderBy('id')
    .execute();
}
const lastId = async () =>
  Number(
    (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0,
  );

test('a staff GET of absence, message book, thread and application is one audit row each; a re-render is none', async () => {
  const teacherActor = (await loadActor(db, teacher, 'feide', TODAY))!;
  const { threadId } = await startStaffThread(db, teacherActor, sofie, { subject: 'Tur', body: 'Hei' }, NOW, TODAY);
  const bjorkelia = (
    await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
  ).id;
  const applicationId = await insertLeaveApplication(db, {
    pupil_id: sofie,
    school_id: bjorkelia,
    applicant_id: kari,
    reason: 'reise',
    from_date: '2027-01-11',
    to_date: '2027-01-11',
    school_days: 1,
    justification: 'Besøk hos besteforeldre.',
    rules_confirmed_at: NOW,
    status: 'submitted',
    submitted_at: NOW,
  });

  let mark = await lastId();
  for (const path of [`/pupils/${sofie}/absence`, `/pupils/${sofie}/messages`, `/messages/${threadId}`]) {
    const res = await client.get(path, cookies.teacher);
    assert.equal(res.status, 200, path);
  }
  const teacherRows = await rowsAfter(mark);
  assert.deepEqual(
    teacherRows.map((r) => [r.action, r.actor_person_id, r.subject_person_id, r.record_type]),
    [
      ['pupil_absence.view', teacher, sofie, 'person'],
      ['message_book.view', teacher, sofie, 'person'],
      ['message_thread.view', teacher, sofie, 'message_thread'],
    ],
  );
  assert.ok(
    teacherRows.every((r) => r.actor_role?.split(',').includes('contact_teacher')),
    'the capacity is kept',
  );

  // a reply re-renders the thread (htmx): the reply is audited as a message, not as another read
  mark = await lastId();
  const reply = await client.post(
    `/messages/${threadId}/replies`,
    { body: 'Husk matpakke' },
    { ...cookies.teacher, 'HX-Request': 'true', 'HX-Target': '#thread-conversation' },
  );
  assert.equal(reply.status, 200);
  assert.ok(!(await rowsAfter(mark)).some((r) => r.action === 'message_thread.view'));

  mark = await lastId();
  assert.equal((await client.get(`/applications/${applicationId}`, cookies.rektor)).status, 200);
  const invalid = await client.post(`/applications/${applicationId}/decision`, { outcome: '' }, cookies.rektor);
  assert.equal(invalid.status, 422, 'a decision without an outcome comes back with the form');
  const appRows = await rowsAfter(mark);
  assert.deepEqual(
    appRows.map((r) => [r.action, r.actor_person_id, r.subject_person_id, r.record_id]),
    [['application.view', rektor, sofie, String(applicationId)]],
    'one read for the GET, none for the 422 re-render',
  );
  assert.deepEqual(appRows[0]!.details, { kind: 'leave' });

  // a guardian reading her own child's pages is not a staff read
  mark = await lastId();
  assert.equal((await client.get(`/children/${sofie}/absence`, cookies.kari)).status, 200);
  assert.equal((await client.get(`/children/${sofie}/messages/${threadId}`, cookies.kari)).status, 200);
  assert.ok(!(await rowsAfter(mark)).some((r) => r.action.endsWith('.view')));

  // what another staff member may not see is a 404, and no read is recorded
  mark = await lastId();
  const outsider = await client.get(`/applications/${applicationId}`, cookies.teacher);
  assert.equal(outsider.status, 404);
  assert.deepEqual(await rowsAfter(mark), []);
});

test('a view of the SFO board is audited, about the unit and the day', async () => {
  const mark = await lastId();
  const start = await client.get('/care', cookies.sfoLeader);
  const board = start.status === 302 ? await client.get(start.headers.get('location')!, cookies.sfoLeader) : start;
  assert.equal(board.status, 200);
  const rows = await rowsAfter(mark);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.action, 'care_board.view');
  assert.equal(rows[0]!.record_type, 'sfo');
  assert.equal(rows[0]!.subject_person_id, null);
  assert.deepEqual(rows[0]!.details, { date: TODAY, departmentId: null });
});

test("My data shows the guardian who read and changed the child's data, and the whole log page by page", async () => {
  const { text, document } = await html(await client.get('/me/data', cookies.kari));
  assert.match(text, /Hvem har lest og endret opplysningene om barnet/);
  const sofieSection = Array.from(document.querySelectorAll('section')).find((s) =>
    /Barn: Sofie/.test(s.querySelector('h2')?.textContent ?? ''),
  )!;
  const sectionText = sofieSection.textContent ?? '';
  assert.match(sectionText, /Så fraværet/);
  assert.match(sectionText, /Leste en meldingstråd/);
  assert.match(sectionText, /Permisjon|Så en søknad/);
  assert.match(sectionText, /Kontaktlærer/, 'the capacity in words, not its code');
  assert.doesNotMatch(sectionText, /contact_teacher|pupil_absence\.view/);
  const all = sofieSection.querySelector<HTMLAnchorElement>(`a[href="/me/data/children/${sofie}/log"]`);
  assert.ok(all, 'a link to the whole log');

  // the other guardian's own doings are his, not shown to Kari; hers are
  await recordAudit(db, {
    actor: { personId: anders, via: 'idporten' },
    role: 'guardian',
    action: 'absence.report',
    subjectPersonId: sofie,
  });
  await recordAudit(db, {
    actor: { personId: kari, via: 'idporten' },
    role: 'guardian',
    action: 'consent.answer',
    subjectPersonId: sofie,
  });
  // an action the log does not show (blocking concerns another guardian)
  await recordAudit(db, {
    actor: { personId: rektor, via: 'feide' },
    role: 'leadership',
    action: 'guardian.block',
    subjectPersonId: sofie,
    reason: 'Hemmelig grunn',
  });
  // 60 older reads, so the log has two pages
  for (let i = 0; i < 60; i++)
    await recordAudit(
      db,
      {
        actor: { personId: teacher, via: 'feide' },
        role: 'contact_teacher',
        action: 'pupil_card.view',
        subjectPersonId: sofie,
      },
      new Date(Date.UTC(2026, 8, 1, 8, i)),
    );

  const first = await html(await client.get(`/me/data/children/${sofie}/log`, cookies.kari));
  assert.match(first.document.querySelector('h1')?.textContent ?? '', /Logg for Sofie Nordmann/);
  const rows = Array.from(first.document.querySelectorAll('tbody tr'));
  assert.equal(rows.length, LOG_PAGE_SIZE);
  assert.match(rows[0]!.textContent ?? '', /Kari Nordmann.*Svarte på et samtykke/s, 'her own answer, newest first');
  assert.doesNotMatch(first.text, /Anders Nordmann/, "the other guardian's report is not in Kari's log");
  assert.doesNotMatch(first.text, /Hemmelig grunn|guardian\.block/);
  assert.match(rows.at(-1)!.textContent ?? '', /01\.09\.2026/);
  const older = first.document.querySelector<HTMLAnchorElement>('a[rel="next"]');
  assert.equal(older?.getAttribute('href'), `/me/data/children/${sofie}/log?page=2`);

  const second = await html(await client.get(`/me/data/children/${sofie}/log?page=2`, cookies.kari));
  const secondRows = Array.from(second.document.querySelectorAll('tbody tr'));
  assert.ok(secondRows.length > 0 && secondRows.length < LOG_PAGE_SIZE);
  assert.ok(secondRows.every((r) => /Så elevkortet/.test(r.textContent ?? '')));
  assert.ok(second.document.querySelector('a[rel="prev"]'));
  assert.equal(second.document.querySelector('a[rel="next"]'), null);

  // Anders sees his own report in his log of Sofie
  const andersLog = await html(await client.get(`/me/data/children/${sofie}/log`, cookies.anders));
  assert.match(andersLog.text, /Anders Nordmann.*Meldte fravær/s);

  // the JSON export has the whole log (not the newest 100): every one of the 60 reads
  const json = await (await client.get('/me/data.json', cookies.kari)).json();
  const sofieData = json.children.find((c: { id: number }) => c.id === sofie);
  assert.equal(sofieData.logMore, false);
  assert.ok(sofieData.log.filter((e: { action: string }) => e.action === 'pupil_card.view').length >= 60);
  assert.ok(!sofieData.log.some((e: { action: string }) => e.action === 'guardian.block'));
  // and the PDF the same rows in words
  const pdf = await pdfText(new Uint8Array(await (await client.get('/me/data.pdf', cookies.kari)).arrayBuffer()));
  const reader = await db
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', teacher)
    .executeTakeFirstOrThrow();
  assert.ok(pdf.includes(`${reader.given_name} ${reader.family_name} (Kontaktlærer, Lærer) – Så fraværet`), pdf);
  assert.doesNotMatch(pdf, /pupil_absence|contact_teacher/);
});

test('the log page is a 404 for anyone but an unblocked guardian of the child', async () => {
  for (const [who, cookie] of [
    ['blocked guardian', cookies.blocked],
    ['teacher', cookies.teacher],
    ['rektor', cookies.rektor],
  ] as const)
    assert.equal((await client.get(`/me/data/children/${sofie}/log`, cookie)).status, 404, who);
  const other = await childOf(db, kari, 'Jonas');
  assert.equal((await client.get(`/me/data/children/${other}/log`, cookies.kari)).status, 200);
  assert.equal((await client.get(`/me/data/children/abc/log`, cookies.kari)).status, 404);
  assert.equal((await client.get(`/me/data/children/999999/log`, cookies.kari)).status, 404);
});

test('a pupil sees their own data and who among the staff read it, never another child’s log', async () => {
  const pupilId = await loginPersonId(db, 'pupil');
  const pupil = { cookie: await sessionCookie(db, pupilId, 'feide') };
  // a staff read of the pupil, as the pupil card writes it
  await recordAudit(db, {
    actor: { personId: rektor, via: 'feide' },
    role: 'leadership',
    action: 'pupil_card.view',
    subjectPersonId: pupilId,
  });
  const res = await client.get('/me/data', pupil);
  assert.equal(res.status, 200);
  const { document, text } = await html(res);
  assert.match(text, /Her ser du hva Skolebro lagrer om deg/);
  assert.match(text, /Skolen din/);
  assert.match(text, /Hvem har lest og endret opplysningene om deg/);
  assert.match(text, /Torunn Holmvik.*Så elevkortet/s);
  const aboutYou = Array.from(
    document.querySelectorAll('#about-you ~ dl dt, section[aria-labelledby="about-you"] dt'),
  ).map((dt) => dt.textContent);
  assert.ok(aboutYou.includes('Navn'));
  assert.ok(!aboutYou.includes('E-post') && !aboutYou.includes('Mobil'), 'no contact card: a pupil has none');
  assert.ok(document.querySelector(`a[href="/me/data/children/${pupilId}/log"]`), 'the whole log is theirs to page');
  assert.equal((await client.get(`/me/data/children/${pupilId}/log`, pupil)).status, 200);
  assert.equal((await client.get(`/me/data/children/${sofie}/log`, pupil)).status, 404, "another child's log");
  const json = await (await client.get('/me/data.json', pupil)).json();
  assert.equal(json.subject, 'pupil');
  assert.equal(json.children.length, 1);
  assert.equal(json.children[0].id, pupilId);
  const pdf = await pdfText(new Uint8Array(await (await client.get('/me/data.pdf', pupil)).arrayBuffer()));
  assert.match(pdf, /Skolen din/);
  assert.match(pdf, /Torunn Holmvik \(Skoleledelse\) – Så elevkortet/);
});
