import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
const person = (key: DemoLoginKey) => loginPersonId(db, key);

const rektor = await sessionCookie(db, await person('leadership'), 'feide');
const marius = await sessionCookie(db, await person('contact-teacher'), 'feide');
const kari = await sessionCookie(db, await person('guardian'), 'idporten');
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const class5a = (
  await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', bjorkelia)
    .where('name', '=', '5A')
    .executeTakeFirstOrThrow()
).id;
const family = await db
  .selectFrom('guardian_relation as r')
  .innerJoin('enrolment as e', 'e.pupil_id', 'r.pupil_id')
  .select(['r.guardian_id', 'r.pupil_id'])
  .where('e.class_id', '=', class5a)
  .where('e.ends_on', 'is', null)
  .where('r.blocked', '=', false)
  .where('r.contact_person_only', '=', false)
  .where('r.parental_responsibility', '=', true)
  .orderBy('r.pupil_id')
  .orderBy('r.guardian_id')
  .executeTakeFirstOrThrow();
const parent = await sessionCookie(db, family.guardian_id, 'idporten');
const sofie = (
  await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow()
).id;
const pdf = await (await PDFDocument.create()).save();
const text = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A multipart form post with an optional file, as a browser sends it (an unchosen file input sends an empty, nameless part). */
function postNews(cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
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
    headers: { cookie, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' },
  });
}
const plan = {
  scope: `class:${class5a}`,
  kind: 'weekly_plan',
  title: 'Ukeplan 5A uke 49',
  body: 'Lekser: les side 12–14.',
  week: '49',
};
let postId = 0;
let attachmentUrl = '';

test('anonymous visitors log in first; guardians have no publishing pages', async () => {
  for (const path of ['/news', '/news/new', `/children/${sofie}/news`])
    assert.equal((await client.get(path)).status, 302, path);
  assert.equal((await client.get('/news', { cookie: kari })).status, 404);
  assert.equal((await client.get('/news/new', { cookie: kari })).status, 404);
  assert.equal((await postNews(kari, plan)).status, 404);
});

test('a file that is not a PDF is refused with a clear message, and the text is kept', async () => {
  const res = await postNews(rektor, plan, {
    name: 'ukeplan.pdf',
    bytes: new TextEncoder().encode('<html>Dette er ikke en PDF</html>'),
  });
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(text(document, '[role="alert"]'), /Vedlegget må være en PDF-fil/);
  assert.equal(document.querySelector('#news-title')?.getAttribute('value'), plan.title);
  assert.equal(document.querySelector('#news-week')?.getAttribute('value'), '49');
  assert.equal(document.querySelector('#news-body')?.textContent, plan.body);
  assert.ok(document.querySelector(`option[value="class:${class5a}"][selected]`));
  assert.ok(document.querySelector('#news-kind-weekly_plan[checked]'));
  assert.equal(document.querySelector('#news-file')?.getAttribute('aria-invalid'), 'true');
  assert.equal((await db.selectFrom('news_post').select('id').where('school_id', 'is not', null).execute()).length, 0);
});

test('a good PDF with another error must be chosen again, and the form says so', async () => {
  const res = await postNews(rektor, { ...plan, title: '' }, { name: 'ukeplan.pdf', bytes: pdf });
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(text(document, '[role="alert"]'), /Skriv en tittel.*Velg den på nytt/);
  assert.match(text(document, '#news-file-error'), /Filen du valgte, er ikke lagret/);
  const large = new Uint8Array(11 * 1024 * 1024);
  large.set(new TextEncoder().encode('%PDF-1.7'));
  const tooLarge = await postNews(rektor, plan, { name: 'stor.pdf', bytes: large });
  assert.equal(tooLarge.status, 422);
  const tooLargePage = (await html(tooLarge)).document;
  assert.match(text(tooLargePage, '[role="alert"]'), /større enn 10 MB/);
  assert.equal(tooLargePage.querySelector('#news-title')?.getAttribute('value'), plan.title, 'the text is kept');
  const huge = await postNews(rektor, plan, { name: 'enorm.pdf', bytes: new Uint8Array(26 * 1024 * 1024) });
  assert.equal(huge.status, 413, 'too large to read at all');
  assert.match(text((await html(huge)).document, 'main'), /Filen er for stor.*Ingenting er publisert/);
});

test('the rektor publishes a weekly plan with a PDF for a class', async () => {
  const res = await postNews(rektor, plan, { name: 'Ukeplan uke 49.pdf', bytes: pdf });
  assert.equal(res.status, 303);
  const location = res.headers.get('location')!;
  postId = Number(/\/news\/(\d+)\?published=\d+$/.exec(location)![1]);
  const page = await html(await client.get(location, { cookie: rektor }));
  assert.match(text(page.document, '[role="status"]'), /Publisert\. \d+ foresatte har fått varsel\./);
  assert.match(text(page.document, 'main'), /Ukeplan uke 49.*For 5A/);
  const list = await html(await client.get('/news', { cookie: marius }));
  assert.ok(
    Array.from(list.document.querySelectorAll('main a')).some((a) => a.textContent === plan.title),
    "the contact teacher sees the class's post",
  );
});

test('the guardian of a 5A pupil sees it on the child page and downloads the PDF', async () => {
  const page = await html(await client.get(`/children/${family.pupil_id}/news`, { cookie: parent }));
  assert.equal(page.document.querySelector('nav a[aria-current="page"]')?.textContent, 'Nyheter');
  const article = Array.from(page.document.querySelectorAll('article')).find((a) =>
    a.textContent?.includes(plan.title),
  )!;
  assert.match(article.textContent ?? '', /Ukeplan uke 49/);
  attachmentUrl = article.querySelector('a[download]')!.getAttribute('href')!;
  assert.match(attachmentUrl, new RegExp(`^/children/${family.pupil_id}/news/${postId}/attachments/\\d+$`));
  const download = await client.get(attachmentUrl, { cookie: parent });
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="Ukeplan uke 49.pdf"/);
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);

  const fragment = await client.get(`/children/${family.pupil_id}/news`, {
    cookie: parent,
    'hx-request': 'true',
    'hx-target': '#child-section',
  });
  assert.doesNotMatch(await fragment.text(), /<html/, 'htmx gets only the section');
});

test('another family sees neither the post nor its attachment', async () => {
  assert.equal((await client.get(attachmentUrl, { cookie: kari })).status, 404, 'not their child');
  const attachmentId = attachmentUrl.split('/').pop();
  assert.equal(
    (await client.get(`/children/${sofie}/news/${postId}/attachments/${attachmentId}`, { cookie: kari })).status,
    404,
    'not through their own child either',
  );
  const sofiesNews = await html(await client.get(`/children/${sofie}/news`, { cookie: kari }));
  assert.doesNotMatch(sofiesNews.text, /Ukeplan 5A uke 49/);
});

test('the contact teacher deletes the post; it is gone for guardians', async () => {
  const res = await client.post(`/news/${postId}/deletion`, {}, { cookie: marius });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/news?deleted=1');
  assert.match(
    text((await html(await client.get('/news?deleted=1', { cookie: marius }))).document, '[role="status"]'),
    /slettet/,
  );
  assert.equal((await client.get(attachmentUrl, { cookie: parent })).status, 404);
  assert.equal((await client.get(`/news/${postId}`, { cookie: marius })).status, 404);
});
