import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { insertStaff, loginPersonId, withRollback } from '../support/fixtures.ts';

const clock = () => new Date('2026-11-25T08:00:00+01:00'); // Wednesday
const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock });

const person = (key: DemoLoginKey) => loginPersonId(db, key);
async function childOf(guardianId: number, given: string): Promise<number> {
  return (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
}
const kari = await person('guardian');
const sofie = await childOf(kari, 'Sofie');
const jonas = await childOf(kari, 'Jonas');
const emil = await childOf(await person('guardian-private'), 'Emil');
const maja = await childOf(await person('guardian-blocked'), 'Maja');
const cookie = { kari: await sessionCookie(db, kari, 'idporten') };
const as = (c: string) => ({ cookie: c });
const htmx = (c: string, target: string) => ({ cookie: c, 'hx-request': 'true', 'hx-target': target });
/** The text of an element as a reader meets it: text nodes joined with spaces. */
const words = (node: Node): string =>
  node.nodeType === 3 ? (node.textContent ?? '') : Array.from(node.childNodes).map(words).join(' ');
const text = (document: Document, selector: string) => {
  const el = document.querySelector(selector);
  return el
    ? words(el)
        .replace(/\s+/g, ' ')
        .replace(/ ([.,)])/g, '$1')
        .trim()
    : '';
};
const reportId = (location: string | null) => Number(/saved=(\d+)/.exec(location ?? '')?.[1]);
const lessonsOn = async (date: string) =>
  Array.from(
    (
      await html(await client.get(`/children/${sofie}/absence/new?kind=lessons&date=${date}`, as(cookie.kari)))
    ).document.querySelectorAll<HTMLInputElement>('input[name="lessons"]'),
  );

test("the child's absence page: totals, both ways to report, a fragment for htmx", async () => {
  const res = await client.get(`/children/${sofie}/absence`, as(cookie.kari));
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.equal(text(document, 'h2#absence-heading'), 'Fravær for Sofie');
  assert.equal(text(document, '#absence-totals'), '0 dager og 0 timer');
  assert.equal(document.querySelector('a[href$="/absence/new?kind=days"]')?.textContent, 'Meld fravær for hele dager');
  assert.equal(
    document.querySelector('a[href$="/absence/new?kind=lessons"]')?.textContent,
    'Meld fravær for enkelttimer',
  );
  assert.equal(document.querySelector('nav a[aria-current="page"]')?.textContent, 'Fravær');
  const fragment = await client.get(`/children/${sofie}/absence?saved=1`, htmx(cookie.kari, 'div#child-section'));
  const body = await fragment.text();
  assert.ok(body.startsWith('<section') && !body.includes('<h1'), 'only the section');
  assert.equal(fragment.headers.get('hx-push-url'), `/children/${sofie}/absence?saved=1`);
});

test('whole days: 303 with a receipt, listed as coming, withdrawable; then withdrawn', async () => {
  const res = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '27.11.2026', to: '30.11.2026', reason: 'sjuk', note: 'Sofie er syk og kommer ikke.' },
    as(cookie.kari),
  );
  assert.equal(res.status, 303);
  const id = reportId(res.headers.get('location'));
  const { document } = await html(await client.get(res.headers.get('location')!, as(cookie.kari)));
  assert.equal(
    text(document, '[role="status"]'),
    'Fraværet er meldt: 27.11.2026–30.11.2026 (2 skoledager). Skolen ser meldingen nå.',
  );
  const item = text(document, `#absence-report-${id}`);
  assert.match(
    item,
    /^27\.11\.2026–30\.11\.2026 Kommer Hele dagen · 2 skoledager Meldt av Kari Nordmann · Årsak: Syk Merknad: Sofie er syk og kommer ikke\./,
  );
  assert.equal(text(document, '#absence-totals'), '0 dager og 0 timer', 'future days are not counted yet');

  const withdrawn = await client.post(`/children/${sofie}/absences/${id}/withdrawal`, {}, as(cookie.kari));
  assert.equal(withdrawn.status, 303);
  assert.equal(withdrawn.headers.get('location'), `/children/${sofie}/absence?withdrawn=1`);
  const after = await html(await client.get(withdrawn.headers.get('location')!, as(cookie.kari)));
  assert.equal(text(after.document, '[role="status"]'), 'Fraværsmeldingen er trukket tilbake.');
  assert.equal(after.document.querySelector(`#absence-report-${id}`), null);
});

