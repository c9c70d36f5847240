import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadPart } from '../../src/db/together.ts';
import { latestKindergartenNewsPart, listKindergartenChildNews } from '../../src/domain/news/feed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

/*
 * Kindergarten news and weekly plans (issue 13): the styrer publishes to the whole kindergarten or a department, a
 * pedagogical leader to their own department; the staff read them; the child's guardians see them on the daily-care
 * page and the child's news page; nobody else (404).
 */
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });
const cookie = async (key: DemoLoginKey, via: 'feide' | 'idporten') =>
  sessionCookie(db, await loginPersonId(db, key), via);

const styrer = await cookie('kindergarten-leader', 'feide');
const sondre = await cookie('pedagogical-leader', 'feide');
const amina = await cookie('kindergarten-staff', 'feide');
const kari = await cookie('guardian', 'idporten');
const teacher = await cookie('contact-teacher', 'feide');
const otherGuardian = await cookie('guardian-private', 'idporten');

const kg = (
  await db.selectFrom('kindergarten').select('id').where('name', '=', 'Bjørkelia barnehage').executeTakeFirstOrThrow()
).id;
const department = async (name: string) =>
  (
    await db
      .selectFrom('kindergarten_department')
      .select('id')
      .where('kindergarten_id', '=', kg)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const bjornehiet = await department('Bjørnehiet');
const maurtua = await department('Maurtua');
const childIn = async (given: string, family: string) =>
  (
    await db
      .selectFrom('person as p')
      .innerJoin('kindergarten_enrolment as ke', 'ke.child_id', 'p.id')
      .select('p.id')
      .where('p.given_name', '=', given)
      .where('p.family_name', '=', family)
      .executeTakeFirstOrThrow()
  ).id;
const nora = await childIn('Nora', 'Nordmann');
const theo = await childIn('Theo', 'Solvang');
const theosGuardian = await sessionCookie(
  db,
  (
    await db
      .selectFrom('guardian_relation')
      .select('guardian_id')
      .where('pupil_id', '=', theo)
      .where('blocked', '=', false)
      .where('contact_person_only', '=', false)
      .orderBy('guardian_id')
      .executeTakeFirstOrThrow()
  ).guardian_id,
  'idporten',
);
const pdf = await (await PDFDocument.create()).save();
const text = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function postNews(who: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append(
    'file',
    file
      ? new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' })
      : new File([], '', { type: 'application/octet-stream' }),
  );
  return client.app.request(`${TEST_ORIGIN}/news`, {
    method: 'POST',
    body: form,
    headers: { cookie: who, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' },
  });
}
const idOf = (res: Response) => Number(/^\/news\/(\d+)\?published=\d+$/.exec(res.headers.get('location') ?? '')![1]);
const titles = async (who: string, path: string) =>
  Array.from(
    (await html(await client.get(path, { cookie: who }))).document.querySelectorAll('article h3, article h1'),
  ).map((h) => h.textContent?.trim());

const unitNews = {
  scope: `kindergarten:${kg}`,
  kind: 'news',
  title: 'Juleavslutning 18. desember',
  body: 'Velkommen til gløgg og pepperkaker kl. 15.',
  week: '',
};
const deptPlan = {
  scope: `department:${bjornehiet}`,
  kind: 'weekly_plan',
  title: 'Ukeplan Bjørnehiet uke 49',
  body: 'Mandag: tur. Fredag: fruktfest.',
  week: '49',
};
let unitPostId = 0;
let deptPostId = 0;

test('the form offers the styrer the whole kindergarten and every department; a pedagogical leader only their own', async () => {
  const options = async (who: string) =>
    Array.from(
      (await html(await client.get('/news/new', { cookie: who }))).document.querySelectorAll('#news-scope option'),
    )
      .map((o) => o.getAttribute('value'))
      .filter(Boolean)
      .sort();
  const all = (
    await db.selectFrom('kindergarten_department').select('id').where('kindergarten_id', '=', kg).execute()
  ).map((d) => `department:${d.id}`);
  assert.deepEqual(await options(styrer), [...all, `kindergarten:${kg}`].sort());
  assert.deepEqual(await options(sondre), [`department:${bjornehiet}`]);
  assert.deepEqual(await options(amina), [], 'staff read, they do not publish');
});

test('the styrer publishes news to the whole kindergarten; its guardians are notified and see it', async () => {
  const res = await postNews(styrer, unitNews);
  assert.equal(res.status, 303);
  unitPostId = idOf(res);
  const row = await db.selectFrom('news_post').selectAll().where('id', '=', unitPostId).executeTakeFirstOrThrow();
  assert.deepEqual(
    [row.school_id, row.kindergarten_id, row.kindergarten_department_id, row.scope],
    [null, kg, null, 'kindergarten'],
  );
  const notified = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'pupil_id'])
    .where('idempotency_key', 'like', `news:${unitPostId}:%`)
    .execute();
  assert.ok(notified.length >= 10, 'the guardians of the kindergarten’s children');
  assert.ok(notified.some((n) => n.pupil_id === nora));
  assert.ok((await titles(kari, `/care/children/${nora}/news`)).includes(unitNews.title));
  assert.ok(
    (await titles(theosGuardian, `/care/children/${theo}/news`)).includes(unitNews.title),
    'another department too',
  );
  const care = await html(await client.get(`/care/children/${nora}`, { cookie: kari }));
  assert.match(text(care.document, '#care-news'), /Juleavslutning 18\. desember/);
  assert.match(text(care.document, '#care-news'), /Tur til gapahuken torsdag/, 'the seeded department news');
  const kariId = await loginPersonId(db, 'guardian');
  await db.deleteFrom('general_consent').where('guardian_id', '=', kariId).execute();
  await db
    .insertInto('general_consent')
    .values({ guardian_id: kariId, state: 'given', decided_at: new Date(`${TODAY}T08:00:00+01:00`) })
    .execute();
  const home = await html(await client.get('/home', { cookie: kari }));
  assert.ok(
    home.document.querySelector(`[data-kindergarten-child="${nora}"] a[href="/care/children/${nora}/news"]`),
    'the home card links to the news',
  );
  const staffView = await html(await client.get(`/news/${unitPostId}`, { cookie: amina }));
  assert.match(text(staffView.document, 'main'), /Juleavslutning/);
  assert.equal(
    staffView.document.querySelector(`form[action="/news/${unitPostId}/deletion"]`),
    null,
    'staff only read',
  );
});

