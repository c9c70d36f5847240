import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { renderLetterPdf } from '../../src/domain/documents/pdf.ts';
import { storeDocument } from '../../src/domain/documents/store.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db);

const personByLogin = (key: string) => loginPersonId(db, key as DemoLoginKey);
/** A child of a guardian, by the child's given name. */
async function childOf(guardianId: number, given: string): Promise<number> {
  const row = await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .select('p.id')
    .where('r.guardian_id', '=', guardianId)
    .where('p.given_name', '=', given)
    .executeTakeFirstOrThrow();
  return row.id;
}
async function coGuardian(pupilId: number, not: number): Promise<number> {
  const row = await db
    .selectFrom('guardian_relation')
    .select('guardian_id')
    .where('pupil_id', '=', pupilId)
    .where('guardian_id', '<>', not)
    .executeTakeFirstOrThrow();
  return row.guardian_id;
}
const headers = (cookie: string) => ({ cookie });

const kari = await personByLogin('guardian');
const ola = await personByLogin('guardian-private');
const geir = await personByLogin('guardian-blocked');
const hanne = await personByLogin('guardian-left');
const sofie = await childOf(kari, 'Sofie');
const jonas = await childOf(kari, 'Jonas');
const emil = await childOf(ola, 'Emil');
const maja = await childOf(geir, 'Maja');
const oskar = await childOf(hanne, 'Oskar');
const anders = await coGuardian(sofie, kari);
const trine = await coGuardian(maja, geir);

const pdf = await renderLetterPdf({
  sender: ['Bjørkelia skole'],
  recipient: ['Foresatte'],
  date: '20.11.2026',
  title: 'Testbrev',
  sections: [],
});
async function addDocument(
  pupilId: number,
  title: string,
  guardianId: number | null = null,
  createdAt = new Date('2026-11-20T10:00:00Z'),
) {
  return (
    await storeDocument(db, {
      pupilId,
      guardianId,
      kind: 'letter',
      title,
      filename: `${title}.pdf`,
      contentType: 'application/pdf',
      content: pdf,
      createdBy: null,
      createdAt,
    })
  ).id;
}
const documentTitles = (document: Document) =>
  Array.from(document.querySelectorAll('#child-section li p.font-semibold')).map((p) => p.textContent);
const downloadLinks = (document: Document) =>
  Array.from(document.querySelectorAll<HTMLAnchorElement>('#child-section a[download]')).map((a) =>
    a.getAttribute('href'),
  );

test('a guardian sees the welcome letter in the documents section and downloads it as a PDF', async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const res = await client.get(`/children/${sofie}/documents`, headers(cookie));
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.deepEqual(documentTitles(document), ['Velkomstbrev skoleåret 2026–2027']);
  assert.match(document.querySelector('#child-section li')!.textContent!, /Brev · Dato 10\.08\.2026/);
  assert.equal(document.querySelector('nav a[aria-current="page"]')?.textContent, 'Dokumenter');
  const [href] = downloadLinks(document);
  assert.match(href!, /^\/documents\/\d+$/);
  assert.match(
    document.querySelector('a[download]')!.textContent!,
    /Last ned Velkomstbrev skoleåret 2026–2027 \(PDF, \d+ kB\)/,
  );

  const download = await client.get(href!, headers(cookie));
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.equal(download.headers.get('cache-control'), 'private, no-store');
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(
    download.headers.get('content-disposition'),
    `attachment; filename="Velkomstbrev skolearet 2026_2027 _ Sofie.pdf"; filename*=UTF-8''${encodeURIComponent('Velkomstbrev skoleåret 2026–2027 – Sofie.pdf')}`,
  );
  const bytes = Buffer.from(await download.arrayBuffer());
  const stored = await db
    .selectFrom('document')
    .select(['sha256', 'pupil_id'])
    .where('id', '=', Number(href!.split('/').pop()))
    .executeTakeFirstOrThrow();
  assert.equal(createHash('sha256').update(bytes).digest('hex'), stored.sha256);
  const text = await pdfText(bytes);
  assert.match(text, /Velkommen til et nytt skoleår ved Bjørkelia skole/);
  assert.match(text, /Til foresatte for Sofie Nordmann/);
});