test('422 keeps the values and links each error from the summary to its field', async () => {
  const res = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '', to: 'i morgen', reason: '', note: 'Sofie er hos tannlege.' },
    as(cookie.kari),
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  const links = Array.from(document.querySelectorAll('[role="alert"] a')).map((a) => [
    a.getAttribute('href'),
    a.textContent,
  ]);
  assert.deepEqual(links, [
    ['#absence-from', 'Skriv inn fra-datoen.'],
    ['#absence-to', 'Skriv til-datoen som dd.mm.åååå.'],
    ['#absence-reason-sjuk', 'Velg en årsak.'],
  ]);
  assert.equal(document.querySelector<HTMLInputElement>('#absence-to')?.getAttribute('value'), 'i morgen');
  assert.equal(document.querySelector('#absence-from')?.getAttribute('aria-invalid'), 'true');
  assert.equal(document.querySelector('#absence-note')?.textContent, 'Sofie er hos tannlege.');
  assert.equal(document.querySelector('#absence-note')?.getAttribute('aria-describedby'), 'absence-note-warning');
  assert.match(text(document, '#absence-note-warning'), /Ikke skriv symptomer eller diagnose/);

  const weekend = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '28.11.2026', to: '29.11.2026', reason: 'annet' },
    htmx(cookie.kari, 'div#child-section'),
  );
  assert.equal(weekend.status, 422);
  const fragment = await html(weekend);
  assert.equal(
    text(fragment.document, '#absence-from-error'),
    'Det er ingen skoledager i perioden (helg eller ferie etter skoleruta).',
  );
  assert.equal(
    fragment.document.querySelector<HTMLInputElement>('#absence-reason-annet')?.hasAttribute('checked'),
    true,
  );
  assert.ok(!fragment.text.includes('<h1'), 'htmx gets the section');
});

test('lessons: one checkbox per lesson of the day; htmx gets only that part; weekends and a missing timetable are explained', async () => {
  const { document } = await html(
    await client.get(`/children/${sofie}/absence/new?kind=lessons&date=2026-11-26`, as(cookie.kari)),
  );
  assert.equal(document.querySelector('#absence-date')?.getAttribute('value'), '26.11.2026');
  const labels = Array.from(document.querySelectorAll('#absence-lessons label'))
    .map((l) => l.textContent?.trim())
    .filter((l) => /^\d\d:\d\d/.test(l ?? ''));
  assert.ok(labels.length >= 4 && labels.every((l) => /^\d\d:\d\d–\d\d:\d\d \S/.test(l!)), labels.join(' | '));
  assert.equal(
    document.querySelector('#absence-lessons legend')?.textContent,
    'Hvilke timer er Sofie borte 26.11.2026?',
  );

  const part = await client.get(
    `/children/${sofie}/absence/new?kind=lessons&date=27.11.2026`,
    htmx(cookie.kari, 'div#absence-lessons'),
  );
  const partText = await part.text();
  assert.ok(partText.startsWith('<div id="absence-lessons"'), partText.slice(0, 60));
  assert.match(partText, /value="2026-11-27"/);

  const saturday = await html(
    await client.get(`/children/${sofie}/absence/new?kind=lessons&date=28.11.2026`, as(cookie.kari)),
  );
  assert.equal(
    text(saturday.document, '#absence-lessons'),
    '28.11.2026 er ikke en skoledag (helg eller fri). Velg en annen dato.',
  );
  const holiday = await html(
    await client.get(`/children/${sofie}/absence/new?kind=lessons&date=2026-12-22`, as(cookie.kari)),
  );
  assert.match(text(holiday.document, '#absence-lessons'), /\(Juleferie\)/);

  await withRollback(db, async (trx) => {
    await trx.deleteFrom('lesson').where('weekday', '=', 5).execute();
    const noTimetable = createTestApp(trx, {}, { clock });
    const { document: page } = await html(
      await noTimetable.get(`/children/${sofie}/absence/new?kind=lessons&date=27.11.2026`, as(cookie.kari)),
    );
    assert.match(text(page, '#absence-lessons'), /^Skolen har ikke lagt inn timeplan for denne dagen\./);
    assert.equal(
      page.querySelector('#absence-lessons a')?.getAttribute('href'),
      `/children/${sofie}/absence/new?kind=days&date=2026-11-27`,
    );
  });
  const prefilled = await html(
    await client.get(`/children/${sofie}/absence/new?kind=days&date=2026-11-27`, as(cookie.kari)),
  );
  assert.equal(prefilled.document.querySelector('#absence-from')?.getAttribute('value'), '27.11.2026');
});