test('a publish with an empty title keeps the body and shows the error', async () => {
  const res = await postNews(sondre, { ...deptPlan, title: '' });
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(text(document, '[role="alert"]'), /Skriv en tittel/);
  assert.match(text(document, '#news-title-error, [id^="news-title"][id$="error"]'), /Skriv en tittel/);
  assert.equal(document.querySelector('#news-body')?.textContent, deptPlan.body);
  assert.equal(document.querySelector('#news-week')?.getAttribute('value'), '49');
  assert.ok(document.querySelector(`option[value="department:${bjornehiet}"][selected]`));
});

test('the pedagogical leader publishes a weekly plan with a PDF to their department; only its guardians see it', async () => {
  const res = await postNews(sondre, deptPlan, { name: 'Ukeplan.pdf', bytes: pdf });
  assert.equal(res.status, 303);
  deptPostId = idOf(res);
  assert.ok((await titles(kari, `/care/children/${nora}/news`)).includes(deptPlan.title));
  assert.ok(!(await titles(theosGuardian, `/care/children/${theo}/news`)).includes(deptPlan.title), 'Maurtua');
  const page = await html(await client.get(`/care/children/${nora}/news`, { cookie: kari }));
  const href = Array.from(page.document.querySelectorAll('article'))
    .find((a) => a.textContent?.includes(deptPlan.title))!
    .querySelector('a[download]')!
    .getAttribute('href')!;
  assert.match(href, new RegExp(`^/care/children/${nora}/news/${deptPostId}/attachments/\\d+$`));
  const download = await client.get(href, { cookie: kari });
  assert.equal(download.status, 200);
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);
  const attachmentId = href.split('/').pop();
  assert.equal(
    (
      await client.get(`/care/children/${theo}/news/${deptPostId}/attachments/${attachmentId}`, {
        cookie: theosGuardian,
      })
    ).status,
    404,
  );
  const care = await html(await client.get(`/care/children/${nora}`, { cookie: kari }));
  assert.equal(care.document.querySelector('#care-news a[download]')?.getAttribute('href'), href, 'the care page too');
  // the care page's part (one statement with the rest) gives what the list query gives
  const fromPart = await loadPart(db, latestKindergartenNewsPart(db, nora, TODAY, 3));
  const fromList = await listKindergartenChildNews(db, nora, TODAY, 1, 3);
  assert.deepEqual(fromPart, fromList.items);
  const list = await html(await client.get('/news', { cookie: amina }));
  assert.ok(Array.from(list.document.querySelectorAll('main a')).some((a) => a.textContent === deptPlan.title));
});