test('the letter to a child at a nynorsk school is in nynorsk', async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const { document } = await html(await client.get(`/children/${jonas}/documents`, headers(cookie)));
  assert.deepEqual(documentTitles(document), ['Velkomstbrev skuleåret 2026–2027']);
  const download = await client.get(downloadLinks(document)[0]!, headers(cookie));
  const text = await pdfText(await download.arrayBuffer());
  assert.match(text, /Velkomen til eit nytt skuleår ved Fjellheim skule/);
  assert.match(text, /Side 1 av 1/);
});

test('every download is audited: who, which document, about which child', async () => {
  const cookie = await sessionCookie(db, ola, 'idporten');
  const { document } = await html(await client.get(`/children/${emil}/documents`, headers(cookie)));
  const href = downloadLinks(document)[0]!;
  const id = href.split('/').pop()!;
  const count = async () =>
    (
      await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'document.download')
        .where('record_id', '=', id)
        .execute()
    ).length;
  assert.equal(await count(), 0);
  assert.equal((await client.get(href, headers(cookie))).status, 200);
  assert.equal((await client.get(href, headers(cookie))).status, 200);
  assert.equal(await count(), 2);
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'document.download')
    .where('record_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.actor_person_id, ola);
  assert.equal(row.actor_role, 'guardian');
  assert.equal(row.subject_person_id, emil);
  assert.equal(row.record_type, 'document');
  // a refused download leaves no trace of a download
  await client.get(href, headers(await sessionCookie(db, kari, 'idporten')));
  assert.equal(await count(), 2);
});

test('another family, a blocked guardian, a pupil who left and staff get 404, for the list and the file', async () => {
  const sofieDoc = (
    await db.selectFrom('document').select('id').where('pupil_id', '=', sofie).executeTakeFirstOrThrow()
  ).id;
  const majaDoc = await addDocument(maja, 'Brev om Maja');
  const oskarDoc = await addDocument(oskar, 'Brev om Oskar');
  const fiveA = await db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select('e.pupil_id')
    .where('c.name', '=', '5A')
    .where('s.name', '=', 'Bjørkelia skole')
    .where('e.ends_on', 'is', null)
    .orderBy('e.pupil_id')
    .executeTakeFirstOrThrow();
  const fiveADoc = await addDocument(fiveA.pupil_id, 'Brev til 5A');
  const cases: [string, string, number, number][] = [
    ['another family', await sessionCookie(db, ola, 'idporten'), sofie, sofieDoc],
    ['blocked guardian', await sessionCookie(db, geir, 'idporten'), maja, majaDoc],
    ['pupil who left', await sessionCookie(db, hanne, 'idporten'), oskar, oskarDoc],
    [
      'contact teacher',
      await sessionCookie(db, await personByLogin('contact-teacher'), 'feide'),
      fiveA.pupil_id,
      fiveADoc,
    ],
    ['leadership', await sessionCookie(db, await personByLogin('leadership'), 'feide'), fiveA.pupil_id, fiveADoc],
  ];
  for (const [who, cookie, pupil, doc] of cases) {
    assert.equal((await client.get(`/children/${pupil}/documents`, headers(cookie))).status, 404, `${who}: list`);
    const res = await client.get(`/documents/${doc}`, headers(cookie));
    assert.equal(res.status, 404, `${who}: download`);
    assert.notEqual(res.headers.get('content-type'), 'application/pdf', who);
  }
  // the unblocked mother still gets Maja's letter
  assert.equal(
    (await client.get(`/documents/${majaDoc}`, headers(await sessionCookie(db, trine, 'idporten')))).status,
    200,
  );
  const kariCookie = await sessionCookie(db, kari, 'idporten');
  for (const path of ['/documents/999999', '/documents/abc', '/documents/-1'])
    assert.equal((await client.get(path, headers(kariCookie))).status, 404, path);
});