test('two lessons today: counted as 2 hours, not withdrawable (the day has begun), then marked as already reported', async () => {
  const [first, second] = await lessonsOn('2026-11-25');
  const body = new URLSearchParams([
    ['kind', 'lessons'],
    ['date', '2026-11-25'],
    ['lessons', first!.value],
    ['lessons', second!.value],
    ['reason', 'lege'],
  ]);
  const two = await client.app.request(`${TEST_ORIGIN}/children/${sofie}/absences`, {
    method: 'POST',
    body,
    headers: {
      cookie: cookie.kari,
      'content-type': 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
    },
  });
  assert.equal(two.status, 303);
  const id = reportId(two.headers.get('location'));
  const { document } = await html(await client.get(two.headers.get('location')!, as(cookie.kari)));
  assert.equal(text(document, '#absence-totals'), '0 dager og 2 timer');
  assert.match(
    text(document, `#absence-report-${id}`),
    /^25\.11\.2026 \d\d:\d\d–\d\d:\d\d \S+.* \d\d:\d\d–\d\d:\d\d \S+.* Meldt av Kari Nordmann · Årsak: Lege eller tannlege$/,
  );
  assert.equal(document.querySelector(`#absence-report-${id} form`), null, 'no withdraw button on the day');
  const refused = await client.post(`/children/${sofie}/absences/${id}/withdrawal`, {}, as(cookie.kari));
  assert.equal(refused.status, 409);
  assert.match(text((await html(refused)).document, '[role="alert"]'), /kan ikke trekkes tilbake lenger/);

  const again = await lessonsOn('2026-11-25');
  assert.equal(again[0]!.hasAttribute('disabled'), true);
  const duplicate = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'lessons', date: '2026-11-25', lessons: first!.value, reason: 'lege' },
    as(cookie.kari),
  );
  assert.equal(duplicate.status, 422);
  assert.equal(
    text((await html(duplicate)).document, '#absence-lessons-error'),
    'Noen av timene er allerede meldt for 25.11.2026.',
  );
});

test("another family's child and a blocked guardian get 404 for GET and POST; so does another child's report", async () => {
  const ownReport = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '03.12.2026', reason: 'gravferd' },
    as(cookie.kari),
  );
  const id = reportId(ownReport.headers.get('location'));
  for (const path of [`/children/${emil}/absence`, `/children/${emil}/absence/new?kind=lessons`])
    assert.equal((await client.get(path, as(cookie.kari))).status, 404, path);
  assert.equal(
    (
      await client.post(
        `/children/${emil}/absences`,
        { kind: 'days', from: '26.11.2026', reason: 'sjuk' },
        as(cookie.kari),
      )
    ).status,
    404,
  );
  const geir = await sessionCookie(db, await person('guardian-blocked'), 'idporten');
  assert.equal((await client.get(`/children/${maja}/absence`, as(geir))).status, 404);
  assert.equal(
    (await client.post(`/children/${maja}/absences`, { kind: 'days', from: '26.11.2026', reason: 'sjuk' }, as(geir)))
      .status,
    404,
  );
  assert.equal((await client.post(`/children/${jonas}/absences/${id}/withdrawal`, {}, as(cookie.kari))).status, 404);
  const ola = await sessionCookie(db, await person('guardian-private'), 'idporten');
  assert.equal((await client.post(`/children/${sofie}/absences/${id}/withdrawal`, {}, as(ola))).status, 404);
  assert.equal(
    (await db.selectFrom('absence_report').select('withdrawn_at').where('id', '=', id).executeTakeFirstOrThrow())
      .withdrawn_at,
    null,
  );
  const anonymous = await client.get(`/children/${sofie}/absence`);
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login/);
});

test("a pupil sees their own absence without the guardians' notes; others have no /absence", async () => {
  const emma = await person('pupil');
  const school = (
    await db.selectFrom('enrolment').select('school_id').where('pupil_id', '=', emma).executeTakeFirstOrThrow()
  ).school_id;
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: emma,
      school_id: school,
      reported_by: kari,
      kind: 'days',
      from_date: '2026-11-24',
      to_date: '2026-11-24',
      reason: 'sjuk',
      note: 'Bare for skolen',
    })
    .execute();
  const res = await client.get('/absence', as(await sessionCookie(db, emma, 'feide')));
  assert.equal(res.status, 200);
  const { document, text: body } = await html(res);
  assert.equal(text(document, 'h1'), 'Fraværet mitt');
  assert.equal(text(document, '#absence-totals'), '1 dag og 0 timer');
  assert.ok(!body.includes('Bare for skolen'), 'the note stays between home and school');
  assert.equal(document.querySelector('#absence-list form'), null, 'read only');
  assert.equal((await client.get('/absence', as(cookie.kari))).status, 404);
  assert.equal(
    (await client.get('/absence', as(await sessionCookie(db, await person('contact-teacher'), 'feide')))).status,
    404,
  );
});