test('a pedagogical leader cannot publish to or read another department (404), nor take down the styrer’s post (403)', async () => {
  assert.equal((await postNews(sondre, { ...deptPlan, scope: `department:${maurtua}` })).status, 404);
  const maurtuaPost = await postNews(styrer, {
    ...unitNews,
    scope: `department:${maurtua}`,
    title: 'Maurtua: foreldrekaffe',
  });
  assert.equal(maurtuaPost.status, 303);
  assert.equal((await client.get(`/news/${idOf(maurtuaPost)}`, { cookie: sondre })).status, 404);
  assert.equal((await client.get(`/news/${idOf(maurtuaPost)}`, { cookie: amina })).status, 404);
  assert.ok(!(await titles(kari, `/care/children/${nora}/news`)).includes('Maurtua: foreldrekaffe'));
  assert.equal((await client.get(`/news/${unitPostId}`, { cookie: sondre })).status, 200, 'he reads it');
  assert.equal((await client.post(`/news/${unitPostId}/deletion`, {}, { cookie: sondre })).status, 403);
  assert.equal((await client.post(`/news/${deptPostId}/deletion`, {}, { cookie: amina })).status, 403);
});

test('nobody else sees them: another family, a school teacher, staff on the guardians’ page', async () => {
  for (const path of [`/care/children/${nora}/news`, `/news/${deptPostId}`])
    assert.equal((await client.get(path)).status, 302, `anonymous: ${path}`);
  assert.equal((await client.get(`/care/children/${nora}/news`, { cookie: otherGuardian })).status, 404);
  assert.equal((await client.get(`/care/children/${nora}/news`, { cookie: theosGuardian })).status, 404);
  assert.equal(
    (await client.get(`/care/children/${nora}/news`, { cookie: styrer })).status,
    404,
    'the guardians’ page',
  );
  for (const who of [teacher, otherGuardian, kari])
    for (const id of [unitPostId, deptPostId])
      assert.equal((await client.get(`/news/${id}`, { cookie: who })).status, 404);
  assert.equal((await client.post(`/news/${deptPostId}/deletion`, {}, { cookie: teacher })).status, 404);
  const teacherList = await html(await client.get('/news', { cookie: teacher }));
  assert.doesNotMatch(teacherList.text, /Juleavslutning|Ukeplan Bjørnehiet/);
});

test('the styrer takes down the department’s plan; the guardians no longer see it', async () => {
  const res = await client.post(`/news/${deptPostId}/deletion`, {}, { cookie: styrer });
  assert.equal(res.status, 303);
  assert.ok(!(await titles(kari, `/care/children/${nora}/news`)).includes(deptPlan.title));
  assert.equal((await client.get(`/news/${deptPostId}`, { cookie: sondre })).status, 404);
});