test('a document addressed to the other guardian is neither listed nor downloadable', async () => {
  const toAnders = await addDocument(sofie, 'Bare til Anders', anders, new Date('2026-11-21T10:00:00Z'));
  const toKari = await addDocument(sofie, 'Bare til Kari', kari, new Date('2026-11-22T10:00:00Z'));
  const kariCookie = await sessionCookie(db, kari, 'idporten');
  const andersCookie = await sessionCookie(db, anders, 'idporten');
  const forKari = documentTitles(
    (await html(await client.get(`/children/${sofie}/documents`, headers(kariCookie)))).document,
  );
  assert.deepEqual(forKari, ['Bare til Kari', 'Velkomstbrev skoleåret 2026–2027']);
  const forAnders = documentTitles(
    (await html(await client.get(`/children/${sofie}/documents`, headers(andersCookie)))).document,
  );
  assert.deepEqual(forAnders, ['Bare til Anders', 'Velkomstbrev skoleåret 2026–2027']);
  assert.equal((await client.get(`/documents/${toAnders}`, headers(kariCookie))).status, 404);
  assert.equal((await client.get(`/documents/${toKari}`, headers(andersCookie))).status, 404);
  assert.equal((await client.get(`/documents/${toKari}`, headers(kariCookie))).status, 200);
});

test('anonymous visitors are sent to log in and back', async () => {
  for (const path of [`/children/${sofie}/documents`, '/documents/1']) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.equal(res.headers.get('location'), `/login?return_to=${encodeURIComponent(path)}`);
  }
});

test('the list shows 20 at a time, newest first, with a link to older ones that works without JavaScript', async () => {
  const cookie = await sessionCookie(db, ola, 'idporten');
  for (let i = 1; i <= 25; i++) await addDocument(emil, `Ukebrev ${i}`, null, new Date(Date.UTC(2026, 8, i, 10)));
  const first = (await html(await client.get(`/children/${emil}/documents`, headers(cookie)))).document;
  const titles = documentTitles(first);
  assert.equal(titles.length, 20);
  assert.deepEqual(titles.slice(0, 3), ['Ukebrev 25', 'Ukebrev 24', 'Ukebrev 23']);
  const older = Array.from(first.querySelectorAll('a')).find((a) => a.textContent === 'Vis eldre dokumenter')!;
  assert.match(older.getAttribute('href')!, new RegExp(`^/children/${emil}/documents\\?before=\\d+$`));
  const second = (await html(await client.get(older.getAttribute('href')!, headers(cookie)))).document;
  assert.deepEqual(documentTitles(second), [
    'Ukebrev 5',
    'Ukebrev 4',
    'Ukebrev 3',
    'Ukebrev 2',
    'Ukebrev 1',
    'Velkomstbrev skoleåret 2026–2027',
  ]);
  const links = Array.from(second.querySelectorAll('#child-section nav a')).map((a) => a.textContent);
  assert.deepEqual(links, ['Tilbake til de nyeste dokumentene']);
  // a cursor from another child's document shows nothing of that child
  const sofieDoc = (
    await db.selectFrom('document').select('id').where('pupil_id', '=', sofie).executeTakeFirstOrThrow()
  ).id;
  const foreign = (await html(await client.get(`/children/${emil}/documents?before=${sofieDoc}`, headers(cookie))))
    .document;
  assert.deepEqual(documentTitles(foreign), []);
  assert.match(foreign.querySelector('#child-section')!.textContent!, /Det er ingen eldre dokumenter/);
  // garbage in the cursor is the first page
  assert.equal(
    documentTitles((await html(await client.get(`/children/${emil}/documents?before=x`, headers(cookie)))).document)
      .length,
    20,
  );
});

test('an htmx request gets only the section; a child without documents gets the empty text', async () => {
  const cookie = await sessionCookie(db, trine, 'idporten');
  const maja2 = await db.selectFrom('document').select('id').where('pupil_id', '=', maja).execute();
  // setup only: an archived document cannot be deleted while its journal post refers to it (the app deletes none)
  await db
    .deleteFrom('archive_registration')
    .where(
      'document_id',
      'in',
      maja2.map((d) => d.id),
    )
    .execute();
  await db
    .deleteFrom('document')
    .where(
      'id',
      'in',
      maja2.map((d) => d.id),
    )
    .execute();
  const res = await client.get(`/children/${maja}/documents`, {
    ...headers(cookie),
    'hx-request': 'true',
    'hx-target': 'div#child-section',
  });
  const { text } = await html(res);
  assert.equal(res.status, 200);
  assert.doesNotMatch(text, /<html/);
  assert.match(text, /Det er ingen dokumenter om Maja ennå/);
  assert.doesNotMatch(text, /<ul/);
});