test('staff: rektor marks documentation received; a teacher sees without the toggle; SFO staff 403; out of reach 404', async () => {
  const reported = await client.post(
    `/children/${sofie}/absences`,
    { kind: 'days', from: '24.11.2026', reason: 'lege' },
    as(cookie.kari),
  );
  const id = reportId(reported.headers.get('location'));
  const rektor = await sessionCookie(db, await person('leadership'), 'feide');
  const page = await html(await client.get(`/pupils/${sofie}/absence`, as(rektor)));
  assert.equal(text(page.document, 'h1'), 'Fravær – Sofie Nordmann');
  assert.match(text(page.document, `#absence-report-${id}`), /Marker dokumentasjon mottatt/);
  const marked = await client.post(
    `/pupils/${sofie}/absence-reports/${id}/documentation`,
    { documented: 'true' },
    as(rektor),
  );
  assert.equal(marked.status, 303);
  const after = await html(await client.get(marked.headers.get('location')!, as(rektor)));
  assert.equal(text(after.document, '[role="status"]'), 'Markeringen er lagret.');
  assert.match(text(after.document, `#absence-report-${id}`), /✓ Dokumentert.*Fjern «dokumentasjon mottatt»/);
  assert.equal(
    (await client.post(`/pupils/${sofie}/absence-reports/${id}/documentation`, { documented: 'maybe' }, as(rektor)))
      .status,
    400,
  );

  const [sofieFacts] = await db
    .selectFrom('enrolment')
    .select(['class_id', 'school_id'])
    .where('pupil_id', '=', sofie)
    .execute();
  const municipalityId = (
    await db
      .selectFrom('school')
      .select('municipality_id')
      .where('id', '=', sofieFacts!.school_id)
      .executeTakeFirstOrThrow()
  ).municipality_id;
  const teacher = await sessionCookie(
    db,
    await insertStaff(db, {
      role: 'teacher',
      municipalityId,
      schoolId: sofieFacts!.school_id,
      classIds: [sofieFacts!.class_id],
    }),
    'feide',
  );
  const seen = await html(await client.get(`/pupils/${sofie}/absence`, as(teacher)));
  assert.match(text(seen.document, `#absence-report-${id}`), /Dokumentert/);
  assert.equal(seen.document.querySelector(`#absence-report-${id} form`), null);
  assert.equal(
    (await client.post(`/pupils/${sofie}/absence-reports/${id}/documentation`, { documented: 'false' }, as(teacher)))
      .status,
    403,
  );

  const sfoPupil = (
    await db
      .selectFrom('sfo_enrolment as s')
      .innerJoin('sfo', 'sfo.id', 's.sfo_id')
      .select('s.pupil_id')
      .where('sfo.name', 'like', 'Bjørkelia%')
      .executeTakeFirstOrThrow()
  ).pupil_id;
  const sfoStaff = await sessionCookie(db, await person('sfo-staff'), 'feide');
  assert.equal((await client.get(`/pupils/${sfoPupil}/absence`, as(sfoStaff))).status, 403);
  assert.equal(
    (
      await client.get(
        `/pupils/${sofie}/absence`,
        as(await sessionCookie(db, await person('contact-teacher'), 'feide')),
      )
    ).status,
    404,
    'Marius teaches 5A',
  );
  assert.equal(
    (await client.get(`/pupils/${sofie}/absence`, as(cookie.kari))).status,
    404,
    'guardians use the child page',
  );
});

test('the form in nynorsk and English: reason labels and the warning', async () => {
  const nn = await html(
    await client.get(`/children/${jonas}/absence/new?kind=days`, { cookie: `${cookie.kari}; skolebro_lang=nn` }),
  );
  const reasons = (document: Document) =>
    Array.from(document.querySelectorAll('input[name="reason"] + span')).map((s) => s.textContent);
  assert.deepEqual(reasons(nn.document), [
    'Sjuk',
    'Lege eller tannlege',
    'Gravferd',
    'Sjukehus eller spesialist',
    'Anna',
  ]);
  assert.match(text(nn.document, '#absence-note-warning'), /Ikkje skriv symptom eller diagnose/);
  const en = await html(
    await client.get(`/children/${jonas}/absence/new?kind=days`, { cookie: `${cookie.kari}; skolebro_lang=en` }),
  );
  assert.equal(text(en.document, 'h2#absence-form-heading'), 'Report absence for whole days');
});
